"""Content missing in the page's language falls back to Dutch, says so, and marks it lang="nl"."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core.translated import served_language, served_text
from regions.models import Region
from tests.budget.factories import DecidedReviewFactory
from tests.regions.factories import published_analysis
from tests.working_group.factories import WorkingGroupFactory

FRENCH_NOTICE = "Ce texte n’est pas encore disponible en français ; il est affiché en néerlandais."


def region(**names):
    return Region(slug="r", **names)


def test_a_field_written_in_the_requested_language_is_served_in_it():
    text = served_text(region(name_nl="Sahel", name_fr="Sahel (fr)"), "name", "fr")

    assert (text.text, text.language, text.is_fallback, text.lang_attr) == (
        "Sahel (fr)",
        "fr",
        False,
        "",
    )


def test_an_empty_field_is_served_in_dutch_and_marked_as_such():
    text = served_text(region(name_nl="Sahel"), "name", "de")

    assert (text.text, text.language, text.is_fallback) == ("Sahel", "nl", True)
    assert text.lang_attr == ' lang="nl"'


def test_an_empty_translation_is_never_named_as_the_served_language():
    assert served_language(region(name_nl="Sahel", name_fr=""), "name", "fr") == "nl"


def test_a_field_empty_in_every_language_has_no_served_language():
    assert served_language(region(), "name", "en") is None


def test_the_served_language_follows_the_active_language_by_default():
    with translation.override("en"):
        assert served_language(region(name_nl="Sahel", name_en="Sahel region"), "name") == "en"


def test_the_template_tag_puts_lang_on_the_element_and_shows_the_notice():
    template = Template(
        '{% load translated %}{% translated region "name" as name %}'
        "<h1{{ name.lang_attr }}>{{ name }}</h1>{% fallback_notice name %}"
    )

    with translation.override("fr"):
        html = template.render(Context({"region": region(name_nl="Noordelijke periferie")}))

    assert '<h1 lang="nl">Noordelijke periferie</h1>' in html
    assert FRENCH_NOTICE in html


def test_the_notice_stays_away_when_the_translation_exists():
    template = Template(
        '{% load translated %}{% translated region "name" as name %}{% fallback_notice name %}'
    )

    with translation.override("fr"):
        html = template.render(Context({"region": region(name_nl="Sahel", name_fr="Sahel")}))

    assert "fallback-notice" not in html


def get_in(client, language, instance_or_path):
    """The page of ``instance_or_path`` (a model or a Dutch path) in ``language``."""
    with translation.override(language):
        url = (
            instance_or_path
            if isinstance(instance_or_path, str)
            else instance_or_path.get_absolute_url()
        )
        return client.get(url.replace("/nl/", f"/{language}/", 1)).content.decode()


@pytest.mark.django_db
def test_an_analysis_without_french_shows_the_dutch_under_a_french_notice(client):
    analysis = published_analysis()

    page = get_in(client, "fr", analysis)

    assert '<h1 lang="nl">Analyse van de regio</h1>' in page
    assert FRENCH_NOTICE in page


@pytest.mark.django_db
def test_only_the_untranslated_parts_of_an_english_analysis_are_marked_dutch(client):
    analysis = published_analysis()  # English title and body, key figure only in Dutch

    page = get_in(client, "en", analysis)

    assert "<h1>Analysis of the region</h1>" in page
    assert '<th scope="row" lang="nl">Kortere route naar Japan</th>' in page
    assert page.count('class="fallback-notice"') == 1


@pytest.mark.django_db
def test_a_budget_justification_without_german_is_marked_dutch(client):
    review = DecidedReviewFactory(justification_nl="Het plan wordt gevolgd.")

    page = get_in(client, "de", review)

    assert '<div lang="nl"><p>Het plan wordt gevolgd.</p></div>' in page
    assert "Dieser Text ist noch nicht auf Deutsch verfügbar" in page


@pytest.mark.django_db
def test_the_working_group_mandate_without_french_is_marked_dutch(client):
    with translation.override("nl"):
        WorkingGroupFactory(mandate_nl="Het plan uitwerken.")

    page = get_in(client, "fr", "/nl/working-group/")

    assert '<div class="wg-prose" lang="nl"><p>Het plan uitwerken.</p></div>' in page
    assert FRENCH_NOTICE in page
