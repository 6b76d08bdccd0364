"""Milestone and track progress is derived from tasks, weighted where weights are set."""

import pytest

from tests.working_group.factories import MilestoneFactory, TaskFactory
from working_group.models import Milestone, Task, progress_of, with_progress

pytestmark = pytest.mark.django_db


def milestone_progress(milestone, **options):
    return progress_of(with_progress(Milestone.objects.filter(pk=milestone.pk), **options).get())


def test_without_weights_progress_is_the_average(member, track):
    milestone = MilestoneFactory()
    TaskFactory(track=track, owner=member, milestone=milestone, progress=20)
    TaskFactory(track=track, owner=member, milestone=milestone, progress=60)

    assert milestone_progress(milestone) == 40


def test_weights_count_where_set_and_unset_weights_count_as_one(member, track):
    milestone = MilestoneFactory()
    TaskFactory(track=track, owner=member, milestone=milestone, progress=100, weight=3)
    TaskFactory(track=track, owner=member, milestone=milestone, progress=0)

    assert milestone_progress(milestone) == 75


def test_cancelled_tasks_do_not_count(member, track):
    milestone = MilestoneFactory()
    TaskFactory(track=track, owner=member, milestone=milestone, progress=50)
    TaskFactory(track=track, owner=member, milestone=milestone, state=Task.State.CANCELLED)

    assert milestone_progress(milestone) == 50


def test_a_milestone_without_tasks_has_no_progress_rather_than_zero():
    assert milestone_progress(MilestoneFactory()) is None


def test_public_progress_ignores_internal_tasks(member, track):
    milestone = MilestoneFactory()
    TaskFactory(track=track, owner=member, milestone=milestone, progress=80, visibility="public")
    TaskFactory(track=track, owner=member, milestone=milestone, progress=0)

    assert milestone_progress(milestone, public_only=True) == 80
