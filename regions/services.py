"""Every write to an analysis: drafts, workflow transitions, reverts, slugs, share links.

Each function checks permission, then the version the editor started from (under a row
lock), then the state; it writes inside one transaction and lets simple-history record
who and when. A refused action raises a ``core.services.ServiceError`` with a translated
message, never a silent no-op. The analysis workflow is the table ``ANALYSIS_WORKFLOW``,
which the admin also reads to decide which buttons to show.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.services import TransitionNotAllowed, lock_version, require_permission
from core.workflow import Check, Transition, Workflow
from regions import parity
from regions.models import (
    Analysis,
    AnalysisRevision,
    AnalysisSlugRedirect,
    AnalysisState,
    Country,
    KeyFigure,
    Organisation,
    Region,
    ShareLink,
    Source,
    Topic,
)

SHARE_LINK_MAX_LIFETIME = timedelta(days=30)


# --- The workflow: who may move an analysis from which state, and why not ----------------

NOT_WITHDRAWN = (AnalysisState.DRAFT, AnalysisState.IN_REVIEW, AnalysisState.PUBLISHED)
NO_DRAFT_TO_PUBLISH = _("There is no working draft to publish.")
ONLY_PUBLISHED_UNPUBLISH = _("Only a published analysis can be unpublished.")
ONLY_PUBLISHED_WITHDRAW = _("Only a published analysis can be withdrawn.")


def _only_a_draft_can_be_submitted(analysis: Analysis) -> str:
    return _("Only a working draft can be submitted; this analysis is %(state)s.") % {
        "state": analysis.get_state_display()
    }


def _publish_refused(analysis: Analysis) -> str:
    if analysis.draft_revision_id is None or analysis.state == AnalysisState.ARCHIVED:
        return NO_DRAFT_TO_PUBLISH
    return _("Submit the draft for review before publishing it, or force-publish it.")


def _has_working_draft(analysis: Analysis, user) -> bool:
    return analysis.draft_revision_id is not None


def _is_live(analysis: Analysis, user) -> bool:
    return analysis.live_revision_id is not None


def _edited_by_somebody_else(analysis: Analysis, user) -> bool:
    return analysis.draft_revision.author_id != user.pk


def _awaits_retrospective_review(analysis: Analysis, user) -> bool:
    return analysis.awaiting_retrospective_review


def _force_published_by_somebody_else(analysis: Analysis, user) -> bool:
    return analysis.force_published_by_id != user.pk


ANALYSIS_WORKFLOW = Workflow(
    Transition(
        "submit",
        label=_("Submit for review"),
        sources=[AnalysisState.DRAFT],
        target=AnalysisState.IN_REVIEW,
        permission="regions.submit_analysis",
        denied=_("You may not submit analyses for review."),
        refusal=_only_a_draft_can_be_submitted,
        checks=(Check(_has_working_draft, _only_a_draft_can_be_submitted),),
    ),
    Transition(
        "publish",
        label=_("Publish"),
        sources=[AnalysisState.IN_REVIEW],
        target=AnalysisState.PUBLISHED,
        permission="regions.publish_analysis",
        denied=_("You may not publish analyses."),
        refusal=_publish_refused,
        checks=(
            Check(_has_working_draft, NO_DRAFT_TO_PUBLISH),
            Check(
                _edited_by_somebody_else,
                _(
                    "You edited this version last, so another publisher must approve it "
                    "(second pair of eyes)."
                ),
            ),
        ),
    ),
    # For emergencies: skips review and the second pair of eyes, and leaves the analysis
    # flagged for a retrospective review.
    Transition(
        "force_publish",
        label=_("Force-publish (emergency, skips review)"),
        sources=NOT_WITHDRAWN,
        target=AnalysisState.PUBLISHED,
        permission="regions.force_publish_analysis",
        denied=_("You may not force-publish analyses."),
        refusal=NO_DRAFT_TO_PUBLISH,
        checks=(Check(_has_working_draft, NO_DRAFT_TO_PUBLISH),),
    ),
    Transition(
        "reject",
        label=_("Send back to draft"),
        sources=[AnalysisState.IN_REVIEW],
        target=AnalysisState.DRAFT,
        permission="regions.publish_analysis",
        denied=_("You may not review analyses."),
        refusal=_("Only an analysis in review can be sent back."),
    ),
    # A draft saved after publication leaves the analysis live, so "published" is not
    # the only state an analysis with a live revision can be in.
    Transition(
        "unpublish",
        label=_("Unpublish"),
        sources=NOT_WITHDRAWN,
        target=AnalysisState.DRAFT,
        permission="regions.unpublish_analysis",
        denied=_("You may not unpublish analyses."),
        refusal=ONLY_PUBLISHED_UNPUBLISH,
        checks=(Check(_is_live, ONLY_PUBLISHED_UNPUBLISH),),
    ),
    Transition(
        "confirm_review",
        label=_("Confirm retrospective review"),
        permission="regions.publish_analysis",
        denied=_("You may not review analyses."),
        checks=(
            Check(
                _awaits_retrospective_review,
                _("This analysis is not awaiting a retrospective review."),
            ),
            Check(
                _force_published_by_somebody_else,
                _("Another publisher must review what you force-published (second pair of eyes)."),
            ),
        ),
    ),
    Transition(
        "archive",
        label=_("Withdraw"),
        sources=NOT_WITHDRAWN,
        target=AnalysisState.ARCHIVED,
        permission="regions.archive_analysis",
        denied=_("You may not withdraw analyses."),
        refusal=ONLY_PUBLISHED_WITHDRAW,
        checks=(Check(_is_live, ONLY_PUBLISHED_WITHDRAW),),
    ),
)


def _transition(
    analysis: Analysis, name: str, by: AbstractBaseUser, expected_version: int | None
) -> Analysis:
    """Check the permission, then the version (under a row lock), then the workflow.

    Returns the locked analysis in the transition's target state, for the caller to
    complete and save.
    """
    transition = ANALYSIS_WORKFLOW.require_permission(name, by)
    locked = lock_version(Analysis.objects, analysis.pk, expected_version)
    ANALYSIS_WORKFLOW.check(locked, name, by)
    if transition.target is not None:
        locked.state = transition.target
    return locked


def _save(analysis: Analysis, by: AbstractBaseUser, reason: str) -> None:
    analysis.version += 1
    analysis._history_user = by
    analysis._change_reason = reason
    analysis.full_clean()
    analysis.save()


def _sync(target: Analysis, source: Analysis) -> Analysis:
    """Keep the caller's object in step with the row just written."""
    if target is not source:
        target.refresh_from_db()
    return target


