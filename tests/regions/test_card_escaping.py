"""Every listing card (index, topic page, search result) escapes every text it shows."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.regions.factories import RegionFactory, TopicFactory, published_analysis

pytestmark = pytest.mark.django_db

# The texts a card shows; each gets its own hostile value so that each is checked.
CARD_TEXTS = ("region name", "parent name", "title", "summary")


def hostile(text: str) -> str:
    return f'<script>alert(1)</script> "{text}" & co'


@pytest.fixture
def hostile_analysis():
    parent = RegionFactory(slug="hostile-parent", name_nl=hostile("parent name"))
    analysis = published_analysis(
        region=RegionFactory(slug="hostile", name_nl=hostile("region name"), parent=parent),
        title_nl=hostile("title"),
        summary_nl=hostile("summary"),
        body_nl="Zoekwoord in de tekst.",
    )
    analysis.live_revision.topics.add(TopicFactory(slug="hostile", name_nl=hostile("topic")))
    return analysis


@pytest.mark.parametrize(
    "address, texts",
    [
        pytest.param(lambda: reverse("regions:index"), CARD_TEXTS, id="index"),
        pytest.param(lambda: reverse("regions:topic", args=["hostile"]), CARD_TEXTS, id="topic"),
        # A result shows a snippet in its summary's place, checked below.
        pytest.param(
            lambda: reverse("regions:search") + "?q=Zoekwoord", CARD_TEXTS[:-1], id="search"
        ),
    ],
)
def test_a_card_shows_every_text_escaped(client, hostile_analysis, address, texts):
    html = client.get(address()).content.decode()

    assert "<script>" not in html
    for text in texts:
        assert escape(hostile(text)) in html, text
    # PostgreSQL's search headline leaves tag-like words out of a snippet: the rest is sure.
    assert escape('"summary" & co') in html
