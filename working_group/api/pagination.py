"""The API's paginations with a strict ``page_size``.

DRF silently falls back to the default page size for ``page_size=abc`` and caps values
above the maximum; the schema documents an integer from 1 to the maximum, so anything
else is refused with 400, as any other invalid parameter is. (Candidates for
``visie_portal.api.pagination``, which every app's API shares.)
"""

from django.utils.translation import gettext as _
from rest_framework import serializers

from visie_portal.api.pagination import StandardPagination, StreamPagination


class StrictPageSizeMixin:
    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise serializers.ValidationError(
                {
                    self.page_size_query_param: _("Give a whole number from 1 to %(maximum)s.")
                    % {"maximum": self.max_page_size}
                }
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        page = getattr(self, "page_query_param", None)
        raw = request.query_params.get(page) if page else None
        if raw is not None and not (raw.isascii() and raw.isdigit() and int(raw) >= 1):
            raise serializers.ValidationError({page: _("Give a page number from 1.")})
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            elif parameter["name"] == getattr(self, "page_query_param", None):
                parameter["schema"].update(minimum=1)
        return parameters


class PagePagination(StrictPageSizeMixin, StandardPagination):
    """Numbered pages for the public lists of one group (tens to hundreds of items)."""


class CursorPagination(StrictPageSizeMixin, StreamPagination):
    """Cursor pages for the members' task list and comments, which grow without bound."""