def _next_number(analysis: Analysis) -> int:
    current = analysis.revisions.aggregate(n=Max("number"))["n"] or 0
    return current + 1


def _store_revision(
    *,
    analysis: Analysis,
    revision: AnalysisRevision,
    by: AbstractBaseUser,
) -> AnalysisRevision:
    revision.analysis = analysis
    revision.author = by
    revision.number = _next_number(analysis)
    revision.created_at = timezone.now()
    revision.published_at = None
    revision.full_clean()
    revision.save()
    return revision


def _add_related(
    revision: AnalysisRevision,
    *,
    topics: Iterable[Topic] = (),
    organisations: Iterable[Organisation] = (),
    countries: Iterable[Country] = (),
    key_figures: Iterable[dict] = (),
    sources: Iterable[dict] = (),
) -> None:
    revision.topics.set(topics)
    revision.organisations.set(organisations)
    revision.countries.set(countries)
    for order, values in enumerate(key_figures):
        figure = KeyFigure(revision=revision, order=order, **values)
        figure.full_clean()
        figure.save()
    for order, values in enumerate(sources):
        source = Source(revision=revision, order=order, **values)
        source.full_clean()
        source.save()
    revision_track_translations(revision=revision)


def revision_track_translations(*, revision: AnalysisRevision) -> AnalysisRevision:
    """Record which Dutch text each language of ``revision`` was written against.

    Called once a new revision and its key figures are stored (by the services, and by the
    admin after it saved the inlines). A language whose text is unchanged from the revision
    this one continues from keeps that revision's "written against"; a changed language is
    taken to be translated from the Dutch it is saved with.
    """
    earlier = [revision.based_on] if revision.based_on_id else []
    previous = (
        AnalysisRevision.objects.filter(
            analysis_id=revision.analysis_id, number__lt=revision.number
        )
        .order_by("-number")
        .only("translation_sources")
        .first()
    )
    if previous is not None:
        earlier.append(previous)
    revision.translation_sources = parity.build_record(
        revision,
        list(revision.key_figures.all()),
        [item.translation_sources for item in earlier],
    )
    revision.save(update_fields=["translation_sources"])
    return revision


