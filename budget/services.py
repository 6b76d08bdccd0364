"""Every write to the budget app: permission, state and version checks, validation, audit.

Views, admin and the CSV import call these functions; they never save a review directly.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budget.models import (
    OUTCOMES_WITHOUT_MONEY,
    ZERO,
    Legislature,
    ReviewChange,
    ReviewLine,
    ReviewSource,
    ReviewState,
    YearlyReview,
)
from budget.money import format_money
from core.services import NotPermitted, TransitionNotAllowed, check_version
from core.workflow import Transition, Workflow

CHANGE_DECIDED = "budget.change_decided_review"


# --- Rules shared by the service, the admin forms and the CSV import ---------------------


def can_change_review(user, stored_state: str | None) -> bool:
    """Editors change reviews that are not decided; only Publishers touch a decided one."""
    if stored_state is None:
        return user.has_perm("budget.add_yearlyreview")
    if stored_state == ReviewState.DECIDED:
        return user.has_perm("budget.change_yearlyreview") and user.has_perm(CHANGE_DECIDED)
    return user.has_perm("budget.change_yearlyreview")


# The only moves between states; the admin form may pick any of them as the next state.
# The permissions and their refusals are those of ``can_change_review``.
MAY_NOT_CHANGE = gettext_lazy("You may not change yearly reviews.")
ONLY_PUBLISHERS_CHANGE_DECIDED = gettext_lazy("Only a Publisher may change a decided review.")

REVIEW_WORKFLOW = Workflow(
    Transition(
        "start_examination",
        label=gettext_lazy("Start the examination"),
        sources=[ReviewState.PLANNED],
        target=ReviewState.UNDER_REVIEW,
        permission="budget.change_yearlyreview",
        denied=MAY_NOT_CHANGE,
        refusal=gettext_lazy("Only a planned review can start being examined."),
    ),
    Transition(
        "plan_again",
        label=gettext_lazy("Back to planned"),
        sources=[ReviewState.UNDER_REVIEW],
        target=ReviewState.PLANNED,
        permission="budget.change_yearlyreview",
        denied=MAY_NOT_CHANGE,
    ),
    # A decision recorded after the fact may skip "under review".
    Transition(
        "decide",
        label=gettext_lazy("Record the decision"),
        sources=[ReviewState.PLANNED, ReviewState.UNDER_REVIEW],
        target=ReviewState.DECIDED,
        permission="budget.change_yearlyreview",
        denied=MAY_NOT_CHANGE,
        refusal=gettext_lazy("This review is already decided."),
    ),
    Transition(
        "reopen",
        label=gettext_lazy("Examine again"),
        sources=[ReviewState.DECIDED],
        target=ReviewState.UNDER_REVIEW,
        permission=CHANGE_DECIDED,
        denied=ONLY_PUBLISHERS_CHANGE_DECIDED,
    ),
)


def state_change_error(review: YearlyReview, new_state: str) -> str | None:
    """Why ``review`` (as stored) cannot move to ``new_state``, or ``None``."""
    if new_state == review.state:
        return None
    try:
        REVIEW_WORKFLOW.leading_to(review, new_state)
    except TransitionNotAllowed as refusal:
        return refusal.message
    return None


def line_rule_errors(review: YearlyReview, lines: Iterable[ReviewLine]) -> list[str]:
    """The rules that span a review's lines, checked on the complete set of lines."""
    lines = list(lines)
    errors = []
    granted = sum((line.amount_granted or ZERO for line in lines), ZERO)
    if review.legislature_id is not None:
        ceiling = review.legislature.annual_ceiling
        if granted > ceiling:
            errors.append(
                _(
                    "The total granted for %(year)s (%(total)s) exceeds the annual ceiling of "
                    "legislature %(legislature)s (%(ceiling)s)."
                )
                % {
                    "year": review.year,
                    "total": format_money(granted),
                    "legislature": review.legislature.name,
                    "ceiling": format_money(ceiling),
                }
            )
    if granted > ZERO:
        if review.state != ReviewState.DECIDED:
            errors.append(
                _(
                    "Amounts are granted only by a decision: keep the amounts granted at zero "
                    "until the review is decided."
                )
            )
        elif review.outcome in OUTCOMES_WITHOUT_MONEY:
            errors.append(
                _(
                    "A review with outcome “%(outcome)s” grants nothing: set every amount "
                    "granted to zero."
                )
                % {"outcome": review.get_outcome_display()}
            )
    return errors


