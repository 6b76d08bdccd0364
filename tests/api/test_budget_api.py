"""The budget API: legislatures and yearly reviews, read-only, money as exact strings."""

from datetime import datetime
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from budget.models import ReviewChange
from tests.budget.factories import (
    DecidedReviewFactory,
    LegislatureFactory,
    ReviewLineFactory,
    ReviewSourceFactory,
    YearlyReviewFactory,
    legislature_with_years,
)

pytestmark = pytest.mark.django_db

LEGISLATURES = "/api/v1/legislatures/"
REVIEWS = "/api/v1/budget-reviews/"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def michel():
    """The 2014–2019 legislature with one decided, one examined and one planned year."""
    legislature = LegislatureFactory(
        name="2014–2019", slug="2014-2019", government="Michel I", first_year=2014
    )
    decided = DecidedReviewFactory(
        legislature=legislature,
        year=2015,
        outcome="partially_granted",
        decision_date="2015-10-09",
        decision_reference="CM-2015-1",
        review_date="2015-10-01",
        justification_nl="De regering gaf een deel terug.",
        justification_fr="Le gouvernement en a rendu une partie.",
        is_example_data=True,
    )
    ReviewLineFactory(
        review=decided,
        kind="payment",
        purpose="debt_repayment",
        amount_requested=Decimal("60000000.00"),
        amount_granted=Decimal("50000000.00"),
    )
    ReviewLineFactory(
        review=decided,
        kind="commitment",
        purpose="investment",
        amount_requested=Decimal("40000000.00"),
        amount_granted=Decimal("20000000.00"),
    )
    ReviewSourceFactory(
        review=decided,
        title_nl="Persbericht",
        title_fr="Communiqué",
        url="https://example.org/persbericht",
    )
    ReviewChange.objects.create(
        review=decided, note_nl="Bedrag rechtgezet.", note_fr="Montant corrigé."
    )
    YearlyReviewFactory(legislature=legislature, year=2016, state="under_review")
    YearlyReviewFactory(legislature=legislature, year=2017)
    return legislature


def review_in(legislature, year):
    return legislature.reviews.get(year=year)


# --- Legislatures ---------------------------------------------------------------------


def test_legislature_list_shows_government_years_ceiling_maximum_and_totals(api, michel):
    [legislature] = api.get(LEGISLATURES).json()["results"]

    assert legislature["slug"] == "2014-2019"
    assert legislature["government"] == "Michel I"
    assert legislature["review_years"] == [2015, 2016, 2017, 2018, 2019]
    assert legislature["annual_ceiling"] == "100000000.00"
    assert legislature["maximum"] == "500000000.00"
    assert legislature["totals"] == {
        "currency": "EUR",
        "requested": {
            "payment": "60000000.00",
            "commitment": "40000000.00",
            "total": "100000000.00",
        },
        "granted": {
            "payment": "50000000.00",
            "commitment": "20000000.00",
            "total": "70000000.00",
        },
        "remaining": "430000000.00",
    }


def test_legislature_lists_its_reviews_with_the_cumulative_granted_amount(api, michel):
    legislature = api.get(f"{LEGISLATURES}2014-2019/").json()

    assert [(row["year"], row["state"], row["outcome"]) for row in legislature["reviews"]] == [
        (2015, "decided", "partially_granted"),
        (2016, "under_review", None),
        (2017, "planned", None),
    ]
    assert [row["cumulative_granted"] for row in legislature["reviews"]] == [
        "70000000.00",
        "70000000.00",
        "70000000.00",
    ]


def test_legislature_detail_links_each_review_to_its_api_detail(api, michel):
    legislature = api.get(f"{LEGISLATURES}2014-2019/").json()

    first = legislature["reviews"][0]
    assert first["url"].endswith(f"{REVIEWS}{review_in(michel, 2015).pk}/")
    assert api.get(first["url"]).status_code == 200


def test_legislature_says_when_it_holds_example_data(api, michel):
    legislature = api.get(f"{LEGISLATURES}2014-2019/").json()

    assert legislature["has_example_data"] is True
    assert [row["is_example_data"] for row in legislature["reviews"]] == [True, False, False]


def test_legislatures_filter_by_a_reviewed_year(api, michel):
    LegislatureFactory(slug="2019-2024", first_year=2019, first_review_year=2020, last_year=2024)

    in_2020 = api.get(LEGISLATURES, {"year": 2020}).json()["results"]
    in_2015 = api.get(LEGISLATURES, {"year": 2015}).json()["results"]

    assert [item["slug"] for item in in_2020] == ["2019-2024"]
    assert [item["slug"] for item in in_2015] == ["2014-2019"]


