"""Hostile titles and bodies render inert on every page that shows them (acceptance 2)."""

import pytest
from django.urls import reverse

from core.markdown import render_markdown
from tests.regions.factories import published_analysis

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = '<script>alert("t")</script><img src=x onerror="alert(1)">'
HOSTILE_BODY = (
    "Zoekwoord tekst\n\n"
    '<script>alert("b")</script>\n\n'
    '<img src="x" onerror="alert(2)">\n\n'
    "[klik](javascript:alert(3))\n\n"
    '<a href="javascript:alert(4)">link</a>'
)


def test_markdown_rendering_removes_scripts_handlers_and_javascript_links():
    html = render_markdown(HOSTILE_BODY)

    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "Zoekwoord tekst" in html


def test_markdown_links_keep_safe_schemes_with_a_protective_rel():
    html = render_markdown("[bron](https://example.org/)")

    assert 'href="https://example.org/"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


@pytest.fixture
def hostile():
    return published_analysis(
        title_nl=HOSTILE_TITLE,
        summary_nl=f"Zoekwoord {HOSTILE_TITLE}",
        body_nl=HOSTILE_BODY,
    )


def test_analysis_page_renders_hostile_content_inert(client, hostile):
    html = client.get(hostile.get_absolute_url()).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert "javascript:" not in html


def test_index_renders_hostile_title_escaped(client, hostile):
    html = client.get(reverse("regions:index")).content.decode()

    assert "<script>alert" not in html
    assert "<img" not in html


def test_search_highlighting_escapes_before_marking(client, hostile):
    html = client.get(reverse("regions:search"), {"q": "Zoekwoord"}).content.decode()

    assert "<mark>" in html
    assert "<script>alert" not in html
    assert "<img" not in html


def test_feed_escapes_hostile_titles(client, hostile):
    feed = client.get(reverse("regions:feed")).content.decode()

    assert "<script>" not in feed
    assert "&lt;script&gt;" in feed
