"""Keeps ``TaskTally`` (tasks per track or milestone, visibility and state) in step with tasks.

Every saved or deleted task recounts the tallies of the tracks and milestones it belongs
to, before and after the change: the summary is recounted from the tasks, never adjusted
by a difference, so it cannot drift. This runs on the model signals so that each way a
task is written (``services``, the demo loader, a shell) keeps it right; bulk writes that
skip signals (``bulk_create``, ``QuerySet.update``) call ``recount`` or ``recount_all``.
"""

from django.db import transaction
from django.db.models import Count, F, Sum, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save

from working_group.models import Milestone, Task, TaskTally, Track

# Fields a tally depends on; a save that names none of them (``update_fields``) skips it.
TALLIED_FIELDS = frozenset(
    {"track", "track_id", "milestone", "milestone_id", "visibility", "state", "progress", "weight"}
)


def _tallies(tasks, key: str) -> list[TaskTally]:
    weight = Coalesce(F("weight"), Value(1))
    rows = (
        tasks.order_by()
        .values(key, "visibility", "state")
        .annotate(count=Count("pk"), points=Sum(F("progress") * weight), weight_sum=Sum(weight))
    )
    return [
        TaskTally(
            **{f"{key}_id": row[key]},
            visibility=row["visibility"],
            state=row["state"],
            tasks=row["count"],
            points=row["points"] or 0,
            weight=row["weight_sum"] or 0,
        )
        for row in rows
    ]


@transaction.atomic
def recount(*, tracks=(), milestones=()) -> None:
    """Rebuild the tallies of these tracks and milestones (ids; ``None`` is ignored)."""
    track_ids = sorted({pk for pk in tracks if pk is not None})
    milestone_ids = sorted({pk for pk in milestones if pk is not None})
    # Lock the parents first (always tracks, then milestones, by id): a concurrent recount
    # of the same track waits here, then counts with this transaction's change committed.
    # NO KEY UPDATE: it does not wait for (nor deadlock with) transactions that merely
    # reference the row, as a task written to that track does.
    for model, ids in ((Track, track_ids), (Milestone, milestone_ids)):
        if ids:
            parents = model.objects.select_for_update(no_key=True).filter(pk__in=ids)
            list(parents.order_by("pk").values_list("pk", flat=True))
    for key, ids in (("track", track_ids), ("milestone", milestone_ids)):
        if ids:
            TaskTally.objects.filter(**{f"{key}__in": ids}).delete()
            tasks = Task.objects.filter(**{f"{key}__in": ids})
            TaskTally.objects.bulk_create(_tallies(tasks, key))


@transaction.atomic
def recount_all() -> None:
    """Rebuild every tally from the tasks (after bulk writes, or to check the summary)."""
    TaskTally.objects.all().delete()
    TaskTally.objects.bulk_create(_tallies(Task.objects.all(), "track"))
    TaskTally.objects.bulk_create(
        _tallies(Task.objects.filter(milestone__isnull=False), "milestone")
    )


def _tallied(update_fields) -> bool:
    return update_fields is None or not TALLIED_FIELDS.isdisjoint(update_fields)


def _remember_stored_keys(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a change: the track and milestone the stored row counts in (they may move)."""
    instance._tally_keys_before = None
    if raw or instance.pk is None or instance._state.adding or not _tallied(update_fields):
        return
    instance._tally_keys_before = (
        Task.objects.filter(pk=instance.pk).values_list("track_id", "milestone_id").first()
    )


def _recount_after_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not _tallied(update_fields):
        return  # Loading a backup restores the tallies with the tasks.
    before_track, before_milestone = getattr(instance, "_tally_keys_before", None) or (None, None)
    recount(
        tracks=(before_track, instance.track_id),
        milestones=(before_milestone, instance.milestone_id),
    )


def _recount_after_delete(sender, instance, **kwargs):
    recount(tracks=(instance.track_id,), milestones=(instance.milestone_id,))


def connect_signals() -> None:
    pre_save.connect(_remember_stored_keys, sender=Task, dispatch_uid="wg_tally_before")
    post_save.connect(_recount_after_save, sender=Task, dispatch_uid="wg_tally_save")
    post_delete.connect(_recount_after_delete, sender=Task, dispatch_uid="wg_tally_delete")
