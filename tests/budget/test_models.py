"""The database enforces what it can, even if a write bypasses forms and services."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from budget.models import Legislature, YearlyReview
from tests.budget.factories import (
    LegislatureFactory,
    ReviewLineFactory,
    ReviewSourceFactory,
    YearlyReviewFactory,
)

pytestmark = pytest.mark.django_db


def test_database_refuses_a_negative_amount():
    with pytest.raises(IntegrityError):
        ReviewLineFactory(amount_requested=Decimal("-0.01"))


def test_database_refuses_granted_above_requested():
    with pytest.raises(IntegrityError):
        ReviewLineFactory(amount_requested=Decimal("1.00"), amount_granted=Decimal("1.01"))


def test_database_refuses_a_second_review_for_the_same_year():
    review = YearlyReviewFactory()

    with pytest.raises(IntegrityError):
        YearlyReview.objects.create(legislature=review.legislature, year=review.year)


def test_database_refuses_a_decided_review_without_outcome():
    with pytest.raises(IntegrityError):
        YearlyReviewFactory(state="decided", decision_date="2015-06-01")


def test_database_refuses_an_outcome_before_the_decision():
    with pytest.raises(IntegrityError):
        YearlyReviewFactory(state="planned", outcome="granted")


def test_database_refuses_a_legislature_ending_before_it_starts():
    with pytest.raises(IntegrityError):
        LegislatureFactory(first_year=2019, last_year=2014, first_review_year=2019)


def test_legislature_maximum_is_one_ceiling_per_reviewed_year():
    legislature = Legislature(
        first_year=2014, first_review_year=2015, last_year=2019, annual_ceiling=Decimal("100000000")
    )

    assert legislature.maximum == Decimal("500000000.00")


def test_totals_are_derived_from_the_lines_per_kind():
    review = YearlyReviewFactory(state="decided", outcome="granted", decision_date="2015-06-01")
    ReviewLineFactory(review=review, kind="payment", amount_requested=Decimal("3.10"))
    ReviewLineFactory(review=review, kind="commitment", amount_requested=Decimal("0.20"))

    assert review.requested_payment == Decimal("3.10")
    assert review.requested_commitment == Decimal("0.20")
    assert review.requested_total == Decimal("3.30")


def test_source_address_must_be_http_or_https():
    source = ReviewSourceFactory.build(review=YearlyReviewFactory(), url="ftp://example.org/x")

    with pytest.raises(ValidationError, match="valid URL"):
        source.full_clean()
