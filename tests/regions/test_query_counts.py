"""Each public page runs the same number of queries for 5 or 30 analyses (acceptance 4).

The counts guard against N+1 queries from templates: every list item shows its region,
parent region and live revision, and the region page shows topics, organisations,
countries, key figures, sources and the change history.
"""

import pytest
from django.urls import reverse

from regions.models import Analysis, AnalysisRevision
from tests.regions.factories import (
    CountryFactory,
    OrganisationFactory,
    RegionFactory,
    TopicFactory,
    published_analysis,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

# 30 fills more than a page of the index (20) and the feed (20); more only slows the suite.
SIZES = [5, 30]


@pytest.fixture(params=SIZES, ids=lambda n: f"{n}-analyses")
def corpus(request):
    """``n`` published analyses sharing topics, organisations and countries; every other
    one is a sub-region of the first, so the parent's page lists a growing number."""
    topic = TopicFactory(slug="klimaat")
    organisations = [OrganisationFactory() for _ in range(3)]
    countries = [CountryFactory() for _ in range(3)]
    parent = RegionFactory(slug="parent-region")
    analyses = [published_analysis(region=parent, title_nl="Overkoepelende analyse")]
    for number in range(request.param - 1):
        region = RegionFactory(slug=f"sized-{number}", parent=parent if number % 2 else None)
        analyses.append(published_analysis(region=region, title_nl=f"Klimaatanalyse {number}"))
    for revision in AnalysisRevision.objects.all():
        revision.topics.add(topic)
        revision.organisations.add(*organisations)
        revision.countries.add(*countries)
    return analyses


def test_index_query_count_is_constant(client, corpus, django_assert_num_queries):
    # Paginated count + the page of analyses with region, parent and live revision joined.
    with django_assert_num_queries(2):
        assert client.get(reverse("regions:index")).status_code == 200


def test_region_page_query_count_is_constant(client, corpus, django_assert_num_queries):
    # The analysis, its five lists (topics, organisations, countries, figures, sources),
    # the change history, the published sub-regions (half the corpus are children) and the
    # two queries of the related working-group tasks and budget reviews.
    parent = Analysis.objects.get(region__slug="parent-region")
    with django_assert_num_queries(10):
        assert client.get(parent.get_absolute_url()).status_code == 200


def test_sub_region_page_does_not_look_for_sub_regions(client, corpus, django_assert_num_queries):
    # Regions nest one level only: the region page's query for sub-regions is left out.
    child = Analysis.objects.filter(region__parent__slug="parent-region").first()
    with django_assert_num_queries(9):
        assert client.get(child.get_absolute_url()).status_code == 200


def test_region_address_query_count_is_constant(client, corpus, django_assert_num_queries):
    # The region's public analysis, for the redirect to its page.
    with django_assert_num_queries(1):
        response = client.get(reverse("regions:region", kwargs={"slug": "parent-region"}))
    assert response.status_code == 302


def test_topic_page_query_count_is_constant(client, corpus, django_assert_num_queries):
    # The topic, then the paginated count and page of its analyses.
    with django_assert_num_queries(3):
        assert client.get(reverse("regions:topic", args=["klimaat"])).status_code == 200


def test_search_query_count_is_constant(client, corpus, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = client.get(reverse("regions:search"), {"q": "Klimaatanalyse"})
    assert response.status_code == 200


def test_feed_query_count_is_constant(client, corpus, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get(reverse("regions:feed")).status_code == 200


def test_sitemap_index_query_count_is_constant(client, corpus, django_assert_num_queries):
    # The number of analyses (for the pages) and the latest publication date.
    with django_assert_num_queries(2):
        assert client.get(reverse("django.contrib.sitemaps.views.index")).status_code == 200


def test_sitemap_page_query_count_is_constant(client, corpus, django_assert_num_queries):
    # The number of analyses (for the page range), then the page's analyses.
    address = reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": "regions"})
    with django_assert_num_queries(2):
        assert client.get(address).status_code == 200


def test_every_sized_analysis_is_public(corpus):
    assert Analysis.objects.public().count() == len(corpus)
