"""Admin change lists that treat unstorable query values as an invalid filter.

PostgreSQL text cannot hold a NUL character; a hand-edited ``?state=%00`` (or ``?q=%00``)
reaches the database only when the list renders and raises a 500 there. Refusing it while
the change list is built gives the admin's own answer to a bad filter: a redirect to
``?e=1`` and the "invalid filter" page, on every database alike.
"""

from django.contrib.admin.options import IncorrectLookupParameters


class StrictChangeListMixin:
    def get_changelist_instance(self, request):
        for name, values in request.GET.lists():
            if any("\x00" in value for value in values):
                raise IncorrectLookupParameters(f"{name}: NUL character")
        return super().get_changelist_instance(request)
