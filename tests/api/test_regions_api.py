"""The regions endpoints: shapes, filters, ordering, languages, sanitised bodies, caching."""

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from regions import services
from regions.api.views import PublicReadOnlyViewSet
from regions.models import RegionGroup, RegionKind, Trend
from tests.regions.factories import (
    CountryFactory,
    OrganisationFactory,
    RegionFactory,
    TopicFactory,
    content,
    published_analysis,
    republished_analysis,
    second_publisher,
    withdrawn_analysis,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_throttling(monkeypatch):
    # DRF reads DEFAULT_THROTTLE_CLASSES once, at import, so overriding the setting in a
    # test changes nothing; the whole suite would share one anonymous allowance.
    monkeypatch.setattr(PublicReadOnlyViewSet, "throttle_classes", [])


@pytest.fixture
def api():
    return APIClient()


def tagged_analysis(slug, **overrides):
    """A published analysis tagged with a topic, an organisation and a country."""
    analysis = published_analysis(region=RegionFactory(slug=slug), **overrides)
    revision = analysis.live_revision
    revision.topics.add(TopicFactory(slug="terrorism", name_nl="Terrorisme"))
    revision.organisations.add(OrganisationFactory(acronym="NATO", name_nl="Noord-Atlantische"))
    revision.countries.add(CountryFactory(code="ML", name_nl="Mali"))
    return analysis


def slugs(response):
    return [item["slug"] for item in response.json()["results"]]


# Shapes ---------------------------------------------------------------------------------


def test_analysis_list_item_shows_what_the_index_shows(api):
    analysis = published_analysis(region=RegionFactory(slug="sahel"), title_nl="De Sahel")

    item = api.get("/api/v1/analyses/").json()["results"][0]

    assert item == {
        "slug": "sahel",
        "page_url": "http://testserver/nl/security-environment/sahel/",
        "region": {
            "slug": "sahel",
            "name": analysis.region.name_nl,
            "kind": "geographic",
            "group": "southern",
            "parent": None,
            "served_languages": {"name": "nl"},
        },
        "title": "De Sahel",
        "summary": "Een korte samenvatting.",
        "trend": "stable",
        "horizon_year": 2030,
        "last_updated": item["last_updated"],
        "served_languages": {"title": "nl", "summary": "nl"},
    }
    # The API speaks Brussels time: compare the local date (after 23:00 UTC it is tomorrow).
    local_date = timezone.localtime(analysis.last_published_at).date()
    assert item["last_updated"].startswith(local_date.isoformat())


def test_analysis_detail_shows_the_live_revision_with_its_figures_sources_and_tags(api):
    tagged_analysis("sahel")

    detail = api.get("/api/v1/analyses/sahel/").json()

    assert detail["title"] == "Analyse van de regio"
    assert detail["body_html"] == "<p>De <strong>veiligheidsomgeving</strong> blijft onzeker.</p>"
    assert [t["slug"] for t in detail["topics"]] == ["terrorism"]
    assert [o["acronym"] for o in detail["organisations"]] == ["NATO"]
    assert [c["code"] for c in detail["countries"]] == ["ML"]
    assert detail["key_figures"] == [
        {
            "label": "Kortere route naar Japan",
            "value": "40",
            "unit": "%",
            "source": "",
            "served_languages": {"label": "nl", "unit": "nl"},
        }
    ]
    assert detail["sources"] == [
        {"title": "Strategische visie voor Defensie", "url": "https://example.org/", "date": None}
    ]
    assert detail["withdrawn"] is False
    assert detail["withdrawn_at"] is None
    assert detail["withdrawal_reason"] is None


def test_analysis_detail_exposes_no_workflow_or_editor_fields(api):
    published_analysis(region=RegionFactory(slug="sahel"))

    detail = api.get("/api/v1/analyses/sahel/").json()

    hidden = {"state", "version", "draft_revision", "author", "submitted_by", "publish_at"}
    hidden |= {"force_published_by", "awaiting_retrospective_review", "body", "id", "pk"}
    assert hidden.isdisjoint(detail)
    assert "author" not in str(detail)


def test_change_history_lists_first_publication_and_major_changes_newest_first(api):
    analysis = published_analysis(region=RegionFactory(slug="sahel"))
    editor = analysis.live_revision.author
    services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content=content(is_major=True, change_note_nl="Nieuwe cijfers over migratie."),
        by=editor,
    )
    services.analysis_submit(analysis=analysis, by=editor)
    services.analysis_publish(analysis=analysis, by=second_publisher())

    history = api.get("/api/v1/analyses/sahel/").json()["change_history"]

    assert [(c["note"], c["first_publication"]) for c in history] == [
        ("Nieuwe cijfers over migratie.", False),
        (None, True),
    ]
    assert history[0]["served_languages"] == {"note": "nl"}


