"""The API's one ``?ordering=`` parameter, strict about its values.

DRF's ``OrderingFilter`` silently ignores a value it does not know; the schema lists the
allowed values, so anything else is refused with 400 like any other invalid parameter.

A view declares:

- ``ordering``: the default order, unique on its own (it ends in a key);
- ``ordering_choices``: public name → model field; ``-name`` sorts descending;
- ``ordering_tiebreakers`` (default ``("pk",)``): unique keys appended to a requested
  order, in its direction, so rows that tie never move between pages (PostgreSQL
  promises no order for ties) and a descending list is exactly the ascending one
  reversed — which also lets one index serve both.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter


class StrictOrderingFilter(OrderingFilter):
    def get_ordering(self, request, queryset, view) -> list[str]:
        requested = request.query_params.get(self.ordering_param)
        if requested is None:
            return list(view.ordering)
        field = view.ordering_choices.get(requested.removeprefix("-"))
        if field is None:
            raise ValidationError(
                {
                    self.ordering_param: [
                        _("Choose one of: %(choices)s.") % {"choices": ", ".join(values(view))}
                    ]
                }
            )
        direction = "-" if requested.startswith("-") else ""
        tiebreakers = getattr(view, "ordering_tiebreakers", ("pk",))
        return [f"{direction}{key}" for key in (field, *tiebreakers)]

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Sort order; a leading minus sorts descending.",
                "schema": {"type": "string", "enum": values(view)},
            }
        ]


def values(view) -> list[str]:
    """Every value ``?ordering=`` accepts on ``view``, ascending then descending by name."""
    return [value for name in view.ordering_choices for value in (name, f"-{name}")]
