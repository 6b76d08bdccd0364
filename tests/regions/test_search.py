"""Search: language-aware on PostgreSQL, word matching on SQLite, always escaped highlights."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from regions.search import highlight_marked, highlight_words, search_analyses
from tests.regions.factories import published_analysis

pytestmark = pytest.mark.django_db


def test_highlighting_escapes_the_text_before_marking_words():
    html = highlight_words("<b>Arctisch</b> ijs smelt", "arctisch")

    assert html == "&lt;b&gt;<mark>Arctisch</mark>&lt;/b&gt; ijs smelt"


def test_a_postgres_headline_is_escaped_before_its_markers_become_mark_tags():
    html = highlight_marked("<script>x</script> \x02ijs\x03")

    assert html == "&lt;script&gt;x&lt;/script&gt; <mark>ijs</mark>"


def test_search_finds_an_analysis_by_a_word_in_its_body():
    analysis = published_analysis(body_nl="Piraterij bedreigt de zeeroutes.")

    assert list(search_analyses("piraterij")) == [analysis]


def test_every_word_of_the_query_must_match():
    published_analysis(body_nl="Piraterij bedreigt de zeeroutes.")

    assert list(search_analyses("piraterij klimaat")) == []


def test_search_in_english_reads_the_english_text():
    analysis = published_analysis(body_en="Piracy threatens the sea lanes.")

    with translation.override("en"):
        assert list(search_analyses("piracy")) == [analysis]


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_dutch_stemming_matches_other_forms_of_a_word():
    analysis = published_analysis(body_nl="Piraten en conflicten in fragiele staten.")

    assert list(search_analyses("piraat conflict staat")) == [analysis]


def test_the_results_page_is_paginated_and_keeps_the_query(client):
    from regions import selectors

    for number in range(selectors.PAGE_SIZE + 1):
        published_analysis(title_nl=f"Zeeroute {number}")

    page = client.get(reverse("regions:search"), {"q": "Zeeroute"}).content.decode()

    assert "?q=Zeeroute&amp;page=2" in page


def test_an_empty_query_shows_the_form_only(client):
    response = client.get(reverse("regions:search"))

    assert response.status_code == 200
    assert response.context["page_obj"] is None


def test_a_nul_byte_in_the_query_is_dropped_not_an_error(client):
    response = client.get("/nl/security-environment/search/?q=ab%00c")

    assert response.status_code == 200