def test_withdrawn_analysis_is_readable_at_its_address_with_the_notice(api):
    withdrawn_analysis(region=RegionFactory(slug="sahel"))

    detail = api.get("/api/v1/analyses/sahel/").json()

    assert detail["withdrawn"] is True
    assert detail["withdrawal_reason"] == "Vervangen door een nieuwe analyse."
    assert detail["withdrawn_at"] is not None
    assert detail["served_languages"]["withdrawal_reason"] == "nl"


def test_withdrawn_analysis_leaves_the_list(api):
    withdrawn_analysis(region=RegionFactory(slug="sahel"))

    assert slugs(api.get("/api/v1/analyses/")) == []


def test_unknown_analysis_answers_json_404(api):
    response = api.get("/api/v1/analyses/no-such-analysis/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_region_detail_lists_its_published_sub_regions(api):
    parent = RegionFactory(slug="middle-east")
    published_analysis(region=parent)
    published_analysis(region=RegionFactory(slug="syria", parent=parent))
    withdrawn_analysis(region=RegionFactory(slug="iraq", parent=parent))

    detail = api.get("/api/v1/regions/middle-east/").json()

    assert detail["analysis"] == "middle-east"
    assert [child["slug"] for child in detail["children"]] == ["syria"]
    assert detail["children"][0]["parent"] == "middle-east"


def test_parent_region_is_listed_for_its_published_sub_region(api):
    parent = RegionFactory(slug="middle-east")
    published_analysis(region=RegionFactory(slug="syria", parent=parent))

    regions = {r["slug"]: r for r in api.get("/api/v1/regions/").json()["results"]}

    assert set(regions) == {"middle-east", "syria"}
    assert regions["middle-east"]["analysis"] is None


def test_reference_lists_have_their_shapes(api):
    tagged_analysis("sahel")

    topic = api.get("/api/v1/topics/").json()["results"][0]
    organisation = api.get("/api/v1/organisations/NATO/").json()
    country = api.get("/api/v1/countries/ML/").json()

    assert topic == {
        "slug": "terrorism",
        "name": "Terrorisme",
        "page_url": "http://testserver/nl/security-environment/topics/terrorism/",
        "served_languages": {"name": "nl"},
    }
    assert organisation == {
        "acronym": "NATO",
        "name": "Noord-Atlantische",
        "url": "",
        "served_languages": {"name": "nl"},
    }
    assert country == {"code": "ML", "name": "Mali", "served_languages": {"name": "nl"}}


# Filters and ordering --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=terrorism", ["sahel"]),
        ("organisation=nato", ["sahel"]),
        ("country=ml", ["sahel"]),
        ("region=arctic", ["arctic"]),
        ("trend=deteriorating", ["sahel"]),
        ("group=northern", ["arctic"]),
        ("topic=no-such-topic", []),
    ],
)
def test_analysis_filters(api, query, expected):
    tagged_analysis("sahel", trend=Trend.DETERIORATING)
    published_analysis(region=RegionFactory(slug="arctic", group=RegionGroup.NORTHERN_PERIPHERY))

    assert slugs(api.get(f"/api/v1/analyses/?{query}")) == expected


def test_analyses_are_ordered_by_last_update_newest_first_by_default(api):
    for slug in ("first", "second", "third"):
        published_analysis(region=RegionFactory(slug=slug))

    assert slugs(api.get("/api/v1/analyses/")) == ["third", "second", "first"]
    assert slugs(api.get("/api/v1/analyses/?ordering=last_updated")) == [
        "first",
        "second",
        "third",
    ]


