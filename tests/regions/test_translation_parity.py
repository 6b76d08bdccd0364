"""Translation parity: which languages of an analysis are missing or older than the Dutch."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.services import TransitionNotAllowed
from regions import services
from tests.regions.factories import (
    author,
    content,
    draft_analysis,
    in_review_analysis,
    published_analysis,
    second_publisher,
)

pytestmark = pytest.mark.django_db

ALL_LANGUAGES = {
    "title_fr": "Analyse de la région",
    "summary_fr": "Un court résumé.",
    "body_fr": "L'environnement reste incertain.",
    "title_de": "Analyse der Region",
    "summary_de": "Eine kurze Zusammenfassung.",
    "body_de": "Das Umfeld bleibt unsicher.",
}


def save_draft(analysis, **overrides):
    return services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content=content(**overrides),
        by=author(),
    )


def test_a_first_draft_counts_each_written_language_as_up_to_date_and_the_others_missing():
    revision = draft_analysis().draft_revision

    assert revision.translation_status() == {"fr": "missing", "de": "missing", "en": "current"}


def test_changing_only_the_dutch_makes_the_translations_older_than_the_source():
    analysis = draft_analysis()

    revision = save_draft(analysis, body_nl="De omgeving verslechtert.")

    assert revision.translation_status()["en"] == "outdated"


def test_an_outdated_translation_stays_outdated_while_its_text_is_unchanged():
    analysis = draft_analysis()
    save_draft(analysis, body_nl="De omgeving verslechtert.")

    revision = save_draft(analysis, body_nl="De omgeving verslechtert.", title_nl="Nieuwe titel")

    assert revision.translation_status()["en"] == "outdated"


def test_updating_the_translation_with_the_dutch_brings_it_up_to_date():
    analysis = draft_analysis()
    save_draft(analysis, body_nl="De omgeving verslechtert.")

    revision = save_draft(
        analysis, body_nl="De omgeving verslechtert.", body_en="The environment deteriorates."
    )

    assert revision.translation_status()["en"] == "current"


def test_changing_a_key_figure_label_in_dutch_only_makes_the_translation_outdated():
    analysis = draft_analysis(**ALL_LANGUAGES)

    revision = services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content=content(**ALL_LANGUAGES),
        by=author(),
        key_figures=[{"label_nl": "Andere maatstaf", "value": "3"}],
    )

    assert set(revision.translation_status().values()) == {"outdated"}


def test_reverting_restores_the_translation_state_of_the_earlier_revision():
    analysis = draft_analysis()
    first = analysis.draft_revision
    save_draft(analysis, body_nl="De omgeving verslechtert.")

    copy = services.analysis_revert(
        analysis=analysis, revision=first, expected_version=analysis.version, by=author()
    )

    assert copy.translation_status()["en"] == "current"


def test_publishing_is_refused_while_parity_is_required_and_a_language_is_missing(settings):
    settings.REQUIRE_TRANSLATION_PARITY = True
    analysis = in_review_analysis()

    with pytest.raises(TransitionNotAllowed) as refusal:
        services.analysis_publish(analysis=analysis, by=second_publisher())

    assert "Frans (ontbreekt)" in str(refusal.value.message)
    assert "Duits (ontbreekt)" in str(refusal.value.message)


def test_publishing_is_refused_while_parity_is_required_and_a_language_is_outdated(settings):
    settings.REQUIRE_TRANSLATION_PARITY = True
    analysis = draft_analysis(**ALL_LANGUAGES)
    save_draft(analysis, **ALL_LANGUAGES, body_nl="De omgeving verslechtert.")
    services.analysis_submit(analysis=analysis, by=author())

    with pytest.raises(TransitionNotAllowed) as refusal:
        services.analysis_publish(analysis=analysis, by=second_publisher())

    assert "Engels (ouder dan het Nederlands)" in str(refusal.value.message)


def test_publishing_succeeds_with_parity_required_when_every_language_is_up_to_date(settings):
    settings.REQUIRE_TRANSLATION_PARITY = True
    analysis = in_review_analysis(**ALL_LANGUAGES)

    services.analysis_publish(analysis=analysis, by=second_publisher())

    assert analysis.live_revision is not None


def test_publishing_ignores_parity_when_the_setting_is_off(settings):
    settings.REQUIRE_TRANSLATION_PARITY = False

    analysis = published_analysis()

    assert analysis.live_revision is not None


def test_the_admin_list_names_missing_and_outdated_languages_in_words(client, superuser):
    analysis = draft_analysis()
    save_draft(analysis, body_nl="De omgeving verslechtert.")
    client.force_login(superuser)

    page = client.get(reverse("admin:regions_analysis_changelist")).content.decode()

    assert "FR: ontbreekt" in page
    assert "EN: ouder dan het Nederlands" in page


def test_the_admin_change_page_shows_the_translation_state(client, superuser):
    analysis = draft_analysis(**ALL_LANGUAGES)
    client.force_login(superuser)

    page = client.get(reverse("admin:regions_analysis_change", args=[analysis.pk]))

    assert "DE: bijgewerkt" in page.content.decode()


def _english_page(client, analysis):
    with translation.override("en"):
        return client.get(analysis.get_absolute_url()).content.decode()


def test_the_public_page_says_when_the_translation_shown_lags_behind_the_dutch(client):
    analysis = draft_analysis()
    save_draft(analysis, body_nl="De omgeving verslechtert.")
    analysis = services.analysis_submit(analysis=analysis, by=author())
    services.analysis_publish(analysis=analysis, by=second_publisher())

    page = _english_page(client, analysis)

    assert "made from an earlier version of the Dutch original" in page
    assert f'href="/nl/security-environment/{analysis.slug}/"' in page


def test_the_public_page_is_silent_about_lag_when_the_translation_is_current(client):
    analysis = published_analysis()

    assert "earlier version of the Dutch original" not in _english_page(client, analysis)


def test_the_admin_publish_button_explains_a_parity_refusal(client, settings):
    settings.REQUIRE_TRANSLATION_PARITY = True
    analysis = in_review_analysis()
    client.force_login(second_publisher())

    response = client.post(
        reverse("admin:regions_analysis_transition", args=[analysis.pk, "publish"]), follow=True
    )

    assert "Vóór publicatie moeten alle vertalingen volledig en bijgewerkt zijn" in (
        response.content.decode()
    )
    analysis.refresh_from_db()
    assert analysis.live_revision is None
