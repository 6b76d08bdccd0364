"""Acceptance 4: each list endpoint costs the same queries for 5 or 100 items.

Guards against N+1 queries from nested tracks, owners and milestones, per-row progress,
decisions' public tasks, dependencies and comment authors.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.api.working_group_support import API, api_client
from tests.factories import UserFactory
from tests.working_group.factories import (
    DecisionFactory,
    MeetingFactory,
    MemberFactory,
    MilestoneFactory,
    TrackFactory,
    bulk_tasks,
)
from working_group.models import Comment, Milestone, Task, Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages", "no_api_throttling")]

User = get_user_model()
SMALL, LARGE = 5, 100  # The large set is 20 times the small one.


def public_tasks(team, count, **fields):
    return bulk_tasks(
        count, track=team.track, owner=team.member, visibility=Visibility.PUBLIC, **fields
    )


def populate_tracks(team, count):
    for index in range(count - 1):  # The team has one track already.
        track = TrackFactory(group=team.group, slug=f"track-{index}", order=index + 1)
        bulk_tasks(2, track=track, owner=team.member, visibility=Visibility.PUBLIC)


def populate_milestones(team, count):
    for index in range(count):
        track = team.track if index % 2 else None
        milestone = MilestoneFactory(track=track, date=datetime.date(2016, 1, 1))
        public_tasks(team, 2, milestone=milestone)


def populate_public_tasks(team, count):
    public = MilestoneFactory()
    internal = MilestoneFactory(visibility=Visibility.INTERNAL)
    public_tasks(team, count // 2, milestone=public)
    public_tasks(team, count - count // 2, milestone=internal)


def populate_decisions(team, count):
    meeting = MeetingFactory(group=team.group)
    tasks = public_tasks(team, 3) + bulk_tasks(2, track=team.track, owner=team.member)
    for _index in range(count):
        DecisionFactory(meeting=meeting).tasks.add(*tasks)


def populate_tasks(team, count):
    milestone = MilestoneFactory(visibility=Visibility.INTERNAL)
    tasks = bulk_tasks(count, track=team.track, owner=team.other, milestone=milestone)
    for task, dependency in zip(tasks[1:], tasks, strict=False):
        task.dependencies.add(dependency)


def populate_comments(team, count):
    task = bulk_tasks(1, track=team.track, owner=team.member)[0]
    Comment.objects.bulk_create(
        Comment(task=task, author=team.other if i % 2 else team.member, text=f"Opmerking {i}")
        for i in range(count)
    )
    return f"tasks/{task.number}/comments/"


def populate_members(team, count):
    for index in range(count - 4):  # The team has four members already.
        MemberFactory(group=team.group, user=UserFactory(username=f"lid-{index}"))


# (address, populate, who reads, queries). Public: count, page. Members: the member
# check, then count and page (page numbers) or the page alone (cursor).
LISTS = {
    "tracks": ("tracks/", populate_tracks, "anonymous", 2),
    "milestones": ("milestones/", populate_milestones, "anonymous", 2),
    "public-tasks": ("public-tasks/", populate_public_tasks, "anonymous", 2),
    # Plus the public tasks of the page's decisions, in one query.
    "decisions": ("decisions/", populate_decisions, "anonymous", 3),
    # Member; page; the dependencies of the page's tasks.
    "tasks": ("tasks/", populate_tasks, "member", 3),
    # Member; the task; page.
    "comments": (None, populate_comments, "member", 3),
    "members": ("members/", populate_members, "member", 3),
}


@pytest.mark.parametrize("size", [SMALL, LARGE])
@pytest.mark.parametrize("name", LISTS)
def test_list_queries_do_not_grow_with_data(team, django_assert_num_queries, name, size):
    address, populate, reader, queries = LISTS[name]
    address = populate(team, size) or address
    # A freshly loaded user, as on a real request: its Member is not cached yet.
    user = User.objects.get(pk=team.member.user.pk) if reader == "member" else None
    client = api_client(user)

    with django_assert_num_queries(queries):
        response = client.get(f"{API}/{address}")

    assert response.status_code == 200
    assert len(response.json()["results"]) == min(size, 25)


def test_the_large_set_is_really_larger(team):
    populate_public_tasks(team, LARGE)
    populate_milestones(team, LARGE)

    assert Task.objects.public().count() == 3 * LARGE
    assert Milestone.objects.public().count() == LARGE + 1


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_a_public_task_page_spanning_every_track_costs_two_queries(
    team, django_assert_num_queries, size
):
    # Public tasks are read a track at a time (their order starts with the track's), and a
    # page's per-track parts are one query: the tallies, then the page, whatever it spans.
    tracks = [team.track] + [
        TrackFactory(group=team.group, slug=f"track-{index}", order=index + 1) for index in range(2)
    ]
    for track in tracks:
        bulk_tasks(size, track=track, owner=team.member, visibility=Visibility.PUBLIC)
    last_page = -(-3 * size // 25)

    with django_assert_num_queries(2):
        response = api_client().get(f"{API}/public-tasks/?page={last_page}")

    assert response.status_code == 200
    assert response.json()["count"] == 3 * size
