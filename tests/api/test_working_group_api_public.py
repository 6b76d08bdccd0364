"""The working group's public endpoints tell what the public page tells, never more."""

import json

import pytest

from tests.api.working_group_support import API, api_client, walk
from tests.working_group.factories import (
    CommentFactory,
    DecisionFactory,
    MeetingFactory,
    MilestoneFactory,
    TaskFactory,
    TrackFactory,
)
from working_group.models import Task, Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_api_throttling")]


@pytest.fixture
def anonymous():
    return api_client()


def test_track_progress_counts_public_tasks_only(anonymous, team):
    TaskFactory(track=team.track, owner=team.member, visibility=Visibility.PUBLIC, progress=40)
    TaskFactory(track=team.track, owner=team.member, progress=100)

    track = anonymous.get(f"{API}/tracks/{team.track.slug}/").json()

    assert track["progress"] == 40


def test_track_without_public_tasks_has_no_progress_rather_than_zero(anonymous, team):
    TaskFactory(track=team.track, owner=team.member, progress=100)

    track = anonymous.get(f"{API}/tracks/{team.track.slug}/").json()

    assert track["progress"] is None


def test_milestone_progress_counts_public_tasks_only(anonymous, team):
    milestone = MilestoneFactory()
    TaskFactory(
        track=team.track, owner=team.member, milestone=milestone, visibility=Visibility.PUBLIC
    )
    TaskFactory(track=team.track, owner=team.member, milestone=milestone, progress=100)

    assert anonymous.get(f"{API}/milestones/{milestone.pk}/").json()["progress"] == 0


def test_public_task_is_identified_by_an_opaque_id_not_its_number(anonymous, team):
    task = TaskFactory(track=team.track, owner=team.member, visibility=Visibility.PUBLIC)

    listed = anonymous.get(f"{API}/public-tasks/").json()["results"][0]

    assert listed["id"] == str(task.public_id)
    assert "number" not in listed and "reference" not in listed
    assert task.reference not in json.dumps(listed)


def test_public_task_detail_answers_by_its_public_id(anonymous, team):
    task = TaskFactory(track=team.track, owner=team.member, visibility=Visibility.PUBLIC)

    response = anonymous.get(f"{API}/public-tasks/{task.public_id}/")

    assert response.status_code == 200
    assert response.json()["title"] == task.title


def test_public_task_under_an_internal_milestone_shows_no_milestone(anonymous, team):
    internal = MilestoneFactory(visibility=Visibility.INTERNAL, title_nl="Interne mijlpaal")
    task = TaskFactory(
        track=team.track, owner=team.member, milestone=internal, visibility=Visibility.PUBLIC
    )

    response = anonymous.get(f"{API}/public-tasks/{task.public_id}/")

    assert response.json()["milestone"] is None
    assert "Interne mijlpaal" not in response.text


def test_filtering_public_tasks_by_an_internal_milestone_finds_nothing(anonymous, team):
    internal = MilestoneFactory(visibility=Visibility.INTERNAL)
    TaskFactory(
        track=team.track, owner=team.member, milestone=internal, visibility=Visibility.PUBLIC
    )

    response = anonymous.get(f"{API}/public-tasks/?milestone={internal.pk}")

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_filtering_public_tasks_by_a_public_milestone(anonymous, team):
    milestone = MilestoneFactory()
    task = TaskFactory(
        track=team.track, owner=team.member, milestone=milestone, visibility=Visibility.PUBLIC
    )
    TaskFactory(track=team.track, owner=team.member, visibility=Visibility.PUBLIC)

    results = anonymous.get(f"{API}/public-tasks/?milestone={milestone.pk}").json()["results"]

    assert [result["id"] for result in results] == [str(task.public_id)]


def test_filtering_public_tasks_by_track_short_name(anonymous, team):
    other_track = TrackFactory(group=team.group, slug="capability", name_nl="Capaciteiten")
    TaskFactory(track=team.track, owner=team.member, visibility=Visibility.PUBLIC)
    wanted = TaskFactory(track=other_track, owner=team.member, visibility=Visibility.PUBLIC)

    results = anonymous.get(f"{API}/public-tasks/?track=capability").json()["results"]

    assert [result["id"] for result in results] == [str(wanted.public_id)]


