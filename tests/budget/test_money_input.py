"""Amounts typed in the admin as the editor's language writes them; an amount that could
be read two ways is refused with the reading, never guessed."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import override

from budget.models import Legislature, ReviewLine
from budget.money import MoneyField
from tests.budget.conftest import add_line, admin_form_data, errors_of
from tests.budget.factories import LegislatureFactory, ReviewLineFactory, YearlyReviewFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "fr", "de", "en"]


def _url(name, language, *args):
    with override(language):
        return reverse(name, args=args)


def _post_new_line(client, editor, language, requested):
    legislature = LegislatureFactory()
    url = _url("admin:budget_yearlyreview_add", language)
    client.force_login(editor)
    data = admin_form_data(client.get(url))
    data.update(legislature=legislature.pk, year="2016", state="planned")
    add_line(data, kind="payment", purpose="debt_repayment", requested=requested, granted="0")
    return client.post(url, data)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("nl", "60.000.000,50"),
        ("de", "60.000.000,50"),
        ("fr", "60 000 000,50"),
        ("en", "60,000,000.50"),
    ],
)
def test_an_amount_grouped_as_the_language_writes_it_is_stored_exactly(
    client, editor, language, typed
):
    _post_new_line(client, editor, language, typed)

    assert ReviewLine.objects.get().amount_requested == Decimal("60000000.50")


@pytest.mark.parametrize(
    ("language", "typed"),
    [("nl", "60000000,50"), ("de", "60000000,50"), ("fr", "60000000,50"), ("en", "60000000.50")],
)
def test_an_amount_without_grouping_takes_the_languages_decimal_mark(
    client, editor, language, typed
):
    _post_new_line(client, editor, language, typed)

    assert ReviewLine.objects.get().amount_requested == Decimal("60000000.50")


@pytest.mark.parametrize(
    ("language", "typed"),
    [("nl", "10.000"), ("de", "10.000"), ("fr", "10 000"), ("en", "10,000")],
)
def test_a_separator_before_three_digits_groups_thousands(client, editor, language, typed):
    _post_new_line(client, editor, language, typed)

    assert ReviewLine.objects.get().amount_requested == Decimal("10000.00")


@pytest.mark.parametrize(
    ("language", "typed", "readings"),
    [
        ("nl", "1.5", ["15", "1,5"]),
        ("de", "1.5", ["15", "1,5"]),
        ("en", "1,5", ["15", "1.5"]),
        ("nl", "60000000.50", ["6000000050", "60000000,50"]),
        ("nl", "1,500", ["1,500", "1.500"]),
        ("en", "1.500", ["1.500", "1,500"]),
        ("de", "1.5000", ["15.000", "15000"]),
    ],
)
def test_an_ambiguous_amount_is_refused_with_how_it_would_be_read(
    client, editor, language, typed, readings
):
    response = _post_new_line(client, editor, language, typed)

    errors = errors_of(response)
    assert response.status_code == 200
    assert all(reading in errors for reading in readings), errors
    assert not ReviewLine.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_review_saved_unchanged_keeps_its_amounts(client, editor, language):
    review = YearlyReviewFactory(year=2016, state="under_review")
    for requested in (Decimal("60000000.50"), Decimal("1234.05")):
        ReviewLineFactory(review=review, amount_requested=requested)
    url = _url("admin:budget_yearlyreview_change", language, review.pk)
    client.force_login(editor)
    page = client.get(url)
    data = admin_form_data(page)

    response = client.post(url, data)

    assert f'value="{data["lines-0-amount_requested"]}"' in page.content.decode()
    assert response.status_code == 302, errors_of(response)
    assert sorted(ReviewLine.objects.values_list("amount_requested", flat=True)) == [
        Decimal("1234.05"),
        Decimal("60000000.50"),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_legislature_saved_unchanged_keeps_its_ceiling(client, superuser, language):
    legislature = LegislatureFactory(annual_ceiling=Decimal("100000000.00"))
    url = _url("admin:budget_legislature_change", language, legislature.pk)
    client.force_login(superuser)
    page = client.get(url)
    data = admin_form_data(page)

    response = client.post(url, data)

    assert f'value="{data["annual_ceiling"]}"' in page.content.decode()
    assert response.status_code == 302
    assert Legislature.objects.get().annual_ceiling == Decimal("100000000.00")


def test_an_optional_amount_of_only_spaces_is_read_as_empty():
    with override("nl"):
        assert MoneyField(required=False).clean("   ") is None
