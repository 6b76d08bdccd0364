"""Every write of the working group's tracker, each checking who acts and what is allowed.

Rules of membership (ADR 0004): only an *active* ``Member`` linked to the acting user may
write; the owner, the chair or the secretary may reassign a task. Task writes take the
``version`` the member started from and raise ``TaskConflict`` when it moved on.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from working_group.models import Comment, Member, Milestone, Task, Track, Visibility, WorkingGroup


class WorkingGroupError(Exception):
    """A refused action; ``message`` is translated and safe to show to the member."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(WorkingGroupError):
    pass


class TaskConflict(WorkingGroupError):
    pass


# Which state may follow which; everything else is refused with a clear message.
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    Task.State.TODO: {
        Task.State.IN_PROGRESS,
        Task.State.BLOCKED,
        Task.State.DONE,
        Task.State.CANCELLED,
    },
    Task.State.IN_PROGRESS: {
        Task.State.TODO,
        Task.State.BLOCKED,
        Task.State.DONE,
        Task.State.CANCELLED,
    },
    Task.State.BLOCKED: {Task.State.TODO, Task.State.IN_PROGRESS, Task.State.CANCELLED},
    Task.State.DONE: {Task.State.IN_PROGRESS},
    Task.State.CANCELLED: {Task.State.TODO},
}


def member_for(user) -> Member | None:
    """The active member behind ``user``, or ``None``; the single test of membership."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    member = getattr(user, "working_group_member", None)
    return member if member is not None and member.active else None


def _require_member(user) -> Member:
    member = member_for(user)
    if member is None:
        raise NotAllowed(_("Only active members of the working group may do this."))
    return member


def _locked(task: Task, expected_version: int) -> Task:
    """Lock the stored row and refuse when someone saved since ``expected_version``."""
    current = Task.objects.select_for_update().get(pk=task.pk)
    if current.version != expected_version:
        raise TaskConflict(
            _(
                "%(reference)s was changed by someone else while you were editing it. "
                "Your change was not saved; the page now shows the latest version."
            )
            % {"reference": current.reference}
        )
    return current


def _in_source_language(text_function):
    """Change reasons are stored once, in Dutch (the source language), whoever acts."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text_function())


def _save(task: Task, *, reason) -> Task:
    task.full_clean()
    task.version += 1
    task._change_reason = _in_source_language(reason)
    task.save()
    return task


def _check_no_cycle(task: Task, dependencies) -> None:
    """Refuse a dependency that (directly or through others) depends on ``task`` itself."""
    if task.pk is None:
        return  # A new task has no dependents yet, so no cycle is possible.
    edges: dict[int, set[int]] = {}
    for from_id, to_id in Task.dependencies.through.objects.values_list(
        "from_task_id", "to_task_id"
    ):
        edges.setdefault(from_id, set()).add(to_id)
    for dependency in dependencies:
        if dependency.pk == task.pk:
            raise ValidationError({"dependencies": _("A task cannot depend on itself.")})
        stack, seen = [dependency.pk], set()
        while stack:
            current = stack.pop()
            if current == task.pk:
                raise ValidationError(
                    {
                        "dependencies": _(
                            "%(reference)s already depends on this task; that would make a circle."
                        )
                        % {"reference": dependency.reference}
                    }
                )
            if current not in seen:
                seen.add(current)
                stack.extend(edges.get(current, ()))


def _check_owner(owner: Member, acting: Member) -> None:
    if not owner.active or owner.group_id != acting.group_id:
        raise ValidationError({"owner": _("Choose an active member of the group.")})


def _check_done_keeps_done_dependencies(task: Task, dependencies) -> None:
    """A done task must not gain a dependency that is still open."""
    if task.state != Task.State.DONE:
        return
    open_ones = [
        d.reference for d in dependencies if d.state not in (Task.State.DONE, Task.State.CANCELLED)
    ]
    if open_ones:
        raise ValidationError(
            {
                "dependencies": _(
                    "A done task cannot depend on %(references)s, which is not done; "
                    "reopen the task first."
                )
                % {"references": ", ".join(open_ones)}
            }
        )


def _check_dependencies_done(task: Task) -> None:
    # A cancelled dependency will never be done; it no longer holds this task back (ADR 0004).
    waiting = task.dependencies.exclude(state__in=[Task.State.DONE, Task.State.CANCELLED])
    references = [dependency.reference for dependency in waiting.order_by("number")]
    if references:
        raise ValidationError(
            {
                "state": _("This task cannot be done while %(references)s is not done.")
                % {"references": ", ".join(references)}
            }
        )


