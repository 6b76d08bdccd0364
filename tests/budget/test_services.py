"""Writes through the services: who may do what, state moves, conflicts, audit."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget import services
from budget.models import ReviewChange, ReviewLine, YearlyReview
from core.services import Conflict, NotPermitted, TransitionNotAllowed
from tests.budget.factories import (
    DecidedReviewFactory,
    LegislatureFactory,
    ReviewLineFactory,
    YearlyReviewFactory,
)

pytestmark = pytest.mark.django_db


def _new_review(legislature):
    return YearlyReview(legislature=legislature, year=2016)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("user_without_role", False),
        ("working_group_member", False),
        ("editor", True),
        ("publisher", True),
        ("superuser", True),
    ],
)
def test_who_may_record_a_review(request, role, allowed):
    user = request.getfixturevalue(role)
    review = _new_review(LegislatureFactory())

    if allowed:
        services.review_save(review=review, by=user)
        assert YearlyReview.objects.count() == 1
    else:
        with pytest.raises(NotPermitted):
            services.review_save(review=review, by=user)
        assert not YearlyReview.objects.exists()


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("user_without_role", False),
        ("working_group_member", False),
        ("editor", True),
        ("publisher", True),
        ("superuser", True),
    ],
)
def test_who_may_change_a_review_that_is_not_decided(request, role, allowed):
    user = request.getfixturevalue(role)
    review = YearlyReviewFactory()
    review.decision_reference = "new"

    if allowed:
        services.review_save(review=review, expected_version=1, by=user)
        assert YearlyReview.objects.get().decision_reference == "new"
    else:
        with pytest.raises(NotPermitted):
            services.review_save(review=review, expected_version=1, by=user)
        assert YearlyReview.objects.get().decision_reference == ""


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("user_without_role", False),
        ("working_group_member", False),
        ("editor", False),
        ("publisher", True),
        ("superuser", True),
    ],
)
def test_only_publishers_change_a_decided_review(request, role, allowed):
    user = request.getfixturevalue(role)
    review = DecidedReviewFactory()
    review.decision_reference = "REF-2"

    if allowed:
        services.review_save(review=review, expected_version=1, change_note="Typo", by=user)
        assert YearlyReview.objects.get().decision_reference == "REF-2"
    else:
        with pytest.raises(NotPermitted, match="Only a Publisher"):
            services.review_save(review=review, expected_version=1, change_note="Typo", by=user)
        assert YearlyReview.objects.get().decision_reference == "REF-1"


def test_change_note_is_public_and_audited(publisher):
    review = DecidedReviewFactory()
    review.decision_reference = "REF-2"

    services.review_save(
        review=review, expected_version=1, change_note="Reference corrected", by=publisher
    )

    change = ReviewChange.objects.get()
    assert (change.note, change.changed_by) == ("Reference corrected", publisher)
    assert review.history.first().history_change_reason == "Reference corrected"


def test_audit_keeps_before_and_after_of_every_change(editor):
    review = YearlyReviewFactory(decision_reference="before")
    review.decision_reference = "after"

    services.review_save(review=review, expected_version=1, by=editor)

    newest, oldest = review.history.all()[:2]
    assert newest.history_user == editor
    delta = newest.diff_against(oldest)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "decision_reference"] == [
        ("decision_reference", "before", "after")
    ]


def test_stale_version_raises_a_conflict_and_saves_nothing(editor):
    review = YearlyReviewFactory()
    YearlyReview.objects.filter(pk=review.pk).update(version=5)
    review.decision_reference = "mine"

    with pytest.raises(Conflict, match=r"your version 1, now 5\)\. Your change was not saved"):
        services.review_save(review=review, expected_version=1, by=editor)
    assert YearlyReview.objects.get().decision_reference == ""


def test_each_save_moves_the_version_on(editor):
    review = YearlyReviewFactory()

    services.review_save(review=review, expected_version=1, by=editor)
    services.review_save(review=review, expected_version=2, by=editor)

    assert YearlyReview.objects.get().version == 3


def test_starting_the_examination_moves_a_planned_review_under_review(editor):
    review = YearlyReviewFactory()

    services.review_start_examination(review=review, expected_version=1, by=editor)

    assert YearlyReview.objects.get().state == "under_review"


def test_starting_the_examination_of_a_decided_review_is_refused(publisher):
    review = DecidedReviewFactory()

    with pytest.raises(TransitionNotAllowed, match="Only a planned review"):
        services.review_start_examination(review=review, expected_version=1, by=publisher)


def test_deciding_records_outcome_and_granted_amounts(editor):
    review = YearlyReviewFactory(state="under_review")
    line = ReviewLineFactory(review=review, amount_requested=Decimal("80000000.00"))

    services.review_decide(
        review=review,
        outcome="partially_granted",
        decision_date=date(2015, 10, 9),
        granted={line.pk: Decimal("30000000.00")},
        expected_version=1,
        by=editor,
    )

    review.refresh_from_db()
    assert (review.state, review.outcome) == ("decided", "partially_granted")
    assert review.granted_total == Decimal("30000000.00")


def test_deciding_above_the_ceiling_rolls_everything_back(editor):
    review = YearlyReviewFactory(state="under_review")
    line = ReviewLineFactory(review=review, amount_requested=Decimal("200000000.00"))

    with pytest.raises(ValidationError, match="exceeds the annual ceiling"):
        services.review_decide(
            review=review,
            outcome="granted",
            decision_date=date(2015, 10, 9),
            granted={line.pk: Decimal("100000000.01")},
            expected_version=1,
            by=editor,
        )

    assert YearlyReview.objects.get().state == "under_review"
    assert ReviewLine.objects.get().amount_granted == Decimal("0.00")


def test_deciding_a_decided_review_again_is_refused(publisher):
    review = DecidedReviewFactory()

    with pytest.raises(TransitionNotAllowed, match="already decided"):
        services.review_decide(
            review=review,
            outcome="granted",
            decision_date=date(2015, 10, 9),
            expected_version=1,
            by=publisher,
        )


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("user_without_role", False),
        ("working_group_member", False),
        ("editor", False),
        ("publisher", True),
        ("superuser", True),
    ],
)
def test_only_publishers_edit_legislatures(request, role, allowed):
    user = request.getfixturevalue(role)
    legislature = LegislatureFactory.build()

    if allowed:
        services.legislature_save(legislature=legislature, by=user)
        assert legislature.pk is not None
    else:
        with pytest.raises(NotPermitted):
            services.legislature_save(legislature=legislature, by=user)


def test_lowering_a_ceiling_below_a_granted_year_is_refused(publisher):
    review = DecidedReviewFactory()
    ReviewLineFactory(
        review=review, amount_requested=Decimal("90000000"), amount_granted=Decimal("90000000")
    )
    legislature = review.legislature
    legislature.annual_ceiling = Decimal("80000000.00")

    with pytest.raises(ValidationError, match="more than this ceiling"):
        services.legislature_save(legislature=legislature, by=publisher)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("user_without_role", False),
        ("working_group_member", False),
        ("editor", True),
        ("publisher", True),
        ("superuser", True),
    ],
)
def test_who_may_start_the_examination(request, role, allowed):
    user = request.getfixturevalue(role)
    review = YearlyReviewFactory()

    if allowed:
        services.review_start_examination(review=review, expected_version=1, by=user)
        assert YearlyReview.objects.get().state == "under_review"
    else:
        with pytest.raises(NotPermitted):
            services.review_start_examination(review=review, expected_version=1, by=user)
        assert YearlyReview.objects.get().state == "planned"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("user_without_role", False),
        ("working_group_member", False),
        ("editor", True),
        ("publisher", True),
        ("superuser", True),
    ],
)
def test_who_may_record_a_decision(request, role, allowed):
    user = request.getfixturevalue(role)
    review = YearlyReviewFactory(state="under_review")
    decide = {
        "review": review,
        "outcome": "refused",
        "decision_date": date(2016, 3, 1),
        "expected_version": 1,
        "by": user,
    }

    if allowed:
        services.review_decide(**decide)
        assert YearlyReview.objects.get().state == "decided"
    else:
        with pytest.raises(NotPermitted):
            services.review_decide(**decide)
        assert YearlyReview.objects.get().state == "under_review"
