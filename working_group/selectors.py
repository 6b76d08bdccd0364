"""Reads for pages: every query a page needs is decided here, so templates never query."""

import operator
from functools import reduce

from django.db.models import Prefetch, Q, Subquery, Sum

from budget.models import YearlyReview
from regions.models import Analysis
from working_group.models import (
    BOARD_ORDER,
    Comment,
    Decision,
    Meeting,
    Member,
    Milestone,
    Task,
    TaskTally,
    Track,
    Visibility,
    WorkingGroup,
    progress_of,
    with_progress,
)

TASK_CARD_RELATIONS = ("track", "owner", "milestone")


# A column shows this many cards at most; the rest are one link away in the paginated list.
BOARD_CARDS_PER_STATE = 25


# What a board card shows: the task's own columns it needs (not its descriptions in four
# languages) and its owner's name; the track's name comes from the board's list of tracks.
BOARD_CARD_FIELDS = (
    "number", "title", "state", "priority", "progress", "due_date", "blocked_reason",
    "visibility", "is_example_data", "track", "owner__name",
)  # fmt: skip


def board_tasks(*, track=None, per_state=BOARD_CARDS_PER_STATE):
    """Per state: (state, the rows of its first ``per_state`` cards, how many tasks it holds).

    One query per state (a fixed list), each reading the first cards along the board
    index (``wg_task_board``/``wg_task_track_board``), and one for the totals, read from
    the track tallies: the same queries, each bounded, whatever the number of tasks.
    A card is a row of BOARD_CARD_FIELDS (the title in the page's language or its
    fallback), not a task: building 125 tasks and their owners was a third of the reads.
    """
    tasks = Task.objects.all()
    tallies = TaskTally.objects.filter(track__isnull=False)
    if track is not None:
        tasks = tasks.filter(track=track)
        tallies = tallies.filter(track=track)
    cards = tasks.order_by(*BOARD_ORDER).values(*BOARD_CARD_FIELDS)
    counts = dict(tallies.order_by().values_list("state").annotate(total=Sum("tasks")))
    return [
        (Task.State(state), list(cards.filter(state=state)[:per_state]), counts.get(state, 0))
        for state in Task.State.values
    ]


def task_list():
    return Task.objects.select_related(*TASK_CARD_RELATIONS)


def task_detail(number: int) -> Task:
    return (
        Task.objects.select_related(*TASK_CARD_RELATIONS)
        .prefetch_related(
            Prefetch("dependencies", queryset=Task.objects.select_related("owner")),
            Prefetch("dependents", queryset=Task.objects.select_related("owner")),
            Prefetch("comments", queryset=Comment.objects.select_related("author")),
            Prefetch("decisions", queryset=Decision.objects.select_related("meeting")),
            Prefetch("analyses", queryset=Analysis.objects.select_related("region")),
            Prefetch("budget_reviews", queryset=YearlyReview.objects.select_related("legislature")),
        )
        .get(number=number)
    )


def task_history(task: Task):
    return task.history.select_related("history_user", "owner").order_by("-history_date")


def meetings():
    return Meeting.objects.prefetch_related("attendees")


def meeting_detail(pk: int) -> Meeting:
    return Meeting.objects.prefetch_related(
        "attendees",
        Prefetch("decisions", queryset=Decision.objects.prefetch_related("tasks")),
    ).get(pk=pk)


def milestone_timeline():
    """Every milestone with progress from all its tasks (members' view)."""
    milestones = with_progress(Milestone.objects.select_related("track"))
    return [(milestone, progress_of(milestone)) for milestone in milestones]


def public_group_queryset():
    """The group the public page presents (one is expected; the oldest if there are more)."""
    return WorkingGroup.objects.order_by("start_date", "slug")


def public_tracks(*, group=None):
    """The presented group's tracks, with progress from public tasks only."""
    if group is None:
        group = Subquery(public_group_queryset().values("pk")[:1])
    return with_progress(Track.objects.filter(group=group), public_only=True)


def public_milestones():
    """Public milestones, with progress from public tasks only."""
    return with_progress(Milestone.objects.public().select_related("track"), public_only=True)


def public_tasks():
    """Public tasks with what a public listing shows (track and milestone)."""
    return Task.objects.public().select_related("track", "milestone")


class TasksByTrack:
    """Public tasks in the lists' order (track order, due date, public id), a track at a time.

    Sliced like a queryset by a paginator: ``count()`` reads the track tallies and a slice
    reads only its own rows, per track, along ``wg_task_track_vis_due`` (track, visibility,
    due date, public id), never a sort of every public task. The per-track parts of a
    page (two at a track boundary, or more for tiny tracks) are subqueries of one query,
    so a page costs two queries whatever it spans. Tracks sharing an ``order`` are read
    together, as the plain ordering interleaves them.
    """

    def __init__(self, tasks, *, track_slug: str | None = None):
        self.tasks = tasks
        tallies = TaskTally.objects.filter(track__isnull=False, visibility=Visibility.PUBLIC)
        if track_slug is not None:
            tallies = tallies.filter(track__slug=track_slug)
        rows = (
            tallies.order_by("track__order", "track_id")
            .values_list("track__order", "track_id")
            .annotate(total=Sum("tasks"))
        )
        # [track ids, public tasks] per track order, in that order.
        self.groups: list[list] = []
        last_order = None
        for order, track_id, total in rows:
            if not self.groups or order != last_order:
                self.groups.append([[], 0])
            self.groups[-1][0].append(track_id)
            self.groups[-1][1] += total
            last_order = order

    def count(self) -> int:
        return sum(total for _ids, total in self.groups)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("TasksByTrack takes a plain slice.")
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        parts, offset = [], 0
        for track_ids, total in self.groups:
            low, high = max(start - offset, 0), min(stop - offset, total)
            if low < high:
                in_tracks = (
                    {"track_id": track_ids[0]}
                    if len(track_ids) == 1
                    else {"track_id__in": track_ids}
                )
                ordered = self.tasks.filter(**in_tracks).order_by("due_date", "public_id")
                parts.append(Q(pk__in=ordered.values("pk")[low:high]))
            offset += total
            if offset >= stop:
                break
        if not parts:
            return []
        # Only the page's rows are sorted here; each part found its own along the index.
        page = self.tasks.filter(reduce(operator.or_, parts))
        return list(page.order_by("track__order", "due_date", "public_id"))


def public_decisions():
    """Public decisions (of public meetings) with their public tasks only.

    Lists show a decision's meeting by its date and each task by its title and public id:
    the meeting's agenda and minutes and the tasks' other columns are not loaded.
    """
    tasks = Task.objects.public().only("public_id", "title").order_by("title")
    return (
        Decision.objects.public()
        .select_related("meeting")
        .defer("meeting__agenda", "meeting__minutes")
        .prefetch_related(Prefetch("tasks", queryset=tasks))
    )


def public_overview() -> dict:
    """Everything the public page shows, derived from ``.public()`` querysets only."""
    group = public_group_queryset().first()
    if group is None:
        return {"group": None}
    chair = Member.objects.filter(group=group, role=Member.Role.CHAIR, active=True).first()
    return {
        "group": group,
        "chair": chair,
        "tracks": [(track, progress_of(track)) for track in public_tracks(group=group)],
        # A queryset: the page shows one page of milestones, with progress (see the view).
        "milestones": public_milestones(),
        "decisions": public_decisions(),
    }
