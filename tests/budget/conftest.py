"""Helpers to drive the admin like an editor does: GET the form, change fields, POST."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import override

from budget.money import MoneyInput


def _value(bound_field):
    value = bound_field.value()
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(bound_field.field.widget, MoneyInput):
        # What the page shows and the browser sends back: the amount as its language writes it.
        return bound_field.field.widget.format_value(value)
    return value


def admin_form_data(response) -> dict:
    """The POST data the admin change/add page would send unchanged, inlines included."""
    data = {}

    def add(form):
        for name in form.fields:
            value = _value(form[name])
            if value is not None:
                data[form.add_prefix(name)] = value

    with override(response.wsgi_request.LANGUAGE_CODE):
        add(response.context["adminform"].form)
        for inline in response.context["inline_admin_formsets"]:
            add(inline.formset.management_form)
            for form in inline.formset.forms:
                add(form)
    return data


def add_line(data: dict, *, kind, purpose, requested, granted="0.00") -> dict:
    index = int(data["lines-TOTAL_FORMS"])
    data.update(
        {
            f"lines-{index}-kind": kind,
            f"lines-{index}-purpose": purpose,
            f"lines-{index}-amount_requested": str(requested),
            f"lines-{index}-amount_granted": str(granted),
            "lines-TOTAL_FORMS": str(index + 1),
        }
    )
    return data


# The admin runs under /en/ in these tests so messages can be compared in English.
@pytest.fixture
def review_add_url():
    with override("en"):
        return reverse("admin:budget_yearlyreview_add")


def review_change_url(review):
    with override("en"):
        return reverse("admin:budget_yearlyreview_change", args=[review.pk])


def errors_of(response) -> str:
    """Every error message the admin page shows (form, fields and inlines), as one text."""
    messages = []
    form = response.context["adminform"].form
    for errors in form.errors.values():
        messages.extend(errors)
    for inline in response.context["inline_admin_formsets"]:
        messages.extend(inline.formset.non_form_errors())
        for form_errors in inline.formset.errors:
            for errors in form_errors.values():
                messages.extend(errors)
    return " | ".join(str(message) for message in messages)


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture(autouse=True)
def _english():
    """Services and pages run in English here, so tests compare the English messages."""
    with override("en"):
        yield