def _after_draft_saved(locked: Analysis, revision: AnalysisRevision, by, reason: str) -> None:
    locked.draft_revision = revision
    # Any change after submission needs a fresh review of what will actually go live.
    locked.state = AnalysisState.DRAFT
    locked.submitted_at = None
    locked.submitted_by = None
    _save(locked, by, reason)


@transaction.atomic
def analysis_create(
    *,
    region: Region,
    slug: str,
    content: dict,
    by: AbstractBaseUser,
    topics: Iterable[Topic] = (),
    organisations: Iterable[Organisation] = (),
    countries: Iterable[Country] = (),
    key_figures: Iterable[dict] = (),
    sources: Iterable[dict] = (),
) -> Analysis:
    """Create an analysis with its first working draft (revision 1)."""
    require_permission(by, "regions.add_analysis", _("You may not create analyses."))
    analysis = Analysis(region=region, slug=slug, state=AnalysisState.DRAFT)
    analysis.full_clean()
    analysis._history_user = by
    analysis.save()
    revision = _store_revision(analysis=analysis, revision=AnalysisRevision(**content), by=by)
    _add_related(
        revision,
        topics=topics,
        organisations=organisations,
        countries=countries,
        key_figures=key_figures,
        sources=sources,
    )
    analysis.draft_revision = revision
    analysis._history_user = by
    analysis.save(update_fields=["draft_revision"])
    return analysis


def _check_can_edit(by) -> None:
    require_permission(by, "regions.change_analysis", _("You may not edit analyses."))
    require_permission(by, "regions.add_analysisrevision", _("You may not edit analyses."))


@transaction.atomic
def analysis_save_draft(
    *,
    analysis: Analysis,
    expected_version: int,
    content: dict,
    by: AbstractBaseUser,
    topics: Iterable[Topic] = (),
    organisations: Iterable[Organisation] = (),
    countries: Iterable[Country] = (),
    key_figures: Iterable[dict] = (),
    sources: Iterable[dict] = (),
) -> AnalysisRevision:
    """Save new content as the working draft; the live revision is left untouched."""
    _check_can_edit(by)
    locked = lock_version(Analysis.objects, analysis.pk, expected_version)
    if locked.state == AnalysisState.ARCHIVED:
        raise TransitionNotAllowed(_("A withdrawn analysis cannot be edited."))
    revision = _store_revision(analysis=locked, revision=AnalysisRevision(**content), by=by)
    _add_related(
        revision,
        topics=topics,
        organisations=organisations,
        countries=countries,
        key_figures=key_figures,
        sources=sources,
    )
    _after_draft_saved(locked, revision, by, "draft saved")
    _sync(analysis, locked)
    return revision


@transaction.atomic
def analysis_store_draft_revision(
    *, revision: AnalysisRevision, expected_version: int, by: AbstractBaseUser
) -> AnalysisRevision:
    """Store a revision built by a form; its inlines and relations are saved by the caller.

    The admin builds key figures and sources as inline formsets, which it saves after this
    call within the same request transaction.
    """
    _check_can_edit(by)
    locked = lock_version(Analysis.objects, revision.analysis_id, expected_version)
    if locked.state == AnalysisState.ARCHIVED:
        raise TransitionNotAllowed(_("A withdrawn analysis cannot be edited."))
    _store_revision(analysis=locked, revision=revision, by=by)
    _after_draft_saved(locked, revision, by, "draft saved")
    return revision


