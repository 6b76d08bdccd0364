"""Every write of the working group's tracker, each checking who acts and what is allowed.

Rules of membership (ADR 0004): only an *active* ``Member`` linked to the acting user may
write; the owner, the chair or the secretary may reassign a task. Task writes take the
``version`` the member started from and raise ``core.services.Conflict`` when it moved on.
A task's states follow the table ``TASK_WORKFLOW``.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from core.services import NotPermitted, TransitionNotAllowed, lock_version
from core.translated import source_column, translated_columns, translated_fields
from core.workflow import Check, Transition, Workflow
from working_group.models import Comment, Member, Milestone, Task, Track, Visibility, WorkingGroup

# A task's details: what members set when they create or edit a task (the task form, the
# API, ``task_create`` and ``task_update``), in the order forms show them. The owner is
# chosen at creation; afterwards only ``task_reassign`` changes it, under its own rule.
# State and progress are not details either: each has its own service.
DETAIL_FIELDS = (
    "title",
    "description",
    "track",
    "owner",
    "priority",
    "start_date",
    "due_date",
    "visibility",
    "milestone",
    "weight",
    "dependencies",
    "analyses",
    "budget_reviews",
)
UPDATABLE_FIELDS = tuple(field for field in DETAIL_FIELDS if field != "owner")
# The details as columns: a translated text in every language (title_nl, title_fr, …).
DETAIL_COLUMNS = translated_columns(Task, *DETAIL_FIELDS)
UPDATABLE_COLUMNS = translated_columns(Task, *UPDATABLE_FIELDS)
# The translated texts, their columns, and the source language's column of each: services
# take ``title`` and ``description`` as the Dutch source text, whatever the request's
# language (modeltranslation would otherwise write the active language).
TEXT_FIELDS = tuple(field for field in DETAIL_FIELDS if field in translated_fields(Task))
TEXT_COLUMNS = translated_columns(Task, *TEXT_FIELDS)
SOURCE_COLUMNS = {field: source_column(field) for field in TEXT_FIELDS}


def _open_dependencies(task: Task) -> list[str]:
    # A cancelled dependency will never be done; it no longer holds this task back (ADR 0004).
    waiting = task.dependencies.exclude(state__in=[Task.State.DONE, Task.State.CANCELLED])
    return [dependency.reference for dependency in waiting.order_by("number")]


# Which state may follow which, one transition per target state (the state form picks the
# target). Every active member may move any task: ``_require_member`` decides who acts.
TASK_WORKFLOW = Workflow(
    Transition(
        "todo",
        label=Task.State.TODO.label,
        sources=[Task.State.IN_PROGRESS, Task.State.BLOCKED, Task.State.CANCELLED],
        target=Task.State.TODO,
    ),
    Transition(
        "in_progress",
        label=Task.State.IN_PROGRESS.label,
        sources=[Task.State.TODO, Task.State.BLOCKED, Task.State.DONE],
        target=Task.State.IN_PROGRESS,
    ),
    Transition(
        "blocked",
        label=Task.State.BLOCKED.label,
        sources=[Task.State.TODO, Task.State.IN_PROGRESS],
        target=Task.State.BLOCKED,
    ),
    Transition(
        "done",
        label=Task.State.DONE.label,
        sources=[Task.State.TODO, Task.State.IN_PROGRESS],
        target=Task.State.DONE,
        checks=(
            Check(
                lambda task, user: not _open_dependencies(task),
                lambda task: (
                    _("This task cannot be done while %(references)s is not done.")
                    % {"references": ", ".join(_open_dependencies(task))}
                ),
            ),
        ),
    ),
    Transition(
        "cancelled",
        label=Task.State.CANCELLED.label,
        sources=[Task.State.TODO, Task.State.IN_PROGRESS, Task.State.BLOCKED],
        target=Task.State.CANCELLED,
    ),
)


def task_next_states(task: Task, user) -> list[str]:
    """The states ``user`` may move ``task`` to from its state, for the state form to offer.

    A transition's further conditions (done only once the dependencies are) are left to
    ``task_change_state``: its refusal names what stands in the way, where a state missing
    from the list would not say why.
    """
    return [
        transition.target
        for transition in TASK_WORKFLOW
        if transition.starts_from(task.state) and TASK_WORKFLOW.permitted(transition.name, user)
    ]


def member_for(user) -> Member | None:
    """The active member behind ``user``, or ``None``; the single test of membership."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    member = getattr(user, "working_group_member", None)
    return member if member is not None and member.active else None


def _require_member(user) -> Member:
    member = member_for(user)
    if member is None:
        raise NotPermitted(_("Only active members of the working group may do this."))
    return member


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
        **{SOURCE_COLUMNS["title"]: title, SOURCE_COLUMNS["description"]: description},
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

    ``changes`` takes the columns in ``UPDATABLE_COLUMNS`` (such as ``title_fr``) and
    ``title`` and ``description`` for the Dutch source.
    """
    _require_member(by)
    current = lock_version(Task.objects, task.pk, expected_version)
    for name, value in changes.items():
        name = SOURCE_COLUMNS.get(name, name)
        if name not in UPDATABLE_COLUMNS:
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
    current = lock_version(Task.objects, task.pk, expected_version)
    if state == current.state:
        raise ValidationError({"state": _("The task is already in this state.")})
    # The state form shows a refusal at its field, like any other invalid choice.
    try:
        transition = TASK_WORKFLOW.leading_to(current, state)
        TASK_WORKFLOW.check(current, transition.name, by)
    except TransitionNotAllowed as refusal:
        raise ValidationError({"state": refusal.message}) from refusal
    if state == Task.State.DONE:
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
    current = lock_version(Task.objects, task.pk, expected_version)
    current.progress = progress
    return _save(current, reason=lambda: _("Progress: %(progress)s %%") % {"progress": progress})


@transaction.atomic
def task_reassign(*, task: Task, expected_version: int, by, owner: Member) -> Task:
    member = _require_member(by)
    current = lock_version(Task.objects, task.pk, expected_version)
    if member.pk != current.owner_id and not member.may_reassign_any_task:
        raise NotPermitted(_("Only the task's owner, the chair or the secretary may reassign it."))
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
