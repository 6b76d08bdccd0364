"""Search: language-aware on PostgreSQL, word matching on SQLite, always escaped highlights."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from regions.search import highlight_words, search_analyses
from regions.templatetags.regions_tags import highlighted
from tests.regions.factories import published_analysis

pytestmark = pytest.mark.django_db


def test_highlighting_escapes_the_text_before_marking_words():
    html = highlighted(highlight_words("<b>Arctisch</b> ijs smelt", "arctisch"))

    assert html == "&lt;b&gt;<mark>Arctisch</mark>&lt;/b&gt; ijs smelt"


def test_a_postgres_headline_is_escaped_before_its_markers_become_mark_tags():
    html = highlighted("<script>x</script> \x02ijs\x03")

    assert html == "&lt;script&gt;x&lt;/script&gt; <mark>ijs</mark>"


def test_a_stray_marker_in_stored_text_is_dropped_not_shown():
    assert highlighted("a\x02b") == "ab"


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


def test_a_result_shows_its_summary_with_the_query_word_marked(client):
    published_analysis(summary_nl="Piraterij bedreigt de zeeroutes.", body_nl="Lange tekst.")

    page = client.get(reverse("regions:search"), {"q": "piraterij"}).content.decode()

    assert "<mark>Piraterij</mark> bedreigt de zeeroutes." in page


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL headlines")
def test_a_result_found_by_its_body_shows_the_body_words_around_the_match(client):
    published_analysis(summary_nl="Samenvatting.", body_nl="Piraterij bedreigt de zeeroutes.")

    page = client.get(reverse("regions:search"), {"q": "zeeroutes"}).content.decode()

    assert "Piraterij bedreigt de <mark>zeeroutes</mark>." in page


def test_an_empty_query_shows_the_form_only(client):
    response = client.get(reverse("regions:search"))

    assert response.status_code == 200
    assert response.context["page_obj"] is None


def test_a_nul_byte_in_the_query_is_dropped_not_an_error(client):
    response = client.get("/nl/security-environment/search/?q=ab%00c")

    assert response.status_code == 200


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stored search vectors"
)


@pytest.mark.postgres
@needs_postgres
def test_a_republished_analysis_is_found_by_its_new_text_only():
    from tests.regions.factories import republished_analysis

    analysis = published_analysis(body_nl="Piraterij bedreigt de zeeroutes.")
    republished_analysis(analysis, body_nl="Droogte verdrijft herders uit de Sahel.")

    assert list(search_analyses("droogte")) == [analysis]
    assert list(search_analyses("piraterij")) == []


@pytest.mark.postgres
@needs_postgres
def test_renaming_a_region_makes_it_findable_by_its_new_name():
    analysis = published_analysis(body_nl="Piraterij bedreigt de zeeroutes.")
    region = analysis.region
    region.name_nl = "Golf van Guinee"
    region.save()

    assert list(search_analyses("Guinee")) == [analysis]


@pytest.mark.postgres
@needs_postgres
def test_every_page_language_has_a_gin_indexed_search_vector():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'regions_searchdocument'")
        definitions = " ".join(row[0] for row in cursor.fetchall())

    for language in ("nl", "fr", "de", "en"):
        assert f"USING gin (vector_{language})" in definitions


@pytest.mark.postgres
@needs_postgres
def test_rebuilding_every_search_document_restores_search():
    from regions.models import SearchDocument
    from regions.search import index_all

    analysis = published_analysis(body_nl="Piraterij bedreigt de zeeroutes.")
    SearchDocument.objects.all().delete()

    assert index_all() == 1
    assert list(search_analyses("piraterij")) == [analysis]


def test_search_documents_are_built_on_postgresql_only():
    from regions.models import SearchDocument

    published_analysis(body_nl="Piraterij bedreigt de zeeroutes.")

    assert SearchDocument.objects.exists() == (connection.vendor == "postgresql")