@transaction.atomic
def analysis_revert(
    *,
    analysis: Analysis,
    revision: AnalysisRevision,
    expected_version: int,
    by: AbstractBaseUser,
) -> AnalysisRevision:
    """Make a new working draft that copies an earlier revision; history is never rewritten."""
    _check_can_edit(by)
    if revision.analysis_id != analysis.pk:
        raise TransitionNotAllowed(_("That revision belongs to another analysis."))
    locked = lock_version(Analysis.objects, analysis.pk, expected_version)
    if locked.state == AnalysisState.ARCHIVED:
        raise TransitionNotAllowed(_("A withdrawn analysis cannot be edited."))
    copy = AnalysisRevision(
        **{name: getattr(revision, name) for name in _copied_fields()},
        based_on=revision,
    )
    _store_revision(analysis=locked, revision=copy, by=by)
    _add_related(
        copy,
        topics=revision.topics.all(),
        organisations=revision.organisations.all(),
        countries=revision.countries.all(),
        key_figures=[
            {name: getattr(figure, name) for name in _figure_fields()}
            for figure in revision.key_figures.all()
        ],
        sources=[{"title": s.title, "url": s.url, "date": s.date} for s in revision.sources.all()],
    )
    _after_draft_saved(locked, copy, by, f"reverted to revision {revision.number}")
    _sync(analysis, locked)
    return copy


def _localized(*names: str) -> list[str]:
    from django.conf import settings

    return [
        build_localized_fieldname(name, code) for name in names for code, _ in settings.LANGUAGES
    ]


def _copied_fields() -> list[str]:
    # Change notes belong to the change being made, so a revert starts without one.
    return [*_localized("title", "summary", "body"), "horizon_year", "trend"]


def _figure_fields() -> list[str]:
    return [*_localized("label", "unit"), "value", "source"]


@transaction.atomic
def analysis_submit(
    *, analysis: Analysis, by: AbstractBaseUser, expected_version: int | None = None
) -> Analysis:
    """Ask a publisher to review the working draft."""
    locked = _transition(analysis, "submit", by, expected_version)
    locked.submitted_by = by
    locked.submitted_at = timezone.now()
    _save(locked, by, "submitted for review")
    return _sync(analysis, locked)


@transaction.atomic
def analysis_reject(
    *, analysis: Analysis, by: AbstractBaseUser, expected_version: int | None = None
) -> Analysis:
    """Send a draft in review back to its editors."""
    locked = _transition(analysis, "reject", by, expected_version)
    locked.submitted_at = None
    locked.submitted_by = None
    _save(locked, by, "sent back to draft")
    return _sync(analysis, locked)


@transaction.atomic
def analysis_publish(
    *,
    analysis: Analysis,
    by: AbstractBaseUser,
    publish_at: datetime | None = None,
    force: bool = False,
    expected_version: int | None = None,
) -> Analysis:
    """Make the working draft live, now or at ``publish_at`` (first publication only).

    Normal publication needs a draft in review approved by somebody other than its last
    editor. ``force=True`` skips both for emergencies; it needs its own permission and
    leaves the analysis flagged for a retrospective review.
    """
    locked = _transition(analysis, "force_publish" if force else "publish", by, expected_version)
    draft = locked.draft_revision
    _check_parity(draft)
    now = timezone.now()
    is_visible = locked.live_revision_id is not None and locked.publish_at <= now
    if publish_at is not None and is_visible and publish_at > now:
        raise TransitionNotAllowed(
            _("This analysis is already public; a new version cannot be scheduled.")
        )
    effective = publish_at if publish_at is not None and not is_visible else now
    draft.published_at = effective
    draft.save(update_fields=["published_at"])
    locked.live_revision = draft
    locked.draft_revision = None
    locked.publish_at = effective
    locked.first_published_at = locked.first_published_at or effective
    locked.last_published_at = effective
    locked.submitted_at = None
    locked.submitted_by = None
    if force:
        locked.force_published_by = by
        locked.awaiting_retrospective_review = True
    _save(locked, by, "force-published" if force else "published")
    return _sync(analysis, locked)


def _check_parity(revision: AnalysisRevision) -> None:
    """With REQUIRE_TRANSLATION_PARITY on, every language must be present and up to date."""
    if not settings.REQUIRE_TRANSLATION_PARITY:
        return
    gaps = parity.gaps(revision.translation_sources)
    if gaps:
        listed = ", ".join(
            f"{get_language_info(code)['name_translated']} ({parity.STATUS_LABELS[status]})"
            for code, status in gaps.items()
        )
        raise TransitionNotAllowed(
            _(
                "Translation parity is required before publishing, and these languages are "
                "missing or older than the Dutch text: %(languages)s."
            )
            % {"languages": listed}
        )


