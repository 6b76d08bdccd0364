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

from django.db.models import BigIntegerField, Func, Prefetch, Q, Sum
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


class Cents(Func):
    """An amount in whole cents. Each stored amount has two places, so rounding
    ``amount × 100`` gives its exact number of cents (SQLite may hold it as a float), and
    integers add up exactly on every database."""

    template = "CAST(ROUND(%(expressions)s * 100) AS BIGINT)"
    output_field = BigIntegerField()


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
        .values("review_id", "kind")
        .annotate(requested=Sum(Cents("amount_requested")), granted=Sum(Cents("amount_granted")))
        .values_list("review_id", "kind", "requested", "granted")
    )
    totals: dict[int, Totals] = {}
    for review_id, kind, requested, granted in rows:
        review_total = totals.get(review_id) or totals.setdefault(review_id, Totals())
        if kind == LineKind.PAYMENT:
            review_total.requested_payment = _euros(requested)
            review_total.granted_payment = _euros(granted)
        elif kind == LineKind.COMMITMENT:
            review_total.requested_commitment = _euros(requested)
            review_total.granted_commitment = _euros(granted)
    return totals


def with_totals(reviews: list[YearlyReview]) -> list[YearlyReview]:
    """Set ``review.totals`` on each review of a page: one query."""
    totals = review_totals(review.pk for review in reviews)
    for review in reviews:
        review.totals = totals.get(review.pk) or Totals()
    return reviews


@dataclass
class YearRow:
    """One reviewed year of a legislature, with its totals and the running total."""

    id: int
    year: int
    state: str
    outcome: str
    is_example_data: bool
    legislature_slug: str
    totals: Totals
    cumulative_granted: Decimal = ZERO

    @property
    def pk(self) -> int:
        return self.id

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, self.outcome)

    @property
    def url(self) -> str:
        return reverse(
            "budget:year", kwargs={"legislature": self.legislature_slug, "year": self.year}
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


def _kind_sum(amount: str, kind: str):
    return Sum(Cents(f"lines__{amount}"), filter=Q(lines__kind=kind))


def legislature_overviews(legislatures: Iterable[Legislature]) -> list[LegislatureOverview]:
    """Each legislature with its public reviews by year, their totals and running total:
    one query (reviews with their lines summed) for any number of legislatures and lines."""
    overviews = {item.pk: LegislatureOverview(legislature=item) for item in legislatures}
    rows = (
        YearlyReview.objects.public()
        .filter(legislature_id__in=list(overviews))
        .order_by("legislature_id", "year")
        .values_list("id", "legislature_id", "year", "state", "outcome", "is_example_data")
        .annotate(
            requested_payment=_kind_sum("amount_requested", LineKind.PAYMENT),
            requested_commitment=_kind_sum("amount_requested", LineKind.COMMITMENT),
            granted_payment=_kind_sum("amount_granted", LineKind.PAYMENT),
            granted_commitment=_kind_sum("amount_granted", LineKind.COMMITMENT),
        )
    )
    for pk, legislature_id, year, state, outcome, is_example_data, *cents in rows:
        overview = overviews[legislature_id]
        totals = Totals(*(_euros(value or 0) for value in cents))
        overview.add(totals)
        overview.rows.append(
            YearRow(
                id=pk,
                year=year,
                state=state,
                outcome=outcome,
                is_example_data=is_example_data,
                legislature_slug=overview.legislature.slug,
                totals=totals,
                cumulative_granted=overview.granted_total,
            )
        )
        overview.has_example_data |= is_example_data
    return list(overviews.values())


@dataclass
class BudgetIndex:
    legislatures: list[Legislature]  # newest first
    overview: LegislatureOverview | None


def budget_index(*, legislature_slug: str | None = None) -> BudgetIndex:
    """The index shows one legislature (the newest unless another is asked for) and links
    to all of them: two queries whatever the number of legislatures, years and lines."""
    if legislature_slug is not None and not SLUG_RE.fullmatch(legislature_slug):
        raise Http404
    legislatures = list(Legislature.objects.order_by("-first_year", "-name"))
    if not legislatures:
        return BudgetIndex(legislatures=[], overview=None)
    if legislature_slug is None:
        shown = legislatures[0]
    else:
        shown = next((item for item in legislatures if item.slug == legislature_slug), None)
        if shown is None:
            raise Http404
    [overview] = legislature_overviews([shown])
    return BudgetIndex(legislatures=legislatures, overview=overview)


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
