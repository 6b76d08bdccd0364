"""Reads for the public pages, exports and API: each a fixed number of queries.

Totals are summed in the database, per review and kind, as whole cents (integers), so they
are exact on every database (SQLite sums decimals through floats) and agree to the cent
with the exports, which hand out every stored amount unchanged.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import BigIntegerField, F, Prefetch, Q, Sum
from django.db.models.functions import Cast, Coalesce, Round
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from budget.models import (
    ZERO,
    Legislature,
    LineKind,
    Outcome,
    ReviewLine,
    ReviewState,
    YearlyReview,
)

SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,50}")
STATE_LABELS = dict(ReviewState.choices)
OUTCOME_LABELS = dict(Outcome.choices)


def _cents_sum(amount: str, kind: str):
    """The exact sum of one kind's amounts, in whole cents. Each stored amount has two
    places, so ``round(amount × 100)`` is its exact number of cents, and integers add up
    exactly on every database."""
    return Coalesce(Sum(Cast(Round(F(amount) * 100), BigIntegerField()), filter=Q(kind=kind)), 0)


def _euros(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


@dataclass
class Totals:
    """Requested and granted amounts of one review (or more), split by kind."""

    requested_payment: Decimal = ZERO
    requested_commitment: Decimal = ZERO
    granted_payment: Decimal = ZERO
    granted_commitment: Decimal = ZERO

    @property
    def requested_total(self) -> Decimal:
        return self.requested_payment + self.requested_commitment

    @property
    def granted_total(self) -> Decimal:
        return self.granted_payment + self.granted_commitment

    def add(self, other: "Totals") -> None:
        self.requested_payment += other.requested_payment
        self.requested_commitment += other.requested_commitment
        self.granted_payment += other.granted_payment
        self.granted_commitment += other.granted_commitment


def totals_of_lines(lines: Iterable[ReviewLine]) -> Totals:
    """Totals of lines already in memory (a review detail shows its lines anyway)."""
    totals = Totals()
    for line in lines:
        if line.kind == LineKind.PAYMENT:
            totals.requested_payment += line.amount_requested
            totals.granted_payment += line.amount_granted
        elif line.kind == LineKind.COMMITMENT:
            totals.requested_commitment += line.amount_requested
            totals.granted_commitment += line.amount_granted
    return totals


def review_totals(review_ids: Iterable[int]) -> dict[int, Totals]:
    """Totals per review, summed in the database: one query whatever the number of lines.
    A review without lines is absent; callers default to ``Totals()``."""
    rows = (
        ReviewLine.objects.filter(review_id__in=list(review_ids))
        .order_by()
        .values("review_id")
        .annotate(
            requested_payment=_cents_sum("amount_requested", LineKind.PAYMENT),
            requested_commitment=_cents_sum("amount_requested", LineKind.COMMITMENT),
            granted_payment=_cents_sum("amount_granted", LineKind.PAYMENT),
            granted_commitment=_cents_sum("amount_granted", LineKind.COMMITMENT),
        )
        .values_list(
            "review_id",
            "requested_payment",
            "requested_commitment",
            "granted_payment",
            "granted_commitment",
        )
    )
    return {review_id: Totals(*(_euros(cents) for cents in sums)) for review_id, *sums in rows}


def with_totals(reviews: list[YearlyReview]) -> list[YearlyReview]:
    """Set ``review.totals`` on each review of a page: one query."""
    totals = review_totals(review.pk for review in reviews)
    for review in reviews:
        review.totals = totals.get(review.pk) or Totals()
    return reviews


@dataclass
class YearRow:
    review: YearlyReview  # id, year, state, outcome and is_example_data only
    totals: Totals
    cumulative_granted: Decimal

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.review.state, self.review.state)

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.review.outcome, self.review.outcome)

    @property
    def url(self) -> str:
        return reverse(
            "budget:year",
            kwargs={"legislature": self.review.legislature.slug, "year": self.review.year},
        )


@dataclass
class LegislatureOverview(Totals):
    legislature: Legislature = None
    rows: list[YearRow] = field(default_factory=list)
    has_example_data: bool = False

    @property
    def maximum(self) -> Decimal:
        return self.legislature.maximum

    @property
    def remaining(self) -> Decimal:
        return self.maximum - self.granted_total


def legislature_overviews(legislatures: Iterable[Legislature]) -> list[LegislatureOverview]:
    """Each legislature with its public reviews by year, their totals and running total:
    two queries (reviews, summed lines) for any number of legislatures, years and lines."""
    legislatures = list(legislatures)
    by_id = {legislature.pk: legislature for legislature in legislatures}
    reviews = list(
        YearlyReview.objects.public()
        .filter(legislature_id__in=list(by_id))
        .order_by("legislature_id", "year")
        .only("id", "legislature_id", "year", "state", "outcome", "is_example_data")
    )
    totals = review_totals(review.pk for review in reviews) if reviews else {}
    overviews = {pk: LegislatureOverview(legislature=item) for pk, item in by_id.items()}
    for review in reviews:
        overview = overviews[review.legislature_id]
        review.legislature = overview.legislature  # no query for its URL
        review_total = totals.get(review.pk) or Totals()
        overview.add(review_total)
        overview.rows.append(YearRow(review, review_total, overview.granted_total))
        overview.has_example_data |= review.is_example_data
    return [overviews[legislature.pk] for legislature in legislatures]


@dataclass
class BudgetIndex:
    legislatures: list[tuple[str, str]]  # (slug, name), newest first
    overview: LegislatureOverview | None


def budget_index(*, legislature_slug: str | None = None) -> BudgetIndex:
    """The index shows one legislature (the newest unless another is asked for) and links
    to all of them: four queries whatever the number of legislatures, years and lines."""
    if legislature_slug is not None and not SLUG_RE.fullmatch(legislature_slug):
        raise Http404
    links = list(Legislature.objects.order_by("-first_year", "-name").values_list("slug", "name"))
    if not links:
        return BudgetIndex(legislatures=[], overview=None)
    slug = legislature_slug or links[0][0]
    legislature = get_object_or_404(Legislature, slug=slug)
    [overview] = legislature_overviews([legislature])
    return BudgetIndex(legislatures=links, overview=overview)


def public_reviews():
    """Public reviews with their legislature; lists add ``totals`` with ``with_totals``."""
    return YearlyReview.objects.public().select_related("legislature")


def reviews_in_full():
    """Public reviews with everything a year page shows except the sibling years."""
    return public_reviews().prefetch_related(
        "lines", "sources", Prefetch("changes", to_attr="public_changes")
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


class ExportLine(NamedTuple):
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
    """Every line of every public review, in a stable order: one query of plain values
    (no model instances, no per-row lookups)."""
    rows = (
        ReviewLine.objects.filter(review__in=YearlyReview.objects.public())
        .order_by("review__legislature__first_year", "review__year", "kind", "purpose", "pk")
        .values_list(
            "review__legislature__name",
            "review__year",
            "review__state",
            "review__outcome",
            "kind",
            "purpose",
            "amount_requested",
            "amount_granted",
            "review__is_example_data",
        )
    )
    return map(ExportLine._make, rows.iterator(chunk_size=2000))
