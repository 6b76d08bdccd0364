"""Acceptance 3: the board and the public page cost the same queries for 20 or 2,000 tasks.

Guards against N+1 queries from cards (track, owner, milestone), progress per track or
milestone, and the tasks linked to public decisions.
"""

import pytest

from tests.working_group.factories import (
    DecisionFactory,
    MeetingFactory,
    MilestoneFactory,
    TaskFactory,
    bulk_tasks,
)
from tests.working_group.helpers import url
from working_group.models import Task, Visibility
from working_group.selectors import BOARD_CARDS_PER_STATE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

# Session, user, member; tracks for the filter; the number of tasks per state (from the
# tallies); then per state (a fixed list) its first cards with track, owner, milestone.
BOARD_QUERIES = 5 + len(Task.State.values)
# Group, chair, tracks with progress, milestones count and page (with progress), decisions
# count and page, the public tasks of those decisions.
PUBLIC_PAGE_QUERIES = 8


@pytest.fixture
def populate(group, track, member):
    milestone = MilestoneFactory()
    decision = DecisionFactory(meeting=MeetingFactory(group=group))

    def populate(count):
        half = count // 2
        public = bulk_tasks(
            half, track=track, owner=member, visibility=Visibility.PUBLIC, milestone=milestone
        )
        bulk_tasks(count - half, track=track, owner=member, milestone=milestone)
        decision.tasks.add(*public[:10])
        assert Task.objects.count() == count

    return populate


@pytest.mark.parametrize("count", [20, 2000])
def test_board_queries_do_not_grow_with_tasks(
    member_client, populate, django_assert_num_queries, count
):
    populate(count)

    with django_assert_num_queries(BOARD_QUERIES):
        response = member_client.get(url("board"))

    assert response.status_code == 200
    assert response.text.count('class="wg-card"') == min(count, BOARD_CARDS_PER_STATE)


@pytest.mark.parametrize("per_state", [20, 200])
def test_board_queries_do_not_grow_with_tasks_in_every_state(
    member_client, member, track, django_assert_num_queries, per_state
):
    for state in Task.State.values:
        extra = {"progress": 100} if state == "done" else {}
        extra |= {"blocked_reason": "wacht"} if state == "blocked" else {}
        bulk_tasks(per_state, track=track, owner=member, state=state, **extra)

    with django_assert_num_queries(BOARD_QUERIES):
        response = member_client.get(url("board") + f"?track={track.slug}")

    shown = min(per_state, BOARD_CARDS_PER_STATE) * len(Task.State.values)
    assert response.text.count('class="wg-card"') == shown


@pytest.mark.parametrize("count", [20, 2000])
def test_public_page_queries_do_not_grow_with_tasks(
    client, populate, django_assert_num_queries, count
):
    populate(count)

    with django_assert_num_queries(PUBLIC_PAGE_QUERIES):
        response = client.get(url("index"))

    assert response.status_code == 200
    assert "Progress of public tasks: 0 %" in response.text


def count_queries(client, address):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_task_list_queries_do_not_grow_with_tasks(member_client, populate):
    # The list is paginated; filter choices (tracks, members, milestones) are one query each.
    populate(20)
    small = count_queries(member_client, url("task_list") + "?sort=-priority")
    Task.objects.all().delete()
    populate(2000)
    large = count_queries(member_client, url("task_list") + "?sort=-priority")

    assert small == large


def test_task_page_queries_do_not_grow_with_comments_dependencies_and_history(
    member_client, member, track
):
    from working_group import services

    def build(size):
        others = [TaskFactory(track=track, owner=member) for _ in range(size)]
        task = services.task_create(
            by=member.user, title="Kern", track=track, owner=member, dependencies=others
        )
        for index in range(size):
            services.task_comment(task=task, by=member.user, text=f"Opmerking {index}")
            services.task_set_progress(
                task=task, expected_version=task.version, by=member.user, progress=index
            )
            task.refresh_from_db()
        return task

    small = count_queries(member_client, build(1).get_absolute_url())
    large = count_queries(member_client, build(15).get_absolute_url())

    assert small == large
