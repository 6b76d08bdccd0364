"""Each budget endpoint runs the same number of queries for a small and a 20× larger data set.

The selectors prefetch lines, sources and change notes; serializers sum totals in Python
from those prefetched lines. An N+1 (a query per review or per line) would show up here.
"""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from budget.models import ReviewChange
from tests.budget.factories import (
    DecidedReviewFactory,
    LegislatureFactory,
    ReviewLineFactory,
    ReviewSourceFactory,
    legislature_with_years,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

# Every list is read with page_size=100 so the larger set really is on the page.
FULL_PAGE = {"page_size": 100}


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.parametrize("reviews", [5, 100])
def test_review_list_queries_do_not_grow_with_the_reviews(api, django_assert_num_queries, reviews):
    legislature_with_years(reviews)

    # count, the page of reviews with their legislature, their lines summed
    with django_assert_num_queries(3):
        response = api.get("/api/v1/budget-reviews/", FULL_PAGE)

    assert len(response.json()["results"]) == reviews


@pytest.mark.parametrize("reviews", [5, 100])
def test_filtered_and_ordered_review_list_queries_do_not_grow(
    api, django_assert_num_queries, reviews
):
    legislature = legislature_with_years(reviews)

    with django_assert_num_queries(3):
        response = api.get(
            "/api/v1/budget-reviews/",
            {**FULL_PAGE, "legislature": legislature.slug, "state": "decided", "ordering": "-year"},
        )

    assert len(response.json()["results"]) == reviews


@pytest.mark.parametrize("legislatures", [2, 40])
def test_legislature_list_queries_do_not_grow_with_the_legislatures(
    api, django_assert_num_queries, legislatures
):
    for _ in range(legislatures):
        legislature_with_years(3)

    # count, the page of legislatures, their reviews with the lines summed
    with django_assert_num_queries(3):
        response = api.get("/api/v1/legislatures/", FULL_PAGE)

    assert len(response.json()["results"]) == legislatures


@pytest.mark.parametrize("reviews", [5, 100])
def test_legislature_detail_queries_do_not_grow_with_its_reviews(
    api, django_assert_num_queries, reviews
):
    legislature = legislature_with_years(reviews)

    # the legislature, its reviews with their lines summed
    with django_assert_num_queries(2):
        response = api.get(f"/api/v1/legislatures/{legislature.slug}/")

    assert len(response.json()["reviews"]) == reviews


@pytest.mark.parametrize("items", [2, 40])
def test_review_detail_queries_do_not_grow_with_lines_sources_or_notes(
    api, django_assert_num_queries, items
):
    legislature = LegislatureFactory(annual_ceiling=Decimal("9999999999999.99"))
    review = DecidedReviewFactory(legislature=legislature, year=2015)
    for number in range(items):
        ReviewLineFactory(review=review, amount_requested=Decimal("1.00"))
        ReviewSourceFactory(review=review, url=f"https://example.org/{number}")
        ReviewChange.objects.create(review=review, note=f"Note {number}")

    # the review with its legislature, its lines, sources and change notes
    with django_assert_num_queries(4):
        response = api.get(f"/api/v1/budget-reviews/{review.pk}/")

    assert len(response.json()["lines"]) == items
