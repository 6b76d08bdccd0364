from decimal import Decimal

import factory

from budget.models import Legislature, ReviewLine, ReviewSource, YearlyReview


class LegislatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Legislature

    name = factory.Sequence(lambda n: f"Legislature {n}")
    slug = factory.Sequence(lambda n: f"legislature-{n}")
    government = factory.Sequence(lambda n: f"Government {n}")
    first_year = 2014
    last_year = 2019
    first_review_year = 2015
    annual_ceiling = Decimal("100000000.00")


class YearlyReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YearlyReview

    legislature = factory.SubFactory(LegislatureFactory)
    year = factory.LazyAttribute(lambda review: review.legislature.first_review_year)
    state = "planned"


class DecidedReviewFactory(YearlyReviewFactory):
    state = "decided"
    outcome = "granted"
    decision_date = factory.LazyAttribute(lambda review: f"{review.year}-06-30")
    decision_reference = "REF-1"


class ReviewLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewLine

    review = factory.SubFactory(YearlyReviewFactory)
    kind = "payment"
    purpose = "debt_repayment"
    amount_requested = Decimal("50000000.00")
    amount_granted = Decimal("0.00")


class ReviewSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewSource

    review = factory.SubFactory(YearlyReviewFactory)
    title = "Press release of 8 May 2015"
    url = "https://example.org/press-release"


def legislature_with_years(count: int, **kwargs) -> Legislature:
    """A legislature reviewing ``count`` years, each with one payment and one commitment line,
    decided and granted (so pages have real numbers to render)."""
    legislature = LegislatureFactory(
        first_year=2000, first_review_year=2000, last_year=2000 + count - 1, **kwargs
    )
    for year in range(2000, 2000 + count):
        review = DecidedReviewFactory(legislature=legislature, year=year)
        ReviewLineFactory(
            review=review,
            kind="payment",
            purpose="debt_repayment",
            amount_requested=Decimal("60000000.00"),
            amount_granted=Decimal("50000000.00"),
        )
        ReviewLineFactory(
            review=review,
            kind="commitment",
            purpose="investment",
            amount_requested=Decimal("40000000.00"),
            amount_granted=Decimal("40000000.00"),
        )
        ReviewSourceFactory(review=review)
    return legislature