def legislature_rule_errors(legislature: Legislature) -> list[str]:
    """A legislature's new years or ceiling must still fit the reviews it already holds."""
    if legislature.pk is None:
        return []
    errors = []
    for review in legislature.reviews.prefetch_related("lines"):
        if review.year not in legislature.review_years:
            errors.append(
                _("The review of %(year)s would fall outside the reviewed years.")
                % {"year": review.year}
            )
        if review.granted_total > legislature.annual_ceiling:
            errors.append(
                _("The review of %(year)s already grants %(total)s, more than this ceiling.")
                % {"year": review.year, "total": format_money(review.granted_total)}
            )
    return errors


# --- Writes ------------------------------------------------------------------------------


def _audit(instance, by, change_note: str) -> None:
    """Tell simple-history who made the change and why, also outside a web request."""
    if getattr(by, "is_authenticated", False):
        instance._history_user = by
    if change_note:
        instance._change_reason = change_note


@transaction.atomic
def legislature_save(*, legislature: Legislature, by) -> Legislature:
    codename = "change_legislature" if legislature.pk else "add_legislature"
    if not by.has_perm(f"budget.{codename}"):
        raise NotPermitted(_("You may not edit legislatures."))
    legislature.full_clean()
    errors = legislature_rule_errors(legislature)
    if errors:
        raise ValidationError(errors)
    _audit(legislature, by, "")
    legislature.save()
    return legislature


@transaction.atomic
def review_save(
    *,
    review: YearlyReview,
    by,
    expected_version: int | None = None,
    lines: Iterable[ReviewLine] = (),
    deleted_lines: Iterable[ReviewLine] = (),
    sources: Iterable[ReviewSource] = (),
    deleted_sources: Iterable[ReviewSource] = (),
    change_note: str = "",
) -> YearlyReview:
    """Create or update a review with the given new/changed and deleted lines and sources.

    ``review`` carries the new field values; the stored row decides who may change it and
    which state moves are allowed. All rules are checked on the result before the
    transaction commits, so a refusal saves nothing.
    """
    change_note = change_note.strip()
    if review.pk is None:
        if not can_change_review(by, None):
            raise NotPermitted(_("You may not record yearly reviews."))
        review.version = 1
    else:
        stored = YearlyReview.objects.select_for_update().get(pk=review.pk)
        if not can_change_review(by, stored.state):
            raise NotPermitted(
                ONLY_PUBLISHERS_CHANGE_DECIDED
                if stored.state == ReviewState.DECIDED
                else MAY_NOT_CHANGE
            )
        # Compared only now: who may change the review depends on the stored row.
        check_version(stored, expected_version)
        error = state_change_error(stored, review.state)
        if error:
            raise ValidationError({"state": error})
        if stored.state == ReviewState.DECIDED and not change_note:
            raise ValidationError(
                {"change_note": _("Explain publicly why a decided review changes.")}
            )
        review.version = stored.version + 1

    review.full_clean()
    _audit(review, by, change_note)
    review.save()

    for line in deleted_lines:
        _audit(line, by, change_note)
        line.delete()
    for line in lines:
        line.review = review
        line.full_clean()
        _audit(line, by, change_note)
        line.save()
    for source in deleted_sources:
        _audit(source, by, change_note)
        source.delete()
    for source in sources:
        source.review = review
        source.full_clean()
        _audit(source, by, change_note)
        source.save()

    errors = line_rule_errors(review, review.lines.all())
    if errors:
        raise ValidationError(errors)
    if change_note:
        ReviewChange.objects.create(review=review, changed_by=by, note=change_note)
    return review


def review_start_examination(*, review: YearlyReview, expected_version: int, by) -> YearlyReview:
    """planned → under review."""
    review.state = REVIEW_WORKFLOW.check(review, "start_examination", by).target
    return review_save(review=review, expected_version=expected_version, by=by)


def review_decide(
    *,
    review: YearlyReview,
    outcome: str,
    decision_date,
    decision_reference: str = "",
    granted: dict[int, object] | None = None,
    expected_version: int,
    by,
) -> YearlyReview:
    """planned or under review → decided, with the amounts granted per line
    (``{line.pk: amount}``). A decision recorded after the fact may skip "under review"."""
    review.state = REVIEW_WORKFLOW.check(review, "decide", by).target
    review.outcome = outcome
    review.decision_date = decision_date
    review.decision_reference = decision_reference
    changed = []
    for line in review.lines.all():
        if granted and line.pk in granted:
            line.amount_granted = granted[line.pk]
            changed.append(line)
    return review_save(review=review, lines=changed, expected_version=expected_version, by=by)