def test_unknown_ordering_is_refused(api):
    response = api.get("/api/v1/analyses/?ordering=title")

    assert response.status_code == 400
    assert "ordering" in response.json()["field_errors"]


def test_cursor_pages_walk_every_analysis_once(api):
    for number in range(7):
        published_analysis(region=RegionFactory(slug=f"region-x{number}"))

    seen, url = [], "/api/v1/analyses/?page_size=3"
    while url:
        page = api.get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]

    assert sorted(seen) == sorted(f"region-x{number}" for number in range(7))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=theme", ["flows"]),
        ("group=themes", ["flows"]),
        ("parent=middle-east", ["syria"]),
        ("top_level=true", ["middle-east", "flows"]),
        ("top_level=false", ["syria"]),
        ("parent=unknown", []),
    ],
)
def test_region_filters(api, query, expected):
    parent = RegionFactory(slug="middle-east", group=RegionGroup.EASTERN_PERIPHERY)
    published_analysis(region=parent)
    published_analysis(
        region=RegionFactory(slug="syria", parent=parent, group=RegionGroup.EASTERN_PERIPHERY)
    )
    published_analysis(
        region=RegionFactory(slug="flows", kind=RegionKind.THEME, group=RegionGroup.THEMES)
    )

    assert slugs(api.get(f"/api/v1/regions/?{query}")) == expected


def test_regions_follow_the_index_order_of_groups(api):
    published_analysis(region=RegionFactory(slug="theme", kind="theme", group=RegionGroup.THEMES))
    published_analysis(region=RegionFactory(slug="arctic", group=RegionGroup.NORTHERN_PERIPHERY))
    published_analysis(region=RegionFactory(slug="sahel", group=RegionGroup.SOUTHERN_PERIPHERY))

    assert slugs(api.get("/api/v1/regions/")) == ["sahel", "arctic", "theme"]
    assert slugs(api.get("/api/v1/regions/?ordering=-slug")) == ["theme", "sahel", "arctic"]


@pytest.mark.parametrize("endpoint", ["topics", "organisations", "countries"])
def test_in_use_filter_keeps_what_a_published_analysis_refers_to(api, endpoint):
    tagged_analysis("sahel")
    TopicFactory(slug="unused")
    OrganisationFactory(acronym="UNUSED")
    CountryFactory(code="ZZ")

    used = api.get(f"/api/v1/{endpoint}/?in_use=true").json()["results"]
    unused = api.get(f"/api/v1/{endpoint}/?in_use=false").json()["results"]

    assert len(used) == 1
    assert len(unused) == 1


# Languages -------------------------------------------------------------------------------


def test_lang_serves_the_translation_and_says_so(api):
    published_analysis(region=RegionFactory(slug="sahel", name_en="Sahel (en)"))

    detail = api.get("/api/v1/analyses/sahel/?lang=en").json()

    assert detail["title"] == "Analysis of the region"
    assert detail["served_languages"] == {"title": "en", "summary": "en", "body_html": "en"}
    assert detail["region"]["name"] == "Sahel (en)"
    assert detail["region"]["served_languages"] == {"name": "en"}
    assert detail["page_url"] == "http://testserver/en/security-environment/sahel/"


def test_missing_translation_falls_back_to_dutch_and_says_so(api):
    published_analysis(region=RegionFactory(slug="sahel"))

    detail = api.get("/api/v1/analyses/sahel/?lang=fr").json()

    assert detail["title"] == "Analyse van de regio"
    assert detail["served_languages"] == {"title": "nl", "summary": "nl", "body_html": "nl"}
    assert detail["key_figures"][0]["served_languages"]["label"] == "nl"


def test_accept_language_header_chooses_the_language(api):
    published_analysis(region=RegionFactory(slug="sahel"))

    item = api.get("/api/v1/analyses/", headers={"accept-language": "en"}).json()["results"][0]

    assert item["title"] == "Analysis of the region"
    assert item["served_languages"]["title"] == "en"