def test_legislatures_filter_by_government_in_any_case(api, michel):
    LegislatureFactory(government="De Croo")

    results = api.get(LEGISLATURES, {"government": "michel i"}).json()["results"]

    assert [item["slug"] for item in results] == ["2014-2019"]


def test_legislatures_order_by_first_year_newest_first_on_request(api, michel):
    LegislatureFactory(slug="2019-2024", first_year=2019, first_review_year=2020, last_year=2024)

    oldest_first = api.get(LEGISLATURES).json()["results"]
    newest_first = api.get(LEGISLATURES, {"ordering": "-first_year"}).json()["results"]

    assert [item["slug"] for item in oldest_first] == ["2014-2019", "2019-2024"]
    assert [item["slug"] for item in newest_first] == ["2019-2024", "2014-2019"]


def test_unknown_legislature_answers_the_api_error_shape(api, michel):
    response = api.get(f"{LEGISLATURES}1999-2004/", headers={"accept-language": "en"})

    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "detail": "Not found.",
        "field_errors": {},
        "non_field_errors": [],
    }


# --- Reviews: shapes ----------------------------------------------------------------------


def test_review_list_shows_state_decision_and_totals_split_by_kind(api, michel):
    first = api.get(REVIEWS).json()["results"][0]

    assert first == {
        "id": review_in(michel, 2015).pk,
        "url": f"http://testserver{REVIEWS}{review_in(michel, 2015).pk}/",
        "page_url": "http://testserver/nl/budget/2014-2019/2015/",
        "legislature": {
            "slug": "2014-2019",
            "name": "2014–2019",
            "government": "Michel I",
            "url": f"http://testserver{LEGISLATURES}2014-2019/",
        },
        "year": 2015,
        "state": "decided",
        "review_date": "2015-10-01",
        "outcome": "partially_granted",
        "decision_date": "2015-10-09",
        "decision_reference": "CM-2015-1",
        "is_example_data": True,
        "totals": {
            "currency": "EUR",
            "requested": {
                "payment": "60000000.00",
                "commitment": "40000000.00",
                "total": "100000000.00",
            },
            "granted": {
                "payment": "50000000.00",
                "commitment": "20000000.00",
                "total": "70000000.00",
            },
        },
    }


