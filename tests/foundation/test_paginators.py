"""KeysFirstPaginator pages exactly like Django's Paginator, in the same number of queries."""

import pytest
from django.core.paginator import Paginator
from django.db.models import Count, F

from core.paginators import KeysFirstPaginator
from regions.models import Region
from tests.regions.factories import RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    parent = RegionFactory(slug="parent")
    for number in range(7):
        RegionFactory(
            slug=f"region-{number}", order=7 - number, parent=parent if number % 2 else None
        )
    # Ordered through a relation and an expression, as the listings are.
    return Region.objects.select_related("parent").order_by(
        F("parent__slug").asc(nulls_first=True), "order", "slug"
    )


def pages(paginator) -> list[list[str]]:
    return [[region.slug for region in paginator.page(number)] for number in paginator.page_range]


def test_every_page_holds_the_rows_a_plain_paginator_gives(regions):
    assert pages(KeysFirstPaginator(regions, 3)) == pages(Paginator(regions, 3))


def test_orphans_join_the_last_page_as_with_a_plain_paginator(regions):
    assert pages(KeysFirstPaginator(regions, 3, orphans=2)) == pages(
        Paginator(regions, 3, orphans=2)
    )


def test_a_page_is_read_in_one_query(regions, django_assert_num_queries):
    paginator = KeysFirstPaginator(regions, 3)
    assert paginator.count == 8

    with django_assert_num_queries(1):
        rows = list(paginator.page(2))

    assert len(rows) == 3


def test_a_list_is_paged_by_slicing():
    paginator = KeysFirstPaginator(list("abcdefg"), 3)

    assert list(paginator.page(3)) == ["g"]


def test_a_distinct_listing_is_paged_by_slicing(regions):
    distinct = regions.distinct()

    assert pages(KeysFirstPaginator(distinct, 3)) == pages(Paginator(distinct, 3))


def test_a_union_is_paged_by_slicing(regions):
    low, high = Region.objects.filter(order__lt=4).order_by(), Region.objects.filter(order__gte=4)
    union = low.union(high.order_by()).order_by("slug")

    assert pages(KeysFirstPaginator(union, 3)) == pages(Paginator(union, 3))


def test_a_listing_ordered_by_an_aggregate_pages_like_a_plain_paginator(regions):
    counted = Region.objects.annotate(children_count=Count("children")).order_by(
        "-children_count", "slug"
    )

    assert pages(KeysFirstPaginator(counted, 3)) == pages(Paginator(counted, 3))