@pytest.fixture
def tasks_in_three_tracks(team):
    """Public tasks in three tracks, two of which share an order, with mixed due dates."""
    import datetime

    tracks = [
        team.track,
        TrackFactory(group=team.group, slug="later", name_nl="Later", order=5),
        TrackFactory(group=team.group, slug="also-later", name_nl="Ook later", order=5),
    ]
    team.track.order = 1
    team.track.save()
    tasks = []
    for index in range(9):
        due = datetime.date(2016, 1, 1) + datetime.timedelta(days=(index * 7) % 5)
        tasks.append(
            TaskFactory(
                track=tracks[index % 3],
                owner=team.member,
                visibility=Visibility.PUBLIC,
                due_date=due if index % 4 else None,
            )
        )
    TaskFactory(track=tracks[1], owner=team.member)  # Internal: never listed.
    return tasks


def in_list_order(tasks):
    from django.db import connection

    # The list's order: track order, due date, id; the database decides where no date sorts.
    none_last = connection.features.nulls_order_largest

    def key(task):
        missing = task.due_date is None
        rank = missing if none_last else not missing
        return (task.track.order, rank, task.due_date or 0, str(task.public_id))

    return [str(task.public_id) for task in sorted(tasks, key=key)]


def test_public_tasks_are_listed_by_track_order_then_due_date_across_pages(
    anonymous, tasks_in_three_tracks
):
    results = walk(anonymous, f"{API}/public-tasks/?page_size=2")

    assert [result["id"] for result in results] == in_list_order(tasks_in_three_tracks)


def test_public_task_pages_count_public_tasks_only(anonymous, tasks_in_three_tracks):
    body = anonymous.get(f"{API}/public-tasks/?page_size=2").json()

    assert body["count"] == 9


def test_public_tasks_of_one_track_are_paged_in_order(anonymous, tasks_in_three_tracks):
    wanted = [task for task in tasks_in_three_tracks if task.track.slug == "later"]

    results = walk(anonymous, f"{API}/public-tasks/?track=later&page_size=2")

    assert [result["id"] for result in results] == in_list_order(wanted)


def test_empty_filter_value_is_refused_rather_than_ignored(anonymous, team):
    response = anonymous.get(f"{API}/public-tasks/?track=")

    assert response.status_code == 400
    assert "track" in response.json()["field_errors"]


def test_malformed_page_size_is_refused(anonymous, team):
    response = anonymous.get(f"{API}/public-tasks/?page_size=many")

    assert response.status_code == 400
    assert "page_size" in response.json()["field_errors"]


def test_public_decision_lists_only_its_public_tasks(anonymous, team):
    public = TaskFactory(track=team.track, owner=team.member, visibility=Visibility.PUBLIC)
    internal = TaskFactory(track=team.track, owner=team.member, title_nl="Geheime taak")
    decision = DecisionFactory(meeting=MeetingFactory(group=team.group))
    decision.tasks.add(public, internal)

    body = anonymous.get(f"{API}/decisions/{decision.pk}/").json()

    assert [task["id"] for task in body["tasks"]] == [str(public.public_id)]
    assert body["date"] == decision.meeting.date.isoformat()


def test_translated_title_says_which_language_was_served(anonymous, team):
    task = TaskFactory(
        track=team.track,
        owner=team.member,
        visibility=Visibility.PUBLIC,
        title_nl="Begroting",
        title_fr="Budget",
    )

    french = anonymous.get(f"{API}/public-tasks/{task.public_id}/?lang=fr").json()
    german = anonymous.get(f"{API}/public-tasks/{task.public_id}/?lang=de").json()

    assert (french["title"], french["served_languages"]["title"]) == ("Budget", "fr")
    assert (german["title"], german["served_languages"]["title"]) == ("Begroting", "nl")