@transaction.atomic
def task_create(
    *,
    by,
    title: str,
    track: Track,
    owner: Member,
    description: str = "",
    priority: int = Task.Priority.NORMAL,
    start_date: date | None = None,
    due_date: date | None = None,
    visibility: str = Visibility.INTERNAL,
    milestone: Milestone | None = None,
    weight: int | None = None,
    dependencies=(),
    analyses=(),
    budget_reviews=(),
    translations: dict[str, str] | None = None,
    is_example_data: bool = False,
) -> Task:
    member = _require_member(by)
    _check_owner(owner, member)
    # Lock the group's row so two members creating at once get distinct numbers.
    WorkingGroup.objects.select_for_update().get(pk=track.group_id)
    number = (Task.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1
    task = Task(
        number=number,
        **{_source("title"): title, _source("description"): description},
        track=track,
        owner=owner,
        priority=priority,
        start_date=start_date,
        due_date=due_date,
        visibility=visibility,
        milestone=milestone,
        weight=weight,
        is_example_data=is_example_data,
        **(translations or {}),
    )
    task.full_clean()
    task._change_reason = _in_source_language(lambda: _("Created"))
    task.save()
    if dependencies:
        task.dependencies.set(dependencies)
    _set_links(task, analyses=analyses, budget_reviews=budget_reviews)
    return task


def _set_links(task: Task, *, analyses=None, budget_reviews=None) -> None:
    """Link a task to analyses and budget reviews (``None`` leaves a link set as it is)."""
    if analyses is not None:
        task.analyses.set(analyses)
    if budget_reviews is not None:
        task.budget_reviews.set(budget_reviews)


UPDATABLE_FIELDS = (
    "title",
    "description",
    "track",
    "priority",
    "start_date",
    "due_date",
    "visibility",
    "milestone",
    "weight",
)


def _source(field: str) -> str:
    """``title``/``description`` in services mean the Dutch source text, whatever the
    request's language (modeltranslation would otherwise write the active language)."""
    return f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"


def _updatable_names() -> set[str]:
    translated = {
        f"{field}_{code}"
        for field in ("title", "description")
        for code, _name in settings.LANGUAGES
    }
    return set(UPDATABLE_FIELDS) | translated


@transaction.atomic
def task_update(
    *,
    task: Task,
    expected_version: int,
    by,
    dependencies=None,
    analyses=None,
    budget_reviews=None,
    **changes,
) -> Task:
    """Change a task's details (not its state, progress or owner: those have own services).

    ``changes`` takes the names in ``UPDATABLE_FIELDS`` (``title`` and ``description`` are
    the Dutch source) and translated columns such as ``title_fr``.
    """
    _require_member(by)
    current = _locked(task, expected_version)
    for name, value in changes.items():
        if name in ("title", "description"):
            name = _source(name)
        if name not in _updatable_names():
            raise ValueError(f"task_update cannot change {name!r}")
        setattr(current, name, value)
    if dependencies is not None:
        _check_no_cycle(current, dependencies)
        _check_done_keeps_done_dependencies(current, dependencies)
    _save(current, reason=lambda: _("Details changed"))
    if dependencies is not None:
        current.dependencies.set(dependencies)
    _set_links(current, analyses=analyses, budget_reviews=budget_reviews)
    return current


@transaction.atomic
def task_change_state(
    *, task: Task, expected_version: int, by, state: str, blocked_reason: str = ""
) -> Task:
    _require_member(by)
    current = _locked(task, expected_version)
    if state == current.state:
        raise ValidationError({"state": _("The task is already in this state.")})
    if state not in ALLOWED_TRANSITIONS[current.state]:
        raise ValidationError(
            {
                "state": _("A task that is “%(current)s” cannot become “%(new)s”.")
                % {"current": current.get_state_display(), "new": Task.State(state).label}
            }
        )
    if state == Task.State.DONE:
        _check_dependencies_done(current)
        current.progress = 100  # Done means complete; the constraint holds the invariant.
    if state == Task.State.BLOCKED:
        current.blocked_reason = blocked_reason.strip()
    else:
        current.blocked_reason = ""
    current.state = state
    return _save(
        current, reason=lambda: _("State: %(state)s") % {"state": current.get_state_display()}
    )


@transaction.atomic
def task_set_progress(*, task: Task, expected_version: int, by, progress: int) -> Task:
    _require_member(by)
    current = _locked(task, expected_version)
    current.progress = progress
    return _save(current, reason=lambda: _("Progress: %(progress)s %%") % {"progress": progress})


@transaction.atomic
def task_reassign(*, task: Task, expected_version: int, by, owner: Member) -> Task:
    member = _require_member(by)
    current = _locked(task, expected_version)
    if member.pk != current.owner_id and not member.may_reassign_any_task:
        raise NotAllowed(_("Only the task's owner, the chair or the secretary may reassign it."))
    _check_owner(owner, member)
    current.owner = owner
    return _save(current, reason=lambda: _("Reassigned to %(owner)s") % {"owner": owner.name})


@transaction.atomic
def task_comment(*, task: Task, by, text: str) -> Comment:
    member = _require_member(by)
    comment = Comment(task=task, author=member, text=text.strip())
    comment.full_clean()
    comment.save()
    return comment
