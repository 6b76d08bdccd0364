"""Strict query filters for every list endpoint: a parameter that is given must be valid.

django-filter quietly ignores input it cannot read (``?state=``, ``?in_use=maybe``) and
answers the unfiltered list, so a client's typo would go unnoticed. These classes refuse
such input with a 400 that says the same thing in every app, and each one states in the
OpenAPI schema exactly what it accepts.
"""

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

SLUG_PATTERN = "[-a-zA-Z0-9_]+"

EMPTY_VALUE = _("Give a value, or leave the parameter out.")
NOT_A_BOOLEAN = _("Give true or false.")


class StrictFilterSet(filters.FilterSet):
    """An empty value (``?state=``) is refused (400) rather than read as "no filter"."""

    def is_valid(self):
        valid = super().is_valid()
        for name in self.filters:
            if self.data.get(name) == "":
                self.form.add_error(name, EMPTY_VALUE)
        return valid and not self.form.errors


class StrictBooleanField(forms.Field):
    """``true`` or ``false`` only: Django's NullBooleanField also reads ``1``, ``on``, ``True``
    and ignores anything else, which the schema's boolean does not allow."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if value not in ("true", "false"):
            raise forms.ValidationError(NOT_A_BOOLEAN, code="invalid")
        return value == "true"


# django-filter's base class: the REST framework one reads the value through a widget that
# turns anything but true/false into "no filter".
class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class DigitsField(forms.IntegerField):
    """Only plain digits: ``1.0`` or ``+1`` are not the integers the schema promises."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not (isinstance(value, str) and value.isascii() and value.isdigit()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)


def _document(filter_, schema: dict) -> None:
    # A schema given by hand replaces the one drf-spectacular derives, help text included.
    help_text = filter_.extra.get("help_text")
    extend_schema_field({**schema, "description": help_text} if help_text else schema)(filter_)


class IntegerFilter(filters.NumberFilter):
    """A whole number between ``min_value`` and ``max_value``, as the schema states."""

    field_class = DigitsField

    def __init__(self, *, min_value: int, max_value: int, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
        _document(self, {"type": "integer", "minimum": min_value, "maximum": max_value})


class PatternFilter(filters.CharFilter):
    """Text that matches ``pattern`` whole.

    Nothing is stripped: `` sahel`` breaks the documented pattern and is refused like any
    other mismatch.
    """

    def __init__(self, pattern: str, *, max_length: int | None = None, **kwargs):
        validator = RegexValidator(rf"^{pattern}\Z")
        super().__init__(validators=[validator], strip=False, max_length=max_length, **kwargs)
        schema = {"type": "string", "pattern": f"^{pattern}$"}
        if max_length is not None:
            schema["maxLength"] = max_length
        _document(self, schema)


class SlugFilter(PatternFilter):
    def __init__(self, **kwargs):
        super().__init__(SLUG_PATTERN, **kwargs)


class TextFilter(filters.CharFilter):
    """Any text; the schema says it is not empty (``StrictFilterSet`` refuses ``?name=``)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        _document(self, {"type": "string", "minLength": 1})
