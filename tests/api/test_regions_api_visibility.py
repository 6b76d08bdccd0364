"""The regions API tells no more than the pages (issue 6, acceptance 2).

Non-public analyses of every kind exist next to public ones; every public list is walked
page by page, in two languages, and every detail the lists lead to is read: none of the
hidden analyses' slugs, titles or bodies, no draft of a public analysis, no share link and
no editor appear anywhere. (Topics, organisations and countries are reference data
without a workflow: all are public, as every topic's page is.)
"""

import json

import pytest
from rest_framework.test import APIClient

from regions import services
from regions.api.views import PublicReadOnlyViewSet
from regions.sharing import share_token
from tests.regions.factories import (
    RegionFactory,
    TopicFactory,
    content,
    draft_analysis,
    in_review_analysis,
    published_analysis,
    scheduled_analysis,
    second_publisher,
    withdrawn_analysis,
)

pytestmark = pytest.mark.django_db

LISTS = ["regions", "topics", "organisations", "countries", "analyses"]
HIDDEN_SECRETS = [
    "verborgen-ontwerp", "verborgen-review", "verborgen-gepland",
    "Titel van een ontwerp", "Titel in review", "Titel gepland",
    "Ongepubliceerde nieuwe titel", "Ongepubliceerde nieuwe tekst",
    "author@example.org", "publisher-2", "/share/",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_throttling(monkeypatch):
    # DRF reads DEFAULT_THROTTLE_CLASSES once, at import, so overriding the setting in a
    # test changes nothing; the whole suite would share one anonymous allowance.
    monkeypatch.setattr(PublicReadOnlyViewSet, "throttle_classes", [])


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def portal():
    """Public analyses beside a draft, one in review, a scheduled one and a withdrawn one."""
    for number in range(4):
        published_analysis(region=RegionFactory(slug=f"openbaar-{number}"))
    hidden_topic = TopicFactory(slug="verborgen-onderwerp")
    draft = draft_analysis(
        region=RegionFactory(slug="verborgen-ontwerp"), title_nl="Titel van een ontwerp"
    )
    draft.draft_revision.topics.add(hidden_topic)
    in_review_analysis(region=RegionFactory(slug="verborgen-review"), title_nl="Titel in review")
    scheduled_analysis(region=RegionFactory(slug="verborgen-gepland"), title_nl="Titel gepland")
    withdrawn = withdrawn_analysis(
        region=RegionFactory(slug="ingetrokken"), title_nl="Ingetrokken analyse"
    )
    revised = published_analysis(region=RegionFactory(slug="herzien"))
    editor = revised.live_revision.author
    services.analysis_save_draft(
        analysis=revised,
        expected_version=revised.version,
        content=content(
            title_nl="Ongepubliceerde nieuwe titel", body_nl="Ongepubliceerde nieuwe tekst"
        ),
        by=editor,
    )
    services.analysis_submit(analysis=revised, by=editor)
    link = services.share_link_create(analysis=revised, by=second_publisher())
    return {"withdrawn": withdrawn, "share_token": share_token(link)}


def walk(api, endpoint, query=""):
    """Every page of a list (page numbers or cursor), following ``next`` to the end."""
    items, url = [], f"/api/v1/{endpoint}/?page_size=2{query}"
    while url:
        response = api.get(url)
        assert response.status_code == 200
        items += response.json()["results"]
        url = response.json()["next"]
    return items


def detail_paths(endpoint, items):
    key = {"organisations": "acronym", "countries": "code"}.get(endpoint, "slug")
    return [f"/api/v1/{endpoint}/{item[key]}/" for item in items]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_hidden_analysis_appears_in_any_public_list_or_detail(api, portal, language):
    bodies = []
    for endpoint in LISTS:
        items = walk(api, endpoint, f"&lang={language}")
        bodies.append(json.dumps(items))
        for path in detail_paths(endpoint, items):
            response = api.get(f"{path}?lang={language}")
            assert response.status_code == 200
            bodies.append(response.content.decode())
    seen = "\n".join(bodies)

    for secret in [*HIDDEN_SECRETS, portal["share_token"]]:
        assert secret not in seen


def test_lists_contain_exactly_the_public_analyses(api, portal):
    listed = {item["slug"] for item in walk(api, "analyses")}

    assert listed == {"openbaar-0", "openbaar-1", "openbaar-2", "openbaar-3", "herzien"}


def test_public_analysis_with_a_draft_in_review_shows_its_live_version(api, portal):
    detail = api.get("/api/v1/analyses/herzien/").json()

    assert detail["title"] == "Analyse van de regio"


def test_withdrawn_analysis_is_in_no_list_but_readable_at_its_address(api, portal):
    everything = json.dumps([walk(api, endpoint) for endpoint in LISTS])

    assert "ingetrokken" not in everything
    assert api.get("/api/v1/analyses/ingetrokken/").json()["withdrawn"] is True


@pytest.mark.parametrize("slug", ["verborgen-ontwerp", "verborgen-review", "verborgen-gepland"])
def test_non_public_analysis_is_not_found_at_its_address(api, portal, slug):
    assert api.get(f"/api/v1/analyses/{slug}/").status_code == 404
    assert api.get(f"/api/v1/regions/{slug}/").status_code == 404


@pytest.mark.parametrize(
    "query", ["region=verborgen-ontwerp", "topic=verborgen-onderwerp", "region=ingetrokken"]
)
def test_filtering_on_a_hidden_item_answers_an_empty_list(api, portal, query):
    assert walk(api, "analyses", f"&{query}") == []


def test_topic_of_a_draft_only_is_not_in_use(api, portal):
    in_use = {item["slug"] for item in walk(api, "topics", "&in_use=true")}

    assert "verborgen-onderwerp" not in in_use
