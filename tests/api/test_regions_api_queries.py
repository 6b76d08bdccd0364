"""Each regions endpoint runs the same number of queries for 5 or 30 analyses (acceptance 4).

Every analysis has its own region (half of them sub-regions of the first), topic,
organisation and country, so all lists grow twentyfold; the counts guard against N+1
queries from nested serializers (region, parent, tags, figures, sources, history).
"""

import pytest
from rest_framework.test import APIClient

from regions.api.views import PublicReadOnlyViewSet
from tests.regions.factories import (
    CountryFactory,
    OrganisationFactory,
    RegionFactory,
    TopicFactory,
    published_analysis,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


@pytest.fixture(autouse=True)
def _no_throttling(monkeypatch):
    # DRF reads DEFAULT_THROTTLE_CLASSES once, at import, so overriding the setting in a
    # test changes nothing; the whole suite would share one anonymous allowance.
    monkeypatch.setattr(PublicReadOnlyViewSet, "throttle_classes", [])


@pytest.fixture
def api():
    return APIClient()


# 30 is more than a page of the API (25); more only slows the suite.
@pytest.fixture(params=[5, 30], ids=lambda n: f"{n}-analyses")
def corpus(request):
    parent = RegionFactory(slug="parent-region")
    published_analysis(region=parent)
    for number in range(request.param - 1):
        region = RegionFactory(slug=f"sized-{number}", parent=parent if number % 2 else None)
        analysis = published_analysis(region=region)
        revision = analysis.live_revision
        revision.topics.add(TopicFactory(), TopicFactory(slug="shared-topic"))
        revision.organisations.add(OrganisationFactory(), OrganisationFactory(acronym="SHARED"))
        revision.countries.add(CountryFactory(), CountryFactory(code="BE"))
    return request.param


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # Count, then the page with the public analysis slug as a subquery.
        ("/api/v1/regions/", 2),
        # Count, page.
        ("/api/v1/topics/", 2),
        ("/api/v1/organisations/", 2),
        ("/api/v1/countries/", 2),
        ("/api/v1/topics/?in_use=true", 2),
        # One cursor page with region, parent and live revision joined; no count.
        ("/api/v1/analyses/", 1),
        ("/api/v1/analyses/?topic=shared-topic&ordering=last_updated", 1),
    ],
)
def test_list_query_count_is_constant(api, corpus, django_assert_num_queries, path, queries):
    with django_assert_num_queries(queries):
        assert api.get(path).status_code == 200


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # The region, then its listed sub-regions (half the corpus).
        ("/api/v1/regions/parent-region/", 2),
        # The analysis, five prefetches (topics, organisations, countries, figures,
        # sources) and the change history.
        ("/api/v1/analyses/sized-0/", 7),
        ("/api/v1/topics/shared-topic/", 1),
        ("/api/v1/organisations/SHARED/", 1),
        ("/api/v1/countries/BE/", 1),
    ],
)
def test_detail_query_count_is_constant(api, corpus, django_assert_num_queries, path, queries):
    with django_assert_num_queries(queries):
        assert api.get(path).status_code == 200
