"""Live version and working draft, revisions, revert, lost updates (acceptance 3)."""

import pytest
from django.urls import reverse

from core import messages
from core.services import Conflict
from regions import services
from regions.models import AnalysisRevision
from tests.regions.factories import content, published_analysis, second_publisher

pytestmark = pytest.mark.django_db


def _edit(analysis, by, **overrides):
    return services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content=content(**overrides),
        by=by,
    )


def test_editing_a_published_analysis_leaves_the_public_page_unchanged(client, editor):
    analysis = published_analysis(title_nl="Oude titel")

    _edit(analysis, editor, title_nl="Nieuwe titel")
    page = client.get(analysis.get_absolute_url()).content.decode()

    assert "Oude titel" in page
    assert "Nieuwe titel" not in page


def test_republishing_shows_the_new_version_and_lists_the_major_change(client, editor):
    analysis = published_analysis(title_nl="Oude titel")
    _edit(
        analysis, editor, title_nl="Nieuwe titel", is_major=True, change_note_nl="Herzien na 2016."
    )
    services.analysis_submit(analysis=analysis, by=editor)
    services.analysis_publish(analysis=analysis, by=second_publisher())

    page = client.get(analysis.get_absolute_url()).content.decode()

    assert "Nieuwe titel" in page
    assert "Herzien na 2016." in page


def test_every_save_is_kept_as_a_numbered_revision_with_its_author(editor):
    analysis = published_analysis()

    _edit(analysis, editor, title_nl="Tweede")
    _edit(analysis, editor, title_nl="Derde")

    numbers = list(analysis.revisions.values_list("number", "author__username"))
    assert numbers == [(3, "editor"), (2, "editor"), (1, "author")]


def test_an_analysis_has_at_most_one_working_draft(editor):
    analysis = published_analysis()

    first = _edit(analysis, editor, title_nl="Tweede")
    second = _edit(analysis, editor, title_nl="Derde")

    analysis.refresh_from_db()
    assert analysis.draft_revision == second != first


def test_reverting_restores_the_earlier_content_as_a_new_revision(editor):
    analysis = published_analysis(title_nl="Origineel")
    original = analysis.live_revision
    _edit(analysis, editor, title_nl="Vergissing")

    restored = services.analysis_revert(
        analysis=analysis, revision=original, expected_version=analysis.version, by=editor
    )

    assert restored.number == 3
    assert restored.title_nl == "Origineel"
    assert restored.based_on == original
    assert list(restored.key_figures.values_list("value", flat=True)) == ["40"]
    assert restored.sources.get().title == "Strategische visie voor Defensie"
    assert AnalysisRevision.objects.filter(analysis=analysis).count() == 3


def test_the_second_of_two_concurrent_edits_gets_a_conflict_not_an_overwrite(editor, publisher):
    analysis = published_analysis()
    started_from = analysis.version
    services.analysis_save_draft(
        analysis=analysis, expected_version=started_from, content=content(title_nl="A"), by=editor
    )

    with pytest.raises(Conflict) as refusal:
        services.analysis_save_draft(
            analysis=analysis,
            expected_version=started_from,
            content=content(title_nl="B"),
            by=publisher,
        )
    assert refusal.value.message == messages.conflict(
        item=analysis, yours=started_from, current=started_from + 1
    )
    analysis.refresh_from_db()
    assert analysis.draft_revision.title_nl == "A"


def test_compare_shows_removed_and_added_lines_escaped(client, editor):
    analysis = published_analysis(body_nl="eerste regel\n<b>oud</b>")
    new = _edit(analysis, editor, body_nl="eerste regel\nnieuw")
    client.force_login(editor)

    url = reverse("admin:regions_analysis_compare", args=[analysis.pk])
    page = client.get(url, {"old": analysis.live_revision.pk, "new": new.pk}).content.decode()

    assert "&lt;b&gt;oud&lt;/b&gt;" in page
    assert "<del>" in page and "<ins>" in page
