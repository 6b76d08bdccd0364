"""The shared paginations, strict about their numbers: ``page_size`` out of range, or a
``page`` or ``page_size`` that is not a number, is a 400.

DRF silently falls back to the default for such values; the schema states the type and
range, so a request outside them is refused instead (clients and the fuzz test rely on
the schema). A page number past the end stays a 404, as in DRF.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from visie_portal.api.pagination import StandardPagination, StreamPagination


class StrictPageSizeMixin:
    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            message = _("Give a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]})
        return size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            elif parameter["name"] == getattr(self, "page_query_param", None):
                parameter["schema"].update(minimum=1)
        return parameters


class RegionsPagination(StrictPageSizeMixin, StandardPagination):
    """Numbered pages for the short lists (regions, topics, organisations, countries)."""

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not raw.isdecimal():
            raise ValidationError({self.page_query_param: [_("Give a page number from 1.")]})
        return super().get_page_number(request, paginator)


class AnalysisPagination(StrictPageSizeMixin, StreamPagination):
    """Cursor pages for analyses, a list that keeps growing."""
