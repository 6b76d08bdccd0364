import pytest
from django.urls import reverse
from django.utils import translation

from tests.regions.factories import published_analysis

pytestmark = pytest.mark.django_db


def test_bare_address_serves_the_home_page(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "core/home.html" in [t.name for t in response.templates]


def test_bare_address_answers_in_the_browser_language(client):
    response = client.get("/", headers={"accept-language": "fr"})

    assert '<html lang="fr">' in response.text


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_home_page_exists_under_each_language_prefix(client, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text


def test_home_page_links_to_the_three_sections(client):
    response = client.get("/nl/")

    for name in ("regions:index", "budget:index", "working_group:index"):
        with translation.override("nl"):
            assert f'href="{reverse(name)}"' in response.text


def test_home_page_explains_the_may_2015_agreement(client):
    response = client.get("/en/")

    assert "8 May 2015" in response.text
    assert "EUR 100 million" in response.text
    assert "2019" in response.text


def test_home_page_is_translated_into_french(client):
    response = client.get("/fr/")

    assert "Passer au contenu principal" in response.text


def test_base_page_has_skip_link_landmarks_and_one_h1(client):
    html = client.get("/en/").text

    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert html.count("<h1") == 1


def test_language_switcher_keeps_the_current_page(client):
    html = client.get("/nl/budget/").text

    for language in ("fr", "de", "en"):
        assert f'href="/{language}/budget/" hreflang="{language}"' in html


def test_language_switcher_marks_the_current_language(client):
    html = client.get("/de/").text

    assert 'href="/de/" hreflang="de" lang="de" aria-current="true"' in html


def test_each_page_lists_hreflang_alternates_for_all_languages(client):
    html = client.get("/en/working-group/").text

    for language in ("nl", "fr", "de", "en"):
        assert (
            f'<link rel="alternate" hreflang="{language}" href="/{language}/working-group/">'
            in html
        )


def test_bare_address_alternates_point_at_the_prefixed_home_pages(client):
    html = client.get("/").text

    assert '<link rel="alternate" hreflang="fr" href="/fr/">' in html


def test_unknown_page_gets_the_translated_404_page(client):
    response = client.get("/fr/does-not-exist/")

    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert '<html lang="fr">' in response.text


def test_content_security_policy_forbids_inline_script(client):
    policy = client.get("/nl/").headers["Content-Security-Policy"]

    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_carry_an_etag_and_answer_304_when_it_matches(client):
    etag = client.get("/nl/").headers["ETag"]

    response = client.get("/nl/", headers={"if-none-match": etag})

    assert response.status_code == 304


@pytest.mark.usefixtures("uncached_pages")
@pytest.mark.parametrize("analyses", [0, 25])
def test_home_page_reads_nothing_from_the_database(client, django_assert_num_queries, analyses):
    for number in range(analyses):
        published_analysis(slug=f"analyse-{number}")

    with django_assert_num_queries(0):
        assert client.get(reverse("home")).status_code == 200
