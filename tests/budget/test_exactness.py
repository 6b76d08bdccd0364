"""Acceptance 2: exported granted amounts add up to the page total to the cent, for amounts
up to 10^12 EUR, on SQLite and PostgreSQL (run this file with both)."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import override

from budget.models import YearlyReview
from tests.budget.factories import DecidedReviewFactory, LegislatureFactory, ReviewLineFactory

pytestmark = pytest.mark.django_db

# Awkward cents at the top of the range: a float sum would lose some of them.
AMOUNTS = [
    Decimal("999999999999.99"),
    Decimal("1000000000000.00"),
    Decimal("123456789012.34"),
    Decimal("0.01"),
    Decimal("0.07"),
    Decimal("987654321098.76"),
]


@pytest.fixture
def trillion_legislature():
    legislature = LegislatureFactory(
        name="Big",
        slug="big",
        first_year=2020,
        first_review_year=2020,
        last_year=2022,
        annual_ceiling=Decimal("9999999999999.99"),
    )
    for offset, pair in enumerate([AMOUNTS[0:2], AMOUNTS[2:4], AMOUNTS[4:6]]):
        review = DecidedReviewFactory(legislature=legislature, year=2020 + offset)
        for kind, amount in zip(["payment", "commitment"], pair, strict=True):
            ReviewLineFactory(
                review=review, kind=kind, amount_requested=amount, amount_granted=amount
            )
    return legislature


def _page_total(client) -> Decimal:
    with override("en"):
        html = client.get(reverse("budget:index")).text
    match = re.search(r'data-total="granted">€([\d,]+\.\d\d)<', html)
    return Decimal(match.group(1).replace(",", ""))


def test_csv_granted_sum_equals_the_page_total_to_the_cent(client, trillion_legislature):
    with override("en"):
        content = client.get(reverse("budget:lines_csv")).content.decode()
    exported = sum(Decimal(row["granted"]) for row in csv.DictReader(io.StringIO(content)))

    assert exported == _page_total(client) == sum(AMOUNTS)


def test_json_granted_sum_equals_the_page_total_to_the_cent(client, trillion_legislature):
    with override("en"):
        lines = client.get(reverse("budget:lines_json")).json()["lines"]
    exported = sum(Decimal(line["granted"]) for line in lines)

    assert exported == _page_total(client) == sum(AMOUNTS)


def test_year_page_total_equals_the_sum_of_its_lines(client, trillion_legislature):
    with override("en"):
        html = client.get(reverse("budget:year", args=["big", 2020])).text

    assert 'data-total="granted">€1,999,999,999,999.99<' in html


def test_amounts_round_trip_through_the_database_exactly(trillion_legislature):
    stored = sorted(
        line.amount_granted
        for review in YearlyReview.objects.prefetch_related("lines")
        for line in review.lines.all()
    )

    assert stored == sorted(AMOUNTS)


def test_admin_list_totals_match_the_python_sums(trillion_legislature, superuser):
    """The admin list sums in SQL; this guards against SQLite summing through floats."""
    model_admin = site._registry[YearlyReview]
    request = RequestFactory().get("/")
    request.user = superuser

    for review in model_admin.get_queryset(request).prefetch_related("lines"):
        assert review.granted_sum == review.granted_total
        assert review.requested_sum == review.requested_total