@transaction.atomic
def analysis_confirm_review(
    *, analysis: Analysis, by: AbstractBaseUser, expected_version: int | None = None
) -> Analysis:
    """A second publisher confirms a force-published analysis after the fact."""
    locked = _transition(analysis, "confirm_review", by, expected_version)
    locked.awaiting_retrospective_review = False
    _save(locked, by, "retrospective review confirmed")
    return _sync(analysis, locked)


@transaction.atomic
def analysis_unpublish(
    *, analysis: Analysis, by: AbstractBaseUser, expected_version: int | None = None
) -> Analysis:
    """Take the analysis off the site entirely; its content returns as the working draft."""
    locked = _transition(analysis, "unpublish", by, expected_version)
    if locked.draft_revision_id is None:
        locked.draft_revision = locked.live_revision
    locked.live_revision = None
    locked.publish_at = None
    locked.submitted_at = None
    locked.submitted_by = None
    _save(locked, by, "unpublished")
    return _sync(analysis, locked)


@transaction.atomic
def analysis_archive(
    *,
    analysis: Analysis,
    reason: str,
    by: AbstractBaseUser,
    expected_version: int | None = None,
) -> Analysis:
    """Withdraw a published analysis: it stays at its address under a notice with ``reason``."""
    locked = _transition(analysis, "archive", by, expected_version)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"withdrawal_reason": _("Give the public a reason.")})
    setattr(locked, build_localized_fieldname("withdrawal_reason", get_language()), reason)
    # Dutch is every language's fallback, so the reason must exist there too.
    locked.withdrawal_reason_nl = locked.withdrawal_reason_nl or reason
    locked.withdrawn_at = timezone.now()
    _save(locked, by, "withdrawn")
    return _sync(analysis, locked)


@transaction.atomic
def analysis_change_slug(
    *, analysis: Analysis, slug: str, expected_version: int, by: AbstractBaseUser
) -> Analysis:
    """Change the public address, keeping a permanent redirect from the old one."""
    require_permission(by, "regions.change_analysis", _("You may not edit analyses."))
    locked = lock_version(Analysis.objects, analysis.pk, expected_version)
    if slug == locked.slug:
        raise TransitionNotAllowed(_("That is already the address of this analysis."))
    taken = Analysis.objects.filter(slug=slug).exclude(pk=locked.pk).exists()
    redirected_elsewhere = (
        AnalysisSlugRedirect.objects.filter(old_slug=slug).exclude(analysis=locked).exists()
    )
    if taken or redirected_elsewhere:
        raise ValidationError({"slug": _("Another analysis uses or used this address.")})
    AnalysisSlugRedirect.objects.filter(analysis=locked, old_slug=slug).delete()
    AnalysisSlugRedirect.objects.update_or_create(
        old_slug=locked.slug, defaults={"analysis": locked}
    )
    locked.slug = slug
    _save(locked, by, "address changed")
    return _sync(analysis, locked)


@transaction.atomic
def share_link_create(
    *, analysis: Analysis, by: AbstractBaseUser, lifetime: timedelta = timedelta(days=7)
) -> ShareLink:
    """A link a reviewer without an account can use to read the current working draft."""
    require_permission(by, "regions.add_sharelink", _("You may not create share links."))
    if analysis.draft_revision_id is None:
        raise TransitionNotAllowed(_("There is no working draft to share."))
    if not timedelta(0) < lifetime <= SHARE_LINK_MAX_LIFETIME:
        raise ValidationError(_("A share link lasts between a minute and 30 days."))
    now = timezone.now()
    link = ShareLink(
        analysis=analysis,
        revision_id=analysis.draft_revision_id,
        created_by=by,
        created_at=now,
        expires_at=now + lifetime,
    )
    link.full_clean()
    link._history_user = by
    link.save()
    return link


@transaction.atomic
def share_link_revoke(*, link: ShareLink, by: AbstractBaseUser) -> ShareLink:
    require_permission(by, "regions.change_sharelink", _("You may not revoke share links."))
    if link.revoked_at is not None:
        raise TransitionNotAllowed(_("This share link was already revoked."))
    link.revoked_at = timezone.now()
    link._history_user = by
    link.save(update_fields=["revoked_at"])
    return link