def test_public_list_answers_304_to_a_matching_etag(anonymous, team):
    TaskFactory(track=team.track, owner=team.member, visibility=Visibility.PUBLIC)
    first = anonymous.get(f"{API}/public-tasks/")

    again = anonymous.get(f"{API}/public-tasks/", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304


# Acceptance 2: nothing internal on any public list (all pages) or detail.


@pytest.fixture
def hidden(team):
    """Internal items next to public ones; returns what must never show publicly."""
    public_milestone = MilestoneFactory(title_nl="Publieke mijlpaal")
    internal_milestone = MilestoneFactory(
        visibility=Visibility.INTERNAL, title_nl="GEHEIM mijlpaal"
    )
    public_meeting = MeetingFactory(group=team.group)
    internal_meeting = MeetingFactory(group=team.group, visibility=Visibility.INTERNAL)
    for index in range(3):
        TaskFactory(
            track=team.track,
            owner=team.member,
            visibility=Visibility.PUBLIC,
            milestone=internal_milestone if index == 0 else public_milestone,
            title_nl=f"Publieke taak {index}",
        )
    internal_tasks = [
        TaskFactory(
            track=team.track,
            owner=team.member,
            milestone=public_milestone,
            title_nl=f"GEHEIM taak {index}",
        )
        for index in range(3)
    ]
    public_decision = DecisionFactory(meeting=public_meeting, text_nl="Publiek besluit")
    public_decision.tasks.add(*internal_tasks, *Task.objects.public())
    internal_decisions = [
        DecisionFactory(meeting=public_meeting, visibility=Visibility.INTERNAL),
        DecisionFactory(meeting=internal_meeting),  # Public itself, but its meeting is not.
    ]
    for decision in internal_decisions:
        decision.text_nl = f"GEHEIM besluit {decision.pk}"
        decision.save()
    comments = [CommentFactory(task=task, author=team.member) for task in Task.objects.all()]
    for comment in comments:
        comment.text = f"GEHEIM opmerking {comment.pk}"
        comment.save()
    return {
        "titles": ["GEHEIM", team.member.name, *(task.reference for task in internal_tasks)],
        "task_ids": {str(task.public_id) for task in internal_tasks},
        "milestone_ids": {internal_milestone.pk},
        "decision_ids": {decision.pk for decision in internal_decisions},
    }


PUBLIC_LISTS = ["tracks", "milestones", "public-tasks", "decisions"]


def test_public_lists_and_details_never_show_internal_items(anonymous, hidden):
    seen = {name: walk(anonymous, f"{API}/{name}/?page_size=1") for name in PUBLIC_LISTS}
    details = [
        *(anonymous.get(f"{API}/tracks/{track['slug']}/") for track in seen["tracks"]),
        *(anonymous.get(f"{API}/milestones/{item['id']}/") for item in seen["milestones"]),
        *(anonymous.get(f"{API}/public-tasks/{item['id']}/") for item in seen["public-tasks"]),
        *(anonymous.get(f"{API}/decisions/{item['id']}/") for item in seen["decisions"]),
    ]
    text = json.dumps(seen) + "".join(response.text for response in details)

    assert all(response.status_code == 200 for response in details)
    assert [len(seen[name]) for name in PUBLIC_LISTS] == [1, 1, 3, 1]
    assert not any(title in text for title in hidden["titles"])
    assert not any(task_id in text for task_id in hidden["task_ids"])
    assert {item["id"] for item in seen["milestones"]}.isdisjoint(hidden["milestone_ids"])
    assert {item["id"] for item in seen["decisions"]}.isdisjoint(hidden["decision_ids"])
    assert '"number"' not in text and "WG-" not in text


def test_internal_items_have_no_public_detail(anonymous, hidden):
    addresses = [
        *(f"{API}/public-tasks/{task_id}/" for task_id in hidden["task_ids"]),
        *(f"{API}/milestones/{pk}/" for pk in hidden["milestone_ids"]),
        *(f"{API}/decisions/{pk}/" for pk in hidden["decision_ids"]),
    ]

    assert [anonymous.get(address).status_code for address in addresses] == [404] * 6


def test_comments_have_no_public_endpoint(anonymous, hidden):
    task = Task.objects.public().first()

    response = anonymous.get(f"{API}/tasks/{task.number}/comments/")

    assert response.status_code == 401
    assert "GEHEIM" not in response.text
