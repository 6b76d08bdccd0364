"""Reads for the public pages, exports and API: each a fixed number of queries.

Totals are summed here in Python with ``Decimal`` from prefetched lines, so a page and an
export of the same data agree to the cent on every database.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from budget.models import ZERO, Legislature, ReviewLine, YearlyReview

LEGISLATURES_PER_PAGE = 3


@dataclass
class YearRow:
    review: YearlyReview
    cumulative_granted: Decimal


@dataclass
class LegislatureOverview:
    legislature: Legislature
    rows: list[YearRow]
    requested_payment: Decimal = ZERO
    requested_commitment: Decimal = ZERO
    granted_payment: Decimal = ZERO
    granted_commitment: Decimal = ZERO
    has_example_data: bool = False

    @property
    def requested_total(self) -> Decimal:
        return self.requested_payment + self.requested_commitment

    @property
    def granted_total(self) -> Decimal:
        return self.granted_payment + self.granted_commitment

    @property
    def maximum(self) -> Decimal:
        return self.legislature.maximum

    @property
    def remaining(self) -> Decimal:
        return self.maximum - self.granted_total


def legislature_overview(legislature: Legislature) -> LegislatureOverview:
    """Totals and cumulative rows of a legislature fetched by ``legislatures_with_reviews``."""
    overview = LegislatureOverview(legislature=legislature, rows=[])
    cumulative = ZERO
    for review in legislature.reviews.all():
        cumulative += review.granted_total
        overview.rows.append(YearRow(review=review, cumulative_granted=cumulative))
        overview.requested_payment += review.requested_payment
        overview.requested_commitment += review.requested_commitment
        overview.granted_payment += review.granted_payment
        overview.granted_commitment += review.granted_commitment
        overview.has_example_data |= review.is_example_data
    return overview


def legislatures_with_reviews():
    """Legislatures with their public reviews (by year) and lines: 3 queries, any size."""
    return Legislature.objects.prefetch_related(
        Prefetch(
            "reviews",
            queryset=YearlyReview.objects.public().order_by("year").prefetch_related("lines"),
        )
    )


def budget_overview(*, page_number=1):
    """One page of legislatures with their reviews and lines: count + 3 queries."""
    page = Paginator(legislatures_with_reviews(), LEGISLATURES_PER_PAGE).get_page(page_number)
    return page, [legislature_overview(legislature) for legislature in page.object_list]


def reviews_with_lines():
    """Public reviews with their legislature and lines, enough for their totals."""
    return YearlyReview.objects.public().select_related("legislature").prefetch_related("lines")


def reviews_in_full():
    """Public reviews with everything a year page shows except the sibling years."""
    return reviews_with_lines().prefetch_related(
        "sources", Prefetch("changes", to_attr="public_changes")
    )


def review_detail(*, legislature_slug: str, year: int) -> YearlyReview:
    """A review with everything its page shows: 5 queries whatever the data size."""
    queryset = reviews_in_full().prefetch_related(
        Prefetch(
            "legislature__reviews",
            queryset=YearlyReview.objects.public()
            .order_by("year")
            .only("id", "year", "legislature_id"),
            to_attr="sibling_reviews",
        )
    )
    return get_object_or_404(queryset, legislature__slug=legislature_slug, year=year)


# Other apps (working-group tasks, region analyses) register here at integration:
# a callable taking a review and returning ``[(title, url), ...]`` for its year page.
RelatedLinkProvider = Callable[[YearlyReview], list[tuple[str, str]]]
RELATED_LINK_PROVIDERS: list[RelatedLinkProvider] = []


def related_links(review: YearlyReview) -> list[tuple[str, str]]:
    links = []
    for provider in RELATED_LINK_PROVIDERS:
        links.extend(provider(review))
    return links


@dataclass
class ExportLine:
    legislature: str
    year: int
    state: str
    outcome: str
    kind: str
    purpose: str
    requested: Decimal
    granted: Decimal
    is_example_data: bool


def export_lines() -> Iterator[ExportLine]:
    """Every line of every public review, in a stable order (one query)."""
    reviews = YearlyReview.objects.public()
    lines = (
        ReviewLine.objects.filter(review__in=reviews)
        .select_related("review__legislature")
        .order_by("review__legislature__first_year", "review__year", "kind", "purpose", "pk")
    )
    for line in lines:
        review = line.review
        yield ExportLine(
            legislature=review.legislature.name,
            year=review.year,
            state=review.state,
            outcome=review.outcome,
            kind=line.kind,
            purpose=line.purpose,
            requested=line.amount_requested,
            granted=line.amount_granted,
            is_example_data=review.is_example_data,
        )
