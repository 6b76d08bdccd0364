"""The editorial workflow: draft → in review → published → withdrawn, and who may do what."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.services import TransitionNotAllowed
from regions import services
from regions.models import Analysis, AnalysisState
from tests.regions.factories import (
    draft_analysis,
    in_review_analysis,
    published_analysis,
    second_publisher,
)

pytestmark = pytest.mark.django_db


def test_a_new_analysis_starts_as_a_draft_without_live_content():
    analysis = draft_analysis()

    assert analysis.state == AnalysisState.DRAFT
    assert analysis.live_revision is None
    assert analysis.draft_revision.number == 1


def test_submitting_moves_the_draft_into_review_and_records_who(editor):
    analysis = draft_analysis(by=editor)

    services.analysis_submit(analysis=analysis, by=editor)

    assert analysis.state == AnalysisState.IN_REVIEW
    assert analysis.submitted_by == editor
    assert analysis.history.first().history_user == editor


def test_submitting_twice_is_a_clear_error(editor):
    analysis = in_review_analysis(by=editor)

    with pytest.raises(TransitionNotAllowed, match="Alleen een werkontwerp kan ingediend worden"):
        services.analysis_submit(analysis=analysis, by=editor)


def test_publishing_makes_the_draft_the_live_revision(publisher):
    analysis = in_review_analysis()
    draft = analysis.draft_revision

    services.analysis_publish(analysis=analysis, by=publisher)

    assert analysis.state == AnalysisState.PUBLISHED
    assert analysis.live_revision == draft
    assert analysis.draft_revision is None
    assert analysis.first_published_at is not None
    assert Analysis.objects.public().get() == analysis


def test_a_draft_that_was_not_submitted_cannot_be_published_normally(publisher):
    analysis = draft_analysis()

    with pytest.raises(TransitionNotAllowed, match="Dien het ontwerp in"):
        services.analysis_publish(analysis=analysis, by=publisher)


def test_the_last_editor_of_a_version_cannot_approve_it(publisher):
    analysis = in_review_analysis(by=publisher)

    with pytest.raises(TransitionNotAllowed, match="vier-ogenprincipe"):
        services.analysis_publish(analysis=analysis, by=publisher)
    analysis.refresh_from_db()
    assert analysis.live_revision is None


def test_force_publishing_skips_review_and_awaits_a_retrospective_review(publisher):
    analysis = draft_analysis(by=publisher)

    services.analysis_publish(analysis=analysis, by=publisher, force=True)

    assert analysis.live_revision is not None
    assert analysis.awaiting_retrospective_review is True
    assert analysis.force_published_by == publisher


def test_another_publisher_clears_the_retrospective_review(publisher):
    analysis = draft_analysis(by=publisher)
    services.analysis_publish(analysis=analysis, by=publisher, force=True)

    services.analysis_confirm_review(analysis=analysis, by=second_publisher())

    assert analysis.awaiting_retrospective_review is False


def test_the_force_publisher_cannot_review_their_own_emergency_publication(publisher):
    analysis = draft_analysis(by=publisher)
    services.analysis_publish(analysis=analysis, by=publisher, force=True)

    with pytest.raises(TransitionNotAllowed):
        services.analysis_confirm_review(analysis=analysis, by=publisher)


def test_a_publisher_can_send_a_draft_in_review_back(publisher):
    analysis = in_review_analysis()

    services.analysis_reject(analysis=analysis, by=publisher)

    assert analysis.state == AnalysisState.DRAFT


def test_unpublishing_takes_the_analysis_off_the_site_and_keeps_its_content_as_draft(publisher):
    analysis = published_analysis()
    live = analysis.live_revision

    services.analysis_unpublish(analysis=analysis, by=publisher)

    assert analysis.live_revision is None
    assert analysis.draft_revision == live
    assert not Analysis.objects.readable_at_address().exists()


def test_withdrawing_keeps_the_analysis_at_its_address_with_the_reason(publisher):
    analysis = published_analysis()

    services.analysis_archive(analysis=analysis, reason="Achterhaald.", by=publisher)

    assert analysis.state == AnalysisState.ARCHIVED
    assert analysis.withdrawal_reason == "Achterhaald."
    assert analysis.withdrawn_at is not None
    assert list(Analysis.objects.withdrawn()) == [analysis]
    assert not Analysis.objects.public().exists()


def test_withdrawing_without_a_reason_is_refused(publisher):
    analysis = published_analysis()

    with pytest.raises(services.ValidationError):
        services.analysis_archive(analysis=analysis, reason="  ", by=publisher)


def test_a_draft_that_was_never_published_cannot_be_withdrawn(publisher):
    analysis = draft_analysis()

    with pytest.raises(TransitionNotAllowed, match="Alleen een gepubliceerde analyse"):
        services.analysis_archive(analysis=analysis, reason="x", by=publisher)


def test_a_withdrawn_analysis_cannot_be_edited(editor, publisher):
    analysis = published_analysis()
    services.analysis_archive(analysis=analysis, reason="Achterhaald.", by=publisher)

    with pytest.raises(TransitionNotAllowed, match="ingetrokken analyse kan niet"):
        services.analysis_save_draft(
            analysis=analysis,
            expected_version=analysis.version,
            content={"title_nl": "x", "summary_nl": "x", "body_nl": "x", "trend": "stable"},
            by=editor,
        )


def test_a_future_publish_time_schedules_the_first_publication(publisher):
    later = timezone.now() + timedelta(hours=2)
    analysis = in_review_analysis()

    services.analysis_publish(analysis=analysis, by=publisher, publish_at=later)

    assert analysis.live_revision is not None
    assert not Analysis.objects.public().exists()


def test_a_public_analysis_cannot_be_rescheduled_into_the_future(editor, publisher):
    analysis = published_analysis()
    services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content={"title_nl": "Nieuw", "summary_nl": "s", "body_nl": "b", "trend": "stable"},
        by=editor,
    )
    services.analysis_submit(analysis=analysis, by=editor)

    with pytest.raises(TransitionNotAllowed, match="al publiek"):
        services.analysis_publish(
            analysis=analysis, by=publisher, publish_at=timezone.now() + timedelta(days=1)
        )


def test_a_major_change_without_a_change_note_is_refused(editor):
    analysis = published_analysis()

    with pytest.raises(services.ValidationError, match="wijzigingsnota"):
        services.analysis_save_draft(
            analysis=analysis,
            expected_version=analysis.version,
            content={
                "title_nl": "t",
                "summary_nl": "s",
                "body_nl": "b",
                "trend": "stable",
                "is_major": True,
            },  # fmt: skip
            by=editor,
        )


def test_withdrawal_is_recorded_in_the_history_with_who_and_why(publisher):
    analysis = published_analysis()

    services.analysis_archive(analysis=analysis, reason="Achterhaald.", by=publisher)

    record = analysis.history.first()
    assert record.history_user == publisher
    assert record.history_change_reason == "withdrawn"
    assert record.withdrawal_reason_nl == "Achterhaald."
