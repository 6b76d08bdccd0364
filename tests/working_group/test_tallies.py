"""The task tallies behind progress and the board's totals follow every change of a task.

Each test changes tasks one way (services, as members do; or the model, as the demo
loader does) and reads the progress the pages read; the last ones check the tallies
against a recount from scratch.
"""

import pytest

from tests.working_group.factories import MilestoneFactory, TaskFactory, TrackFactory
from working_group import progress, selectors, services
from working_group.models import Milestone, Task, TaskTally, Track, Visibility, progress_of
from working_group.models import with_progress as annotate_progress

pytestmark = pytest.mark.django_db

PUBLIC = Visibility.PUBLIC


def track_progress(track, public_only=True):
    return progress_of(
        annotate_progress(Track.objects.filter(pk=track.pk), public_only=public_only).get()
    )


def milestone_progress(milestone, public_only=False):
    queryset = Milestone.objects.filter(pk=milestone.pk)
    return progress_of(annotate_progress(queryset, public_only=public_only).get())


def tally_rows():
    return sorted(
        TaskTally.objects.values_list(
            "track_id", "milestone_id", "visibility", "state", "tasks", "points", "weight"
        ),
        key=str,
    )


@pytest.fixture
def other_track(group):
    return TrackFactory(group=group, slug="capability", name_nl="Capaciteit", order=2)


def create(member, track, **fields):
    return services.task_create(by=member.user, title="Taak", track=track, owner=member, **fields)


def test_a_created_public_task_counts_in_its_tracks_public_progress(member, track):
    task = create(member, track, visibility=PUBLIC)
    services.task_set_progress(task=task, expected_version=1, by=member.user, progress=40)

    assert track_progress(track) == 40


def test_an_internal_task_counts_for_members_but_not_publicly(member, track):
    milestone = MilestoneFactory()
    task = create(member, track, milestone=milestone)
    services.task_set_progress(task=task, expected_version=1, by=member.user, progress=30)

    assert (track_progress(track), milestone_progress(milestone)) == (None, 30)


def test_making_a_task_internal_takes_it_out_of_public_progress(member, track):
    create(member, track, visibility=PUBLIC)
    hidden = create(member, track, visibility=PUBLIC)
    services.task_set_progress(task=hidden, expected_version=1, by=member.user, progress=100)

    services.task_update(
        task=hidden, expected_version=2, by=member.user, visibility=Visibility.INTERNAL
    )

    assert track_progress(track) == 0


def test_cancelling_a_task_takes_it_out_of_progress(member, track):
    create(member, track, visibility=PUBLIC)
    task = create(member, track, visibility=PUBLIC)
    services.task_set_progress(task=task, expected_version=1, by=member.user, progress=80)
    services.task_change_state(
        task=task, expected_version=2, by=member.user, state=Task.State.CANCELLED
    )

    assert track_progress(track) == 0


def test_a_task_done_counts_at_100_percent(member, track):
    task = create(member, track, visibility=PUBLIC)

    services.task_change_state(task=task, expected_version=1, by=member.user, state="done")

    assert track_progress(track) == 100


def test_moving_a_task_to_another_track_moves_its_progress(member, track, other_track):
    task = create(member, track, visibility=PUBLIC)
    services.task_set_progress(task=task, expected_version=1, by=member.user, progress=60)

    services.task_update(task=task, expected_version=2, by=member.user, track=other_track)

    assert (track_progress(track), track_progress(other_track)) == (None, 60)


def test_moving_a_task_to_another_milestone_moves_its_progress(member, track):
    first, second = MilestoneFactory(), MilestoneFactory()
    task = create(member, track, milestone=first)
    services.task_set_progress(task=task, expected_version=1, by=member.user, progress=50)

    services.task_update(task=task, expected_version=2, by=member.user, milestone=second)

    assert (milestone_progress(first), milestone_progress(second)) == (None, 50)


def test_weights_count_in_the_tallies(member, track):
    milestone = MilestoneFactory()
    heavy = create(member, track, milestone=milestone, weight=3)
    create(member, track, milestone=milestone)

    services.task_set_progress(task=heavy, expected_version=1, by=member.user, progress=100)

    assert milestone_progress(milestone) == 75


def test_a_deleted_task_no_longer_counts(member, track):
    create(member, track, visibility=PUBLIC)
    done = create(member, track, visibility=PUBLIC)
    services.task_change_state(task=done, expected_version=1, by=member.user, state="done")

    Task.objects.get(pk=done.pk).delete()

    assert track_progress(track) == 0


def test_a_task_saved_outside_the_services_is_counted_too(member, track):
    # The demo loader writes tasks directly.
    TaskFactory(track=track, owner=member, visibility=PUBLIC, progress=70)

    assert track_progress(track) == 70


def test_deleting_a_milestone_leaves_its_tasks_in_their_tracks_progress(member, track):
    milestone = MilestoneFactory()
    task = create(member, track, visibility=PUBLIC, milestone=milestone)
    services.task_set_progress(task=task, expected_version=1, by=member.user, progress=20)

    milestone.delete()

    assert track_progress(track) == 20
    assert not TaskTally.objects.filter(milestone__isnull=False).exists()


def test_the_board_totals_count_every_task_per_state(member, track, other_track):
    create(member, track)
    create(member, other_track, visibility=PUBLIC)
    blocked = create(member, track)
    services.task_change_state(
        task=blocked, expected_version=1, by=member.user, state="blocked", blocked_reason="Wacht"
    )

    totals = {state.value: total for state, _cards, total in selectors.board_tasks()}

    assert totals == {"todo": 2, "in_progress": 0, "blocked": 1, "done": 0, "cancelled": 0}


def test_the_board_totals_of_one_track(member, track, other_track):
    create(member, track)
    create(member, other_track)

    totals = {state.value: total for state, _cards, total in selectors.board_tasks(track=track)}

    assert totals["todo"] == 1


def test_kept_tallies_equal_a_recount_from_scratch(member, track, other_track):
    milestone = MilestoneFactory()
    first = create(member, track, visibility=PUBLIC, milestone=milestone, weight=2)
    second = create(member, other_track, milestone=milestone)
    services.task_set_progress(task=first, expected_version=1, by=member.user, progress=35)
    services.task_update(task=second, expected_version=1, by=member.user, track=track)
    kept = tally_rows()

    progress.recount_all()

    assert tally_rows() == kept


def test_recount_all_repairs_tallies_after_a_bulk_write(member, track):
    Task.objects.bulk_create([Task(number=1, title_nl="Bulk", track=track, owner=member,
                                   visibility=PUBLIC, progress=90)])  # fmt: skip
    assert track_progress(track) is None  # bulk_create sends no signal

    progress.recount_all()

    assert track_progress(track) == 90


def test_the_recount_command_repairs_tallies(member, track):
    from io import StringIO

    from django.core.management import call_command

    Task.objects.bulk_create([Task(number=1, title_nl="Bulk", track=track, owner=member,
                                   visibility=PUBLIC, progress=60)])  # fmt: skip

    call_command("recount_task_tallies", stdout=StringIO())

    assert track_progress(track) == 60
