"""Preview, share links (signed, expiring, revocable), slug redirects, region addresses."""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from regions import services
from regions.sharing import share_url
from tests.regions.factories import content, draft_analysis, published_analysis

pytestmark = pytest.mark.django_db


def test_a_share_link_shows_the_draft_to_a_reader_without_an_account(client, editor):
    analysis = draft_analysis(title_nl="Concepttekst voor review")
    link = services.share_link_create(analysis=analysis, by=editor)

    response = client.get(share_url(link))

    assert response.status_code == 200
    assert "Concepttekst voor review" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_share_link_keeps_showing_the_draft_it_was_made_for(client, editor):
    analysis = draft_analysis(title_nl="Eerste concept")
    link = services.share_link_create(analysis=analysis, by=editor)
    services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content=content(title_nl="Later concept"),
        by=editor,
    )

    page = client.get(share_url(link)).content.decode()

    assert "Eerste concept" in page
    assert "Later concept" not in page


def test_a_revoked_share_link_no_longer_opens(client, editor):
    link = services.share_link_create(analysis=draft_analysis(), by=editor)

    services.share_link_revoke(link=link, by=editor)

    assert client.get(share_url(link)).status_code == 404


def test_an_expired_share_link_no_longer_opens(client, editor):
    link = services.share_link_create(
        analysis=draft_analysis(), by=editor, lifetime=timedelta(hours=1)
    )
    link.created_at = timezone.now() - timedelta(hours=3)
    link.expires_at = timezone.now() - timedelta(hours=2)
    link.save()

    assert client.get(share_url(link)).status_code == 404


def test_a_tampered_share_token_is_refused(client, editor):
    link = services.share_link_create(analysis=draft_analysis(), by=editor)
    forged = signing.TimestampSigner(salt="another-salt").sign(str(link.pk))

    assert client.get(reverse("regions:share", args=[forged])).status_code == 404


def test_a_share_link_cannot_outlive_thirty_days(editor):
    with pytest.raises(services.ValidationError):
        services.share_link_create(
            analysis=draft_analysis(), by=editor, lifetime=timedelta(days=31)
        )


def test_preview_highlights_changes_against_the_live_version(client, editor):
    analysis = published_analysis(body_nl="Oude alinea")
    services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content=content(body_nl="Nieuwe alinea"),
        by=editor,
    )
    client.force_login(editor)

    page = client.get(reverse("regions:preview", args=[analysis.pk])).content.decode()

    assert "Oude alinea</del>" in page
    assert "Nieuwe alinea</ins>" in page


def test_an_old_slug_redirects_permanently_to_the_new_address(client, editor):
    analysis = published_analysis(slug="arctis")
    services.analysis_change_slug(
        analysis=analysis, slug="noordpool", expected_version=analysis.version, by=editor
    )

    response = client.get(reverse("regions:analysis", args=["arctis"]))

    assert response.status_code == 301
    assert response["Location"] == reverse("regions:analysis", args=["noordpool"])


def test_changing_back_to_an_old_slug_leaves_no_redirect_loop(client, editor):
    analysis = published_analysis(slug="arctis")
    for slug in ("noordpool", "arctis"):
        services.analysis_change_slug(
            analysis=analysis, slug=slug, expected_version=analysis.version, by=editor
        )

    assert client.get(reverse("regions:analysis", args=["arctis"])).status_code == 200
    assert client.get(reverse("regions:analysis", args=["noordpool"])).status_code == 301


def test_a_slug_used_by_another_analysis_is_refused(editor):
    published_analysis(slug="sahel")
    analysis = published_analysis(slug="hoorn")

    with pytest.raises(services.ValidationError):
        services.analysis_change_slug(
            analysis=analysis, slug="sahel", expected_version=analysis.version, by=editor
        )


def test_a_region_address_leads_to_its_published_analysis(client):
    analysis = published_analysis()

    response = client.get(analysis.region.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == analysis.get_absolute_url()


def test_a_region_without_published_analysis_is_not_found(client):
    analysis = draft_analysis()

    assert client.get(analysis.region.get_absolute_url()).status_code == 404
