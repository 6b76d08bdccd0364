"""The budget API shows what the budget pages show: ``YearlyReview.objects.public()``.

Today ``.public()`` excludes no review (the portal shows every year, decided or not), so
the tests check three things: the API lists exactly that queryset; the API follows
``.public()`` wherever it is defined (a narrower rule there hides reviews from every
endpoint, without touching the API); and what is internal to the editors (the audit trail,
who changed what, the conflict version) never appears.
"""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient
from simple_history.utils import update_change_reason

from budget.models import Legislature, ReviewChange, YearlyReview, YearlyReviewQuerySet
from tests.budget.factories import (
    DecidedReviewFactory,
    ReviewLineFactory,
    YearlyReviewFactory,
    legislature_with_years,
)

pytestmark = pytest.mark.django_db

LEGISLATURES = "/api/v1/legislatures/"
REVIEWS = "/api/v1/budget-reviews/"


@pytest.fixture
def api():
    return APIClient()


def walk(api, url, params=None):
    """Every item of a list, following ``next`` to the last page."""
    items = []
    response = api.get(url, {**(params or {}), "page_size": 2})
    while True:
        assert response.status_code == 200
        body = response.json()
        items.extend(body["results"])
        if body["next"] is None:
            return items
        response = api.get(body["next"])


def every_public_body(api) -> str:
    """The text of every list page and every detail the budget API serves, anonymously."""
    bodies = []
    for url in (LEGISLATURES, REVIEWS):
        page = api.get(url, {"page_size": 2})
        bodies.append(page.content.decode())
        while page.json()["next"]:
            page = api.get(page.json()["next"])
            bodies.append(page.content.decode())
    for legislature in Legislature.objects.all():
        bodies.append(api.get(f"{LEGISLATURES}{legislature.slug}/").content.decode())
    for review in YearlyReview.objects.all():
        response = api.get(f"{REVIEWS}{review.pk}/")
        if response.status_code == 200:
            bodies.append(response.content.decode())
    return "\n".join(bodies)


@pytest.fixture
def reviews():
    """Three decided years (2000–2002) and one under review (2003) of a 2000–2004 term."""
    legislature = legislature_with_years(3)
    legislature.last_year = 2004
    legislature.save()
    YearlyReviewFactory(legislature=legislature, year=2003, state="under_review")
    return legislature


def test_review_list_holds_exactly_the_public_reviews(api, reviews):
    listed = {item["id"] for item in walk(api, REVIEWS)}

    assert listed == set(YearlyReview.objects.public().values_list("id", flat=True))


def test_every_public_review_has_a_detail(api, reviews):
    for review in YearlyReview.objects.public():
        assert api.get(f"{REVIEWS}{review.pk}/").status_code == 200


def test_legislatures_list_every_legislature_with_its_public_reviews(api, reviews):
    [legislature] = walk(api, LEGISLATURES)

    public_ids = set(reviews.reviews.public().values_list("id", flat=True))
    assert {row["id"] for row in legislature["reviews"]} == public_ids


@pytest.fixture
def hidden_by_a_narrower_rule(monkeypatch, reviews):
    """Make ``.public()`` hide one review, as a future rule might (e.g. embargoed years)."""
    hidden = DecidedReviewFactory(legislature=reviews, year=2004, decision_reference="EMBARGO")
    ReviewLineFactory(
        review=hidden,
        amount_requested=Decimal("77777777.77"),
        amount_granted=Decimal("77777777.77"),
    )
    original = YearlyReviewQuerySet.public
    monkeypatch.setattr(
        YearlyReviewQuerySet, "public", lambda self: original(self).exclude(pk=hidden.pk)
    )
    return hidden


def test_a_review_hidden_by_public_is_in_no_list(api, hidden_by_a_narrower_rule):
    listed = {item["id"] for item in walk(api, REVIEWS)}
    rows = {row["id"] for item in walk(api, LEGISLATURES) for row in item["reviews"]}

    assert hidden_by_a_narrower_rule.pk not in listed | rows


def test_a_review_hidden_by_public_has_no_detail(api, hidden_by_a_narrower_rule):
    response = api.get(f"{REVIEWS}{hidden_by_a_narrower_rule.pk}/")

    assert response.status_code == 404


def test_a_review_hidden_by_public_leaves_no_trace_in_any_response(api, hidden_by_a_narrower_rule):
    body = every_public_body(api)

    assert "EMBARGO" not in body
    assert "77777777.77" not in body


def test_a_review_hidden_by_public_counts_in_no_legislature_total(api, hidden_by_a_narrower_rule):
    legislature = api.get(f"{LEGISLATURES}{hidden_by_a_narrower_rule.legislature.slug}/").json()

    # Three visible decided years of 90,000,000.00 each; the hidden 77,777,777.77 is left out.
    assert legislature["totals"]["granted"]["total"] == "270000000.00"


def test_editors_audit_trail_never_appears(api, reviews, publisher):
    review = YearlyReview.objects.get(legislature=reviews, year=2000)
    review.justification = "Publiek."
    review.save()
    update_change_reason(review, "Interne opmerking voor de redactie")
    ReviewChange.objects.create(review=review, changed_by=publisher, note="Publieke noot.")

    body = every_public_body(api)

    assert "Publieke noot." in body
    assert "Interne opmerking" not in body
    assert publisher.username not in body
    for internal in ('"changed_by"', '"history', '"version"', '"history_user'):
        assert internal not in body