def test_review_detail_lists_its_lines_with_kind_purpose_and_amounts(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/").json()

    assert review["lines"] == [
        {
            "kind": "commitment",
            "purpose": "investment",
            "requested": "40000000.00",
            "granted": "20000000.00",
        },
        {
            "kind": "payment",
            "purpose": "debt_repayment",
            "requested": "60000000.00",
            "granted": "50000000.00",
        },
    ]


def test_review_detail_lists_its_sources(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/").json()

    assert review["sources"] == [
        {
            "title": "Persbericht",
            "url": "https://example.org/persbericht",
            "served_languages": {"title": "nl"},
        }
    ]


def test_review_detail_shows_the_public_change_notes(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/").json()

    assert [change["note"] for change in review["changes"]] == ["Bedrag rechtgezet."]


def test_review_detail_shows_the_justification_in_dutch_by_default(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/").json()

    assert review["justification"] == "De regering gaf een deel terug."
    assert review["served_languages"] == {"justification": "nl"}


def test_review_change_notes_carry_an_iso_8601_timestamp(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/").json()

    served = datetime.fromisoformat(review["changes"][0]["changed_at"])
    assert served == ReviewChange.objects.get().changed_at
    assert served.utcoffset() is not None


def test_review_not_decided_shows_no_outcome_or_decision(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2016).pk}/").json()

    assert (review["outcome"], review["decision_date"], review["decision_reference"]) == (
        None,
        None,
        None,
    )


def test_reopened_review_hides_the_stale_decision_like_its_page(api, michel):
    # Reopening (decided → under review) clears the outcome but may keep the old date.
    reopened = review_in(michel, 2016)
    reopened.decision_date = "2016-10-01"
    reopened.decision_reference = "CM-2016-1"
    reopened.save()

    review = api.get(f"{REVIEWS}{reopened.pk}/").json()

    assert (review["decision_date"], review["decision_reference"]) == (None, None)


def test_review_without_lines_totals_zero(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2017).pk}/").json()

    assert review["lines"] == []
    assert review["totals"]["granted"] == {
        "payment": "0.00",
        "commitment": "0.00",
        "total": "0.00",
    }


def test_unknown_review_answers_the_api_error_shape(api, michel):
    response = api.get(f"{REVIEWS}999999/", headers={"accept-language": "en"})

    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "detail": "Not found.",
        "field_errors": {},
        "non_field_errors": [],
    }


def test_review_address_that_is_not_a_number_answers_json_404(api, michel):
    response = api.get(f"{REVIEWS}2015-abc/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


# --- Money --------------------------------------------------------------------------------


def test_amounts_are_json_strings_with_two_decimals_never_numbers(api, michel):
    body = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/").content.decode()

    assert '"requested":"60000000.00"' in body
    assert '"total":"100000000.00"' in body
    assert "60000000.0," not in body and ":60000000" not in body


def test_totals_equal_the_sum_of_lines_to_the_cent_at_a_trillion(api):
    amounts = [
        Decimal("999999999999.99"),
        Decimal("1000000000000.00"),
        Decimal("0.01"),
        Decimal("0.07"),
        Decimal("987654321098.76"),
    ]
    legislature = LegislatureFactory(annual_ceiling=Decimal("9999999999999.99"))
    review = DecidedReviewFactory(legislature=legislature, year=2015)
    for amount in amounts:
        ReviewLineFactory(
            review=review, kind="commitment", amount_requested=amount, amount_granted=amount
        )

    detail = api.get(f"{REVIEWS}{review.pk}/").json()
    legislature_totals = api.get(f"{LEGISLATURES}{legislature.slug}/").json()["totals"]

    from_lines = sum((Decimal(line["granted"]) for line in detail["lines"]), Decimal("0"))
    assert from_lines == sum(amounts)
    assert detail["totals"]["granted"]["total"] == "2987654321098.83"
    assert detail["totals"]["granted"]["commitment"] == "2987654321098.83"
    assert legislature_totals["granted"]["total"] == "2987654321098.83"
    assert legislature_totals["remaining"] == "47012345678901.12"


# --- Filters, ordering, pagination --------------------------------------------------------


def test_reviews_filter_by_legislature(api, michel):
    other = legislature_with_years(2)

    results = api.get(REVIEWS, {"legislature": other.slug}).json()["results"]

    assert {item["legislature"]["slug"] for item in results} == {other.slug}
    assert len(results) == 2


def test_reviews_filter_by_year(api, michel):
    results = api.get(REVIEWS, {"year": 2016}).json()["results"]

    assert [item["year"] for item in results] == [2016]


def test_reviews_filter_by_state(api, michel):
    results = api.get(REVIEWS, {"state": "under_review"}).json()["results"]

    assert [item["year"] for item in results] == [2016]


def test_reviews_filter_by_outcome(api, michel):
    legislature_with_years(2)  # decided as "granted"

    results = api.get(REVIEWS, {"outcome": "partially_granted"}).json()["results"]

    assert [item["year"] for item in results] == [2015]


def test_reviews_filter_by_example_data(api, michel):
    examples = api.get(REVIEWS, {"is_example_data": "true"}).json()["results"]
    real = api.get(REVIEWS, {"is_example_data": "false"}).json()["results"]

    assert [item["year"] for item in examples] == [2015]
    assert [item["year"] for item in real] == [2016, 2017]


def test_unknown_state_filter_answers_a_field_error(api, michel):
    response = api.get(REVIEWS, {"state": "secret"})

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error"
    assert list(body["field_errors"]) == ["state"]


def test_year_filter_outside_four_digits_answers_a_field_error(api, michel):
    response = api.get(REVIEWS, {"year": 99999})

    assert response.status_code == 400
    assert list(response.json()["field_errors"]) == ["year"]


def test_empty_filter_value_answers_a_field_error(api, michel):
    response = api.get(REVIEWS, {"state": ""})

    assert response.status_code == 400
    assert list(response.json()["field_errors"]) == ["state"]


def test_example_data_filter_accepts_only_true_or_false(api, michel):
    response = api.get(REVIEWS, {"is_example_data": "maybe"})

    assert response.status_code == 400
    assert list(response.json()["field_errors"]) == ["is_example_data"]


def test_reviews_are_ordered_by_legislature_then_year(api, michel):
    legislature_with_years(2)  # 2000 and 2001, an older legislature

    results = api.get(REVIEWS).json()["results"]

    assert [item["year"] for item in results] == [2000, 2001, 2015, 2016, 2017]


def test_reviews_order_by_year_descending_on_request(api, michel):
    results = api.get(REVIEWS, {"ordering": "-year"}).json()["results"]

    assert [item["year"] for item in results] == [2017, 2016, 2015]


def test_unknown_ordering_answers_a_field_error_naming_the_choices(api, michel):
    response = api.get(
        REVIEWS, {"ordering": "decision_reference"}, headers={"accept-language": "en"}
    )

    assert response.status_code == 400
    assert response.json()["field_errors"] == {"ordering": ["Choose one of: year, -year."]}


def test_reviews_of_the_same_year_keep_a_stable_order(api, michel):
    # Another legislature starting the same year: the id decides, on every page.
    later = YearlyReviewFactory(legislature=LegislatureFactory(first_year=2014), year=2015)

    results = api.get(REVIEWS, {"ordering": "year"}).json()["results"]

    assert [item["id"] for item in results][:2] == [review_in(michel, 2015).pk, later.pk]


def test_reviews_paginate_with_count_and_links(api):
    legislature_with_years(30)

    first = api.get(REVIEWS).json()
    second = api.get(first["next"]).json()

    assert first["count"] == 30
    assert len(first["results"]) == 25
    assert [item["year"] for item in second["results"]] == list(range(2025, 2030))
    assert second["next"] is None


def test_reviews_page_size_can_be_chosen_up_to_a_hundred(api):
    legislature_with_years(3)

    response = api.get(REVIEWS, {"page_size": 2})

    assert len(response.json()["results"]) == 2


@pytest.mark.parametrize("page_size", ["0", "101", "ten", "-1"])
def test_page_size_outside_one_to_a_hundred_answers_a_field_error(api, michel, page_size):
    response = api.get(REVIEWS, {"page_size": page_size})

    assert response.status_code == 400
    assert list(response.json()["field_errors"]) == ["page_size"]


def test_page_beyond_the_last_answers_json_404(api, michel):
    response = api.get(REVIEWS, {"page": 9})

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


# --- Languages ----------------------------------------------------------------------------


def test_lang_fr_serves_french_justification_sources_and_notes(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/", {"lang": "fr"}).json()

    assert review["justification"] == "Le gouvernement en a rendu une partie."
    assert review["served_languages"] == {"justification": "fr"}
    assert review["sources"][0]["title"] == "Communiqué"
    assert review["sources"][0]["served_languages"] == {"title": "fr"}
    assert review["changes"][0]["note"] == "Montant corrigé."
    assert review["changes"][0]["served_languages"] == {"note": "fr"}


def test_lang_without_translation_falls_back_to_dutch_and_says_so(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/", {"lang": "de"}).json()

    assert review["justification"] == "De regering gaf een deel terug."
    assert review["served_languages"] == {"justification": "nl"}
    assert review["sources"][0]["served_languages"] == {"title": "nl"}


def test_accept_language_chooses_the_language_too(api, michel):
    review = api.get(
        f"{REVIEWS}{review_in(michel, 2015).pk}/", headers={"accept-language": "fr"}
    ).json()

    assert review["served_languages"] == {"justification": "fr"}


def test_page_url_points_to_the_page_in_the_requested_language(api, michel):
    review = api.get(f"{REVIEWS}{review_in(michel, 2015).pk}/", {"lang": "fr"}).json()

    assert review["page_url"] == "http://testserver/fr/budget/2014-2019/2015/"


# --- Read only: no role can write ---------------------------------------------------------

ROLES = [
    None,
    "user_without_role",
    "working_group_member",
    "editor",
    "publisher",
    "superuser",
]


def acting_as(api, request, role):
    if role is not None:
        api.force_authenticate(request.getfixturevalue(role))
    return api


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_no_role_can_change_or_delete_a_review_through_the_api(api, request, michel, role, method):
    client = acting_as(api, request, role)

    response = getattr(client, method)(f"{REVIEWS}{review_in(michel, 2015).pk}/", {}, format="json")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


@pytest.mark.parametrize("role", ROLES)
def test_no_role_can_create_a_review_through_the_api(api, request, michel, role):
    client = acting_as(api, request, role)

    response = client.post(REVIEWS, {"legislature": "2014-2019", "year": 2018}, format="json")

    assert response.status_code == 405


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_no_role_can_write_legislatures_through_the_api(api, request, michel, role, method):
    client = acting_as(api, request, role)
    url = LEGISLATURES if method == "post" else f"{LEGISLATURES}2014-2019/"

    response = getattr(client, method)(url, {}, format="json")

    assert response.status_code == 405


# --- HTTP caching -------------------------------------------------------------------------


def test_review_list_answers_304_when_the_etag_matches(api, michel):
    first = api.get(REVIEWS)

    again = api.get(REVIEWS, headers={"if-none-match": first.headers["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_review_list_etag_changes_when_a_review_changes(api, michel):
    before = api.get(REVIEWS).headers["ETag"]
    ReviewLineFactory(review=review_in(michel, 2016), amount_requested=Decimal("1.00"))

    after = api.get(REVIEWS, headers={"if-none-match": before})

    assert after.status_code == 200
    assert after.headers["ETag"] != before


def test_legislature_detail_answers_304_when_the_etag_matches(api, michel):
    first = api.get(f"{LEGISLATURES}2014-2019/")

    again = api.get(f"{LEGISLATURES}2014-2019/", headers={"if-none-match": first.headers["ETag"]})

    assert again.status_code == 304


def test_field_errors_are_in_the_requested_language(api, michel):
    response = api.get(REVIEWS, {"ordering": "secret", "lang": "fr"})

    assert response.json()["field_errors"] == {"ordering": ["Choisissez parmi : year, -year."]}
