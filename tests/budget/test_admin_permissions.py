"""Who can see and do what in the budget admin, per role."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import override

from budget.models import YearlyReview
from tests.budget.factories import DecidedReviewFactory, ReviewLineFactory, YearlyReviewFactory

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    with override("en"):
        return reverse(f"admin:budget_{name}", args=args)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("user_without_role", 302),
        ("working_group_member", 302),
        ("editor", 200),
        ("publisher", 200),
        ("superuser", 200),
    ],
)
def test_who_may_open_the_review_list(client, request, role, status):
    YearlyReviewFactory()
    client.force_login(request.getfixturevalue(role))

    assert client.get(admin_url("yearlyreview_changelist")).status_code == status


def test_anonymous_visitor_is_sent_to_the_login(client):
    assert client.get(admin_url("yearlyreview_changelist")).status_code == 302


def test_review_list_shows_totals_per_kind(client, editor):
    review = DecidedReviewFactory()
    ReviewLineFactory(review=review, amount_requested=Decimal("7"), amount_granted=Decimal("5"))
    client.force_login(editor)

    html = client.get(admin_url("yearlyreview_changelist")).text

    assert "€5.00" in html and "€7.00" in html


@pytest.mark.parametrize(
    ("role", "editable"), [("editor", False), ("publisher", True), ("superuser", True)]
)
def test_decided_review_is_read_only_for_editors(client, request, role, editable):
    review = DecidedReviewFactory()
    client.force_login(request.getfixturevalue(role))

    response = client.get(admin_url("yearlyreview_change", review.pk))

    assert response.status_code == 200
    assert response.context["has_change_permission"] is editable


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", False), ("publisher", True), ("superuser", True)],
)
def test_only_publishers_delete_reviews(client, request, role, allowed):
    review = YearlyReviewFactory()
    client.force_login(request.getfixturevalue(role))

    client.post(admin_url("yearlyreview_delete", review.pk), {"post": "yes"})

    assert YearlyReview.objects.filter(pk=review.pk).exists() is not allowed


@pytest.mark.parametrize(("role", "allowed"), [("editor", False), ("publisher", True)])
def test_only_publishers_add_legislatures(client, request, role, allowed):
    client.force_login(request.getfixturevalue(role))

    response = client.get(admin_url("legislature_add"))

    assert (response.status_code == 200) is allowed


def test_action_starts_the_examination_of_planned_reviews(client, editor):
    planned = YearlyReviewFactory()
    client.force_login(editor)

    client.post(
        admin_url("yearlyreview_changelist"),
        {"action": "start_examination", "_selected_action": [planned.pk]},
    )

    planned.refresh_from_db()
    assert (planned.state, planned.version) == ("under_review", 2)


def test_history_page_of_a_review_opens_for_editors(client, editor):
    review = YearlyReviewFactory()
    client.force_login(editor)

    assert client.get(admin_url("yearlyreview_history", review.pk)).status_code == 200


def test_lowering_a_ceiling_in_the_admin_shows_why_and_saves_nothing(client, publisher):
    review = DecidedReviewFactory(legislature__name="2014–2019", legislature__slug="2014-2019")
    ReviewLineFactory(
        review=review, amount_requested=Decimal("90000000"), amount_granted=Decimal("90000000")
    )
    legislature = review.legislature
    client.force_login(publisher)

    response = client.post(
        admin_url("legislature_change", legislature.pk),
        {
            "name": legislature.name,
            "slug": legislature.slug,
            "government": legislature.government,
            "first_year": 2014,
            "last_year": 2019,
            "first_review_year": 2015,
            "annual_ceiling": "80000000.00",
        },
    )

    assert response.status_code == 200
    assert "already grants €90,000,000.00, more than this ceiling" in str(
        response.context["adminform"].form.non_field_errors()
    )
    legislature.refresh_from_db()
    assert legislature.annual_ceiling == Decimal("100000000.00")