# Sanitised bodies ------------------------------------------------------------------------

HOSTILE_BODY = (
    "<script>alert('x')</script>\n\n"
    '<img src="x" onerror="alert(1)">\n\n'
    "[click](javascript:alert(1))\n\n"
    '<a href="javascript:alert(2)" onclick="alert(3)">link</a>'
)


def test_hostile_markdown_comes_out_inert(api):
    published_analysis(region=RegionFactory(slug="sahel"), body_nl=HOSTILE_BODY)

    body = api.get("/api/v1/analyses/sahel/").json()["body_html"].lower()

    assert "<script" not in body
    assert "onerror" not in body
    assert "onclick" not in body
    assert "javascript:" not in body
    assert "<img" not in body


def test_markdown_source_is_not_exposed(api):
    published_analysis(region=RegionFactory(slug="sahel"), body_nl=HOSTILE_BODY)

    detail = api.get("/api/v1/analyses/sahel/").json()

    assert "alert('x')</script>" not in str(detail)


# HTTP caching ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/analyses/", "/api/v1/analyses/sahel/"])
def test_unchanged_response_answers_304_to_its_etag(api, path):
    published_analysis(region=RegionFactory(slug="sahel"))
    etag = api.get(path).headers["ETag"]

    response = api.get(path, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""


def test_publishing_a_new_version_changes_the_etag(api):
    analysis = published_analysis(region=RegionFactory(slug="sahel"))
    etag = api.get("/api/v1/analyses/sahel/").headers["ETag"]
    republished_analysis(analysis, title_nl="Nieuwe titel")

    response = api.get("/api/v1/analyses/sahel/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response.json()["title"] == "Nieuwe titel"


def test_writes_are_not_allowed(api, superuser):
    published_analysis(region=RegionFactory(slug="sahel"))
    api.force_authenticate(superuser)

    assert api.post("/api/v1/analyses/", {}, format="json").status_code == 405
    assert api.delete("/api/v1/analyses/sahel/").status_code == 405


# Invalid parameters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "analyses/?page_size=0",
        "analyses/?page_size=101",
        "analyses/?page_size=null",
        "regions/?page=abc",
        "regions/?page=",
        "analyses/?group=",
        "analyses/?trend=collapsing",
        "analyses/?region=",
        "analyses/?region=not%20a%20slug",
        "analyses/?topic=nul%00",
        "topics/?in_use=maybe",
    ],
)
def test_invalid_parameter_is_refused_with_a_field_error(api, query):
    response = api.get(f"/api/v1/{query}")

    assert response.status_code == 400
    name = query.split("?")[1].split("=")[0]
    assert name in response.json()["field_errors"]


def test_page_past_the_end_is_not_found(api):
    assert api.get("/api/v1/regions/?page=2").status_code == 404


# Old addresses ---------------------------------------------------------------------------


def test_old_slug_redirects_permanently_to_the_new_address(api):
    analysis = published_analysis(region=RegionFactory(slug="sahel"))
    services.analysis_change_slug(
        analysis=analysis,
        slug="sahel-region",
        expected_version=analysis.version,
        by=analysis.live_revision.author,
    )

    response = api.get("/api/v1/analyses/sahel/?lang=en")

    assert response.status_code == 301
    assert response.headers["Location"] == "/api/v1/analyses/sahel-region/?lang=en"


def test_old_slug_of_an_unpublished_analysis_is_not_found(api):
    analysis = published_analysis(region=RegionFactory(slug="sahel"))
    by = analysis.live_revision.author
    services.analysis_change_slug(
        analysis=analysis, slug="sahel-region", expected_version=analysis.version, by=by
    )
    services.analysis_unpublish(analysis=analysis, by=second_publisher())

    response = api.get("/api/v1/analyses/sahel/")

    assert response.status_code == 404
    assert "sahel-region" not in response.content.decode()


def test_refusal_is_explained_in_the_requested_language(api):
    response = api.get("/api/v1/analyses/?page_size=0&lang=fr")

    assert response.json()["field_errors"]["page_size"] == ["Donnez un nombre entier de 1 à 100."]
