"""The API's two paginations, strict about their numbers.

DRF silently falls back to the default for ``page_size=abc`` and caps values above the
maximum; the schema documents an integer from 1 to the maximum (and a page from 1), so
anything else is refused with 400 like any other invalid parameter — clients and the
schemathesis fuzz test rely on the schema telling the truth. A page past the end stays
a 404, as in DRF.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination


def _whole_number(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() else None


class StrictNumbersMixin:
    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = _whole_number(raw)
        if size is None or not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to %(maximum)s.")
                        % {"maximum": self.max_page_size}
                    ]
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        page_param = getattr(self, "page_query_param", None)
        raw = request.query_params.get(page_param) if page_param else None
        if raw is not None and not (_whole_number(raw) or 0) >= 1:
            raise ValidationError({page_param: [_("Give a page number from 1.")]})
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            elif parameter["name"] == getattr(self, "page_query_param", None):
                parameter["schema"].update(minimum=1)
        return parameters


class StandardPagination(StrictNumbersMixin, PageNumberPagination):
    """Numbered pages for lists that stay small (regions, topics, legislatures…)."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


class StreamPagination(StrictNumbersMixin, CursorPagination):
    """Cursor pages for lists that grow without bound: page 1,000 costs what page 1 costs.

    Views set ``ordering`` to a unique, indexed key (e.g. ``("-created_at", "-id")``).
    """

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
