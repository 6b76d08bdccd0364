"""The sitemap is an index of pages, so no response grows with the number of analyses."""

import re

import pytest
from django.urls import reverse

from regions.sitemaps import AnalysisSitemap
from tests.regions.factories import RegionFactory, published_analysis

pytestmark = pytest.mark.django_db

LANGUAGES = 4
PAGE_ADDRESS = reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": "regions"})


@pytest.fixture
def three_analyses():
    return [published_analysis(region=RegionFactory(slug=f"plaats-{n}")) for n in range(3)]


@pytest.fixture
def small_pages(monkeypatch):
    # Six entries a page: the second page starts in the middle of an analysis's languages.
    monkeypatch.setattr(AnalysisSitemap, "limit", 6)


def entries(response):
    return re.findall(r"<url>\s*<loc>([^<]+)</loc>", response.content.decode())


def test_a_sitemap_page_holds_at_most_limit_entries(client, three_analyses, small_pages):
    pages = [client.get(PAGE_ADDRESS, {"p": page}) for page in (1, 2)]

    assert [len(entries(page)) for page in pages] == [6, 6]


def test_the_sitemap_pages_list_every_analysis_in_every_language_once(
    client, three_analyses, small_pages
):
    listed = [url for page in (1, 2) for url in entries(client.get(PAGE_ADDRESS, {"p": page}))]

    assert len(listed) == len(set(listed)) == len(three_analyses) * LANGUAGES
    assert client.get(PAGE_ADDRESS, {"p": 3}).status_code == 404


def test_the_sitemap_index_lists_every_page(client, three_analyses, small_pages):
    index = client.get(reverse("django.contrib.sitemaps.views.index")).content.decode()

    assert f"{PAGE_ADDRESS}</loc>" in index
    assert f"{PAGE_ADDRESS}?p=2</loc>" in index
    assert "?p=3" not in index


def test_sitemap_entries_keep_their_language_alternates(client, three_analyses):
    page = client.get(PAGE_ADDRESS).content.decode()

    assert page.count('hreflang="fr"') == len(three_analyses) * LANGUAGES
