"""Only published, due analyses reach the public; withdrawn ones only at their address.

Acceptance 1: each public surface is checked against every hidden state.
"""

import pytest
from django.urls import reverse

from regions import services
from regions.models import Analysis
from tests.regions.factories import (
    TopicFactory,
    content,
    draft_analysis,
    in_review_analysis,
    published_analysis,
    scheduled_analysis,
    withdrawn_analysis,
)

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": draft_analysis,
    "in review": in_review_analysis,
    "scheduled": scheduled_analysis,
    "withdrawn": withdrawn_analysis,
}
MARKER = "Zichtbaarheidstoets"


@pytest.fixture(params=list(HIDDEN))
def hidden(request):
    topic = TopicFactory(slug="terrorisme")
    analysis = HIDDEN[request.param](title_nl=f"{MARKER} verborgen")
    revision = analysis.live_revision or analysis.draft_revision
    revision.topics.add(topic)
    analysis.hidden_state = request.param
    return analysis


@pytest.fixture
def visible():
    analysis = published_analysis(title_nl=f"{MARKER} zichtbaar")
    analysis.live_revision.topics.add(TopicFactory(slug="terrorisme"))
    return analysis


def test_public_queryset_holds_only_the_published_due_analysis(hidden, visible):
    assert list(Analysis.objects.public()) == [visible]


def test_index_lists_only_the_published_analysis(client, hidden, visible):
    page = client.get(reverse("regions:index")).content.decode()

    assert f"{MARKER} zichtbaar" in page
    assert f"{MARKER} verborgen" not in page


def test_topic_page_lists_only_the_published_analysis(client, hidden, visible):
    page = client.get(reverse("regions:topic", args=["terrorisme"])).content.decode()

    assert f"{MARKER} zichtbaar" in page
    assert f"{MARKER} verborgen" not in page


def test_search_finds_only_the_published_analysis(client, hidden, visible):
    page = client.get(reverse("regions:search"), {"q": MARKER}).content.decode()

    assert "zichtbaar" in page
    assert "verborgen" not in page


def test_feed_carries_only_the_published_analysis(client, hidden, visible):
    feed = client.get(reverse("regions:feed")).content.decode()

    assert f"{MARKER} zichtbaar" in feed
    assert f"{MARKER} verborgen" not in feed


def test_sitemap_lists_only_the_published_analysis(client, hidden, visible):
    sitemap = client.get("/sitemap-regions.xml").content.decode()

    assert visible.get_absolute_url() in sitemap
    assert f"/{hidden.slug}/" not in sitemap


def test_own_address_answers_only_for_withdrawn_among_the_hidden(client, hidden):
    response = client.get(reverse("regions:analysis", args=[hidden.slug]))

    if hidden.hidden_state == "withdrawn":
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_withdrawn_analysis_shows_the_notice_with_reason_and_date(client):
    analysis = withdrawn_analysis()

    page = client.get(analysis.get_absolute_url()).content.decode()

    assert "Deze analyse werd ingetrokken op" in page
    assert "Vervangen door een nieuwe analyse." in page


def test_draft_content_of_a_published_analysis_never_reaches_the_public(client, editor):
    from regions import services
    from tests.regions.factories import content

    analysis = published_analysis(title_nl="Publieke titel")
    services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content=content(title_nl="Geheime werktitel"),
        by=editor,
    )

    for url in (
        reverse("regions:index"),
        analysis.get_absolute_url(),
        reverse("regions:feed"),
        reverse("regions:search") + "?q=Geheime",
    ):
        assert "Geheime werktitel" not in client.get(url).content.decode()


def test_scheduled_analysis_appears_once_its_time_has_come(client):
    from datetime import timedelta

    from django.utils import timezone

    analysis = scheduled_analysis()
    Analysis.objects.filter(pk=analysis.pk).update(publish_at=timezone.now() - timedelta(minutes=1))

    assert client.get(analysis.get_absolute_url()).status_code == 200


def test_topic_page_follows_the_live_revision_not_a_newer_draft(client):
    topic = TopicFactory(slug="terrorisme")
    tagged_live = published_analysis(title_nl=f"{MARKER} live")
    tagged_live.live_revision.topics.add(topic)
    services.analysis_save_draft(
        analysis=tagged_live,
        expected_version=tagged_live.version,
        content=content(title_nl=f"{MARKER} ontwerp zonder onderwerp"),
        by=tagged_live.live_revision.author,
    )
    tagged_draft = published_analysis(title_nl=f"{MARKER} live zonder onderwerp")
    services.analysis_save_draft(
        analysis=tagged_draft,
        expected_version=tagged_draft.version,
        content=content(title_nl=f"{MARKER} ontwerp"),
        by=tagged_draft.live_revision.author,
        topics=[topic],
    )

    page = client.get(reverse("regions:topic", args=["terrorisme"])).content.decode()

    assert page.count(f"{MARKER} live<") == 1
    assert "zonder onderwerp" not in page
    assert f"{MARKER} ontwerp" not in page
