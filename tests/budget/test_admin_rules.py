"""Acceptance 1: every rule, fed through the admin like an editor would, shows its message
and saves nothing."""

from decimal import Decimal

import pytest

from budget.models import ReviewLine, YearlyReview
from tests.budget.conftest import add_line, admin_form_data, errors_of, review_change_url
from tests.budget.factories import (
    DecidedReviewFactory,
    LegislatureFactory,
    ReviewLineFactory,
    YearlyReviewFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def legislature():
    return LegislatureFactory(name="2014–2019", slug="2014-2019")


@pytest.fixture
def new_review_data(client, editor, review_add_url, legislature):
    client.force_login(editor)
    data = admin_form_data(client.get(review_add_url))
    data.update({"legislature": legislature.pk, "year": "2016", "state": "planned"})
    return data


def post(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 200, "the form should be shown again with errors"
    return errors_of(response)


def test_a_valid_review_with_lines_is_saved_through_the_admin(
    client, new_review_data, review_add_url
):
    add_line(new_review_data, kind="payment", purpose="debt_repayment", requested="60000000.00")

    response = client.post(review_add_url, new_review_data)

    assert response.status_code == 302
    review = YearlyReview.objects.get()
    assert review.lines.get().amount_requested == Decimal("60000000.00")
    assert review.version == 1


def test_negative_requested_amount_is_refused(client, new_review_data, review_add_url):
    add_line(new_review_data, kind="payment", purpose="debt_repayment", requested="-1.00")

    assert "An amount cannot be negative." in post(client, review_add_url, new_review_data)
    assert not YearlyReview.objects.exists()


def test_negative_granted_amount_is_refused(client, new_review_data, review_add_url):
    add_line(
        new_review_data, kind="payment", purpose="debt_repayment", requested="5.00", granted="-1"
    )

    assert "An amount cannot be negative." in post(client, review_add_url, new_review_data)
    assert not ReviewLine.objects.exists()


def test_granted_above_requested_on_a_line_is_refused(client, new_review_data, review_add_url):
    new_review_data.update(state="decided", outcome="granted", decision_date="2016-05-01")
    add_line(
        new_review_data,
        kind="payment",
        purpose="debt_repayment",
        requested="10.00",
        granted="10.01",
    )

    errors = post(client, review_add_url, new_review_data)

    assert "The amount granted cannot exceed the amount requested." in errors
    assert not YearlyReview.objects.exists()


def test_granted_total_above_the_ceiling_is_refused_across_lines(
    client, new_review_data, review_add_url
):
    new_review_data.update(state="decided", outcome="granted", decision_date="2016-05-01")
    add_line(
        new_review_data,
        kind="payment",
        purpose="debt_repayment",
        requested="60000000.00",
        granted="60000000.00",
    )
    add_line(
        new_review_data,
        kind="commitment",
        purpose="investment",
        requested="40000000.01",
        granted="40000000.01",
    )

    errors = post(client, review_add_url, new_review_data)

    assert "exceeds the annual ceiling of legislature 2014–2019" in errors
    assert "€100,000,000.01" in errors
    assert not YearlyReview.objects.exists()
    assert not ReviewLine.objects.exists()


def test_granted_total_exactly_at_the_ceiling_is_accepted(client, new_review_data, review_add_url):
    new_review_data.update(state="decided", outcome="granted", decision_date="2016-05-01")
    add_line(
        new_review_data,
        kind="payment",
        purpose="debt_repayment",
        requested="60000000.00",
        granted="60000000.00",
    )
    add_line(
        new_review_data,
        kind="commitment",
        purpose="investment",
        requested="40000000.00",
        granted="40000000.00",
    )

    assert client.post(review_add_url, new_review_data).status_code == 302
    assert YearlyReview.objects.get().granted_total == Decimal("100000000.00")


def test_ceiling_is_checked_against_lines_kept_after_an_edit(client, editor, legislature):
    review = YearlyReviewFactory(legislature=legislature, year=2016, state="under_review")
    ReviewLineFactory(review=review, amount_requested=Decimal("90000000"))
    client.force_login(editor)
    data = admin_form_data(client.get(review_change_url(review)))
    data.update(state="decided", outcome="granted", decision_date="2016-05-01")
    data["lines-0-amount_granted"] = "90000000.00"
    add_line(
        data, kind="commitment", purpose="investment", requested="20000000", granted="20000000"
    )

    errors = post(client, review_change_url(review), data)

    assert "exceeds the annual ceiling" in errors
    assert ReviewLine.objects.filter(review=review).count() == 1
    assert YearlyReview.objects.get(pk=review.pk).state == "under_review"


def test_deleting_a_line_brings_a_review_back_under_the_ceiling(client, editor, legislature):
    review = YearlyReviewFactory(legislature=legislature, year=2016, state="under_review")
    ReviewLineFactory(review=review, amount_requested=Decimal("90000000"))
    ReviewLineFactory(review=review, kind="commitment", amount_requested=Decimal("20000000"))
    client.force_login(editor)
    data = admin_form_data(client.get(review_change_url(review)))
    data.update(state="decided", outcome="partially_granted", decision_date="2016-05-01")
    # Lines are listed commitment first, then payment.
    data["lines-0-amount_granted"] = "20000000.00"
    data["lines-0-DELETE"] = "on"
    data["lines-1-amount_granted"] = "90000000.00"

    assert client.post(review_change_url(review), data).status_code == 302
    review.refresh_from_db()
    assert review.granted_total == Decimal("90000000.00")
    assert review.lines.count() == 1


def test_year_outside_the_legislature_is_refused(client, new_review_data, review_add_url):
    new_review_data["year"] = "2020"

    errors = post(client, review_add_url, new_review_data)

    assert "The year 2020 lies outside the reviewed years of legislature 2014–2019" in errors
    assert not YearlyReview.objects.exists()


def test_year_before_the_first_review_year_is_refused(client, new_review_data, review_add_url):
    new_review_data["year"] = "2014"

    assert "lies outside the reviewed years" in post(client, review_add_url, new_review_data)
    assert not YearlyReview.objects.exists()


def test_decided_review_without_outcome_is_refused(client, new_review_data, review_add_url):
    new_review_data.update(state="decided", decision_date="2016-05-01")

    assert "A decided review needs an outcome." in post(client, review_add_url, new_review_data)
    assert not YearlyReview.objects.exists()


def test_decided_review_without_decision_date_is_refused(client, new_review_data, review_add_url):
    new_review_data.update(state="decided", outcome="granted")

    errors = post(client, review_add_url, new_review_data)

    assert "A decided review needs a decision date." in errors
    assert not YearlyReview.objects.exists()


def test_outcome_on_a_review_not_decided_is_refused(client, new_review_data, review_add_url):
    new_review_data.update(state="under_review", outcome="granted")

    assert "Only a decided review has an outcome." in post(client, review_add_url, new_review_data)
    assert not YearlyReview.objects.exists()


def test_refused_review_with_money_granted_is_refused(client, new_review_data, review_add_url):
    new_review_data.update(state="decided", outcome="refused", decision_date="2016-05-01")
    add_line(
        new_review_data,
        kind="payment",
        purpose="debt_repayment",
        requested="10.00",
        granted="0.01",
    )

    errors = post(client, review_add_url, new_review_data)

    assert "A review with outcome “refused” grants nothing" in errors
    assert not YearlyReview.objects.exists()


def test_money_granted_before_a_decision_is_refused(client, new_review_data, review_add_url):
    add_line(new_review_data, kind="payment", purpose="debt_repayment", requested="10", granted="5")

    errors = post(client, review_add_url, new_review_data)

    assert "Amounts are granted only by a decision" in errors
    assert not YearlyReview.objects.exists()


def test_second_review_for_the_same_year_is_refused(
    client, new_review_data, review_add_url, legislature
):
    YearlyReviewFactory(legislature=legislature, year=2016)

    errors = post(client, review_add_url, new_review_data)

    assert "There is already a review for this year in this legislature." in errors
    assert YearlyReview.objects.count() == 1


def test_stale_version_shows_a_conflict_instead_of_overwriting(client, editor, legislature):
    review = YearlyReviewFactory(legislature=legislature, year=2016)
    client.force_login(editor)
    data = admin_form_data(client.get(review_change_url(review)))
    # Someone else saves in between.
    YearlyReview.objects.filter(pk=review.pk).update(version=2, decision_reference="theirs")
    data["decision_reference"] = "mine"

    errors = post(client, review_change_url(review), data)

    assert (
        "Someone else changed “2016 — 2014–2019” while you were editing it (your version 1, "
        "now 2). Your change was not saved"
    ) in errors
    assert YearlyReview.objects.get(pk=review.pk).decision_reference == "theirs"


def test_decided_review_cannot_go_back_to_planned(client, publisher, legislature):
    review = DecidedReviewFactory(legislature=legislature, year=2016)
    client.force_login(publisher)
    data = admin_form_data(client.get(review_change_url(review)))
    data.update(state="planned", outcome="", change_note="Reopened")

    errors = post(client, review_change_url(review), data)

    assert "“2016 — 2014–2019” cannot go from “decided” to “planned”." in errors
    assert YearlyReview.objects.get(pk=review.pk).state == "decided"


def test_publisher_must_write_a_change_note_to_change_a_decided_review(
    client, publisher, legislature
):
    review = DecidedReviewFactory(legislature=legislature, year=2016)
    client.force_login(publisher)
    data = admin_form_data(client.get(review_change_url(review)))
    data["decision_reference"] = "REF-2"

    errors = post(client, review_change_url(review), data)

    assert "Explain publicly why a decided review changes." in errors
    assert YearlyReview.objects.get(pk=review.pk).decision_reference == "REF-1"


def test_publisher_changes_a_decided_review_with_a_public_note(client, publisher, legislature):
    review = DecidedReviewFactory(legislature=legislature, year=2016)
    client.force_login(publisher)
    data = admin_form_data(client.get(review_change_url(review)))
    data.update(decision_reference="REF-2", change_note="The reference was mistyped.")

    response = client.post(review_change_url(review), data)

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.decision_reference == "REF-2"
    assert review.version == 2
    assert review.changes.get().note == "The reference was mistyped."
    assert review.changes.get().changed_by == publisher
    assert review.history.first().history_change_reason == "The reference was mistyped."
    assert review.history.first().history_user == publisher


def test_editor_cannot_post_changes_to_a_decided_review(client, editor, publisher, legislature):
    review = DecidedReviewFactory(legislature=legislature, year=2016)
    client.force_login(publisher)
    data = admin_form_data(client.get(review_change_url(review)))
    data.update(decision_reference="REF-2", change_note="Try")
    client.force_login(editor)

    response = client.post(review_change_url(review), data)

    assert response.status_code == 403
    assert YearlyReview.objects.get(pk=review.pk).decision_reference == "REF-1"
