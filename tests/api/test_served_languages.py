"""``served_languages`` never names a language whose text is empty; null when there is none."""

import pytest
from rest_framework.test import APIClient

from regions.api.views import PublicReadOnlyViewSet
from tests.budget.factories import YearlyReviewFactory
from tests.regions.factories import RegionFactory, published_analysis

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(monkeypatch):
    # DRF reads the throttle classes at import; the suite would share one allowance.
    monkeypatch.setattr(PublicReadOnlyViewSet, "throttle_classes", [])
    return APIClient()


def review(api, review, language):
    body = api.get(f"/api/v1/budget-reviews/{review.pk}/", {"lang": language}).json()
    return body["justification"], body["served_languages"]


def test_an_empty_translation_is_not_named_the_dutch_text_is(api):
    planned = YearlyReviewFactory(justification_nl="Motivering", justification_fr="")

    assert review(api, planned, "fr") == ("Motivering", {"justification": "nl"})


def test_a_field_empty_in_every_language_is_served_in_no_language(api):
    planned = YearlyReviewFactory(justification_nl="", justification_fr="")

    assert review(api, planned, "fr") == ("", {"justification": None})


def test_a_first_publication_without_a_note_names_no_language_for_it(api):
    published_analysis(region=RegionFactory(slug="sahel"))

    [first] = api.get("/api/v1/analyses/sahel/").json()["change_history"]

    assert (first["note"], first["served_languages"]) == (None, {"note": None})
