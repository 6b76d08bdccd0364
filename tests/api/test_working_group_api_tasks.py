"""Members script their tasks through the API with the members' area's rules."""

import datetime

import pytest
from django.conf import settings

from tests.api.working_group_support import API, api_client, walk
from tests.working_group.factories import CommentFactory, MilestoneFactory, TaskFactory
from working_group.models import Task, Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_api_throttling")]


@pytest.fixture
def member_api(team):
    return api_client(team.member.user)


@pytest.fixture
def task(team):
    return TaskFactory(track=team.track, owner=team.member)


def test_member_creates_a_task_with_the_next_number_and_owns_it(member_api, team, task):
    response = member_api.post(
        f"{API}/tasks/",
        {"title_nl": "Nieuwe taak", "title_fr": "Nouvelle tâche", "track": team.track.pk},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["number"], body["reference"]) == (task.number + 1, f"WG-{task.number + 1}")
    assert body["owner"]["id"] == team.member.pk
    assert Task.objects.get(number=body["number"]).title_fr == "Nouvelle tâche"


def test_creating_a_task_records_who_created_it(member_api, team):
    number = member_api.post(
        f"{API}/tasks/", {"title_nl": "Nieuwe taak", "track": team.track.pk}, format="json"
    ).json()["number"]

    record = Task.objects.get(number=number).history.get()
    assert record.history_user == team.member.user


def test_creating_a_task_without_a_dutch_title_names_the_field(member_api, team):
    response = member_api.post(f"{API}/tasks/", {"track": team.track.pk}, format="json")

    assert response.status_code == 400
    assert list(response.json()["field_errors"]) == ["title_nl"]


def test_creating_a_task_for_an_inactive_owner_is_refused_by_field(member_api, team):
    team.other.active = False
    team.other.save()

    response = member_api.post(
        f"{API}/tasks/",
        {"title_nl": "Taak", "track": team.track.pk, "owner": team.other.pk},
        format="json",
    )

    assert response.status_code == 400
    assert "owner" in response.json()["field_errors"]


def test_due_date_before_start_date_is_refused_on_the_due_date(member_api, team):
    response = member_api.post(
        f"{API}/tasks/",
        {
            "title_nl": "Taak",
            "track": team.track.pk,
            "start_date": "2016-02-01",
            "due_date": "2016-01-01",
        },
        format="json",
    )

    assert response.status_code == 400
    assert "due_date" in response.json()["field_errors"]


def test_number_given_as_text_is_refused(member_api, team):
    response = member_api.post(
        f"{API}/tasks/", {"title_nl": "Taak", "track": str(team.track.pk)}, format="json"
    )

    assert response.status_code == 400
    assert "track" in response.json()["field_errors"]


def test_creating_a_task_stores_a_title_in_every_language_of_the_portal(member_api, team):
    titles = {f"title_{code}": f"Titel {code}" for code, _name in settings.LANGUAGES}

    response = member_api.post(f"{API}/tasks/", {**titles, "track": team.track.pk}, format="json")

    assert response.status_code == 201
    assert {name: response.json()[name] for name in titles} == titles


def test_priority_given_as_text_is_refused(member_api, team):
    response = member_api.post(
        f"{API}/tasks/",
        {"title_nl": "Taak", "track": team.track.pk, "priority": "3"},
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()["field_errors"]) == ["priority"]


def test_a_null_translation_is_refused_rather_than_stored(member_api, team):
    response = member_api.post(
        f"{API}/tasks/",
        {"title_nl": "Taak", "title_fr": None, "track": team.track.pk},
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()["field_errors"]) == ["title_fr"]


def test_an_empty_dutch_title_is_refused_on_update(member_api, task):
    response = member_api.patch(
        f"{API}/tasks/{task.number}/", {"version": 1, "title_nl": ""}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()["field_errors"]) == ["title_nl"]


def test_member_updates_details_with_the_current_version(member_api, task):
    response = member_api.patch(
        f"{API}/tasks/{task.number}/",
        {"version": task.version, "title_nl": "Nieuwe titel", "dependencies": []},
        format="json",
    )

    assert response.status_code == 200
    assert (response.json()["title_nl"], response.json()["version"]) == ("Nieuwe titel", 2)


def test_stale_version_answers_409_and_keeps_the_stored_task(member_api, task, team):
    member_api.patch(
        f"{API}/tasks/{task.number}/", {"version": 1, "title_nl": "Eerst"}, format="json"
    )

    response = member_api.patch(
        f"{API}/tasks/{task.number}/", {"version": 1, "title_nl": "Daarna"}, format="json"
    )

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "conflict"
    assert body["current_version"] == 2
    assert task.reference in body["detail"]
    task.refresh_from_db()
    assert task.title_nl == "Eerst"


def test_update_without_version_is_refused(member_api, task):
    response = member_api.patch(f"{API}/tasks/{task.number}/", {"title_nl": "X"}, format="json")

    assert response.status_code == 400
    assert "version" in response.json()["field_errors"]


def test_dependency_circle_is_refused_on_the_dependencies_field(member_api, task, team):
    other = TaskFactory(track=team.track, owner=team.member)
    other.dependencies.add(task)

    response = member_api.patch(
        f"{API}/tasks/{task.number}/",
        {"version": task.version, "dependencies": [other.number]},
        format="json",
    )

    assert response.status_code == 400
    assert "dependencies" in response.json()["field_errors"]


def test_unknown_dependency_number_is_named(member_api, task):
    response = member_api.patch(
        f"{API}/tasks/{task.number}/", {"version": 1, "dependencies": [999]}, format="json"
    )

    assert response.status_code == 400
    assert "999" in response.json()["field_errors"]["dependencies"][0]


def test_member_changes_the_state(member_api, task):
    response = member_api.post(
        f"{API}/tasks/{task.number}/state/", {"version": 1, "state": "in_progress"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["state"] == "in_progress"


def test_blocking_needs_a_reason(member_api, task):
    response = member_api.post(
        f"{API}/tasks/{task.number}/state/", {"version": 1, "state": "blocked"}, format="json"
    )

    assert response.status_code == 400
    assert "blocked_reason" in response.json()["field_errors"]


def test_done_is_refused_while_a_dependency_is_open(member_api, task, team):
    task.dependencies.add(TaskFactory(track=team.track, owner=team.member))

    response = member_api.post(
        f"{API}/tasks/{task.number}/state/", {"version": 1, "state": "done"}, format="json"
    )

    assert response.status_code == 400
    assert "state" in response.json()["field_errors"]


def test_stale_state_change_answers_409(member_api, task):
    member_api.post(
        f"{API}/tasks/{task.number}/progress/", {"version": 1, "progress": 10}, format="json"
    )

    response = member_api.post(
        f"{API}/tasks/{task.number}/state/", {"version": 1, "state": "done"}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["current_version"] == 2


def test_member_sets_progress(member_api, task):
    response = member_api.post(
        f"{API}/tasks/{task.number}/progress/", {"version": 1, "progress": 60}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["progress"] == 60


def test_progress_above_100_is_refused(member_api, task):
    response = member_api.post(
        f"{API}/tasks/{task.number}/progress/", {"version": 1, "progress": 101}, format="json"
    )

    assert response.status_code == 400
    assert "progress" in response.json()["field_errors"]


def test_lowering_progress_of_a_done_task_is_refused(member_api, task):
    member_api.post(
        f"{API}/tasks/{task.number}/state/", {"version": 1, "state": "done"}, format="json"
    )

    response = member_api.post(
        f"{API}/tasks/{task.number}/progress/", {"version": 2, "progress": 50}, format="json"
    )

    assert response.status_code == 400
    assert "progress" in response.json()["field_errors"]


def test_owner_reassigns_their_task(member_api, task, team):
    response = member_api.post(
        f"{API}/tasks/{task.number}/owner/", {"version": 1, "owner": team.other.pk}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["owner"] == {"id": team.other.pk, "name": team.other.name}


def test_comments_are_listed_oldest_first_for_members(member_api, task, team):
    CommentFactory(task=task, author=team.other, text="Eerste")
    CommentFactory(task=task, author=team.member, text="Tweede")

    comments = walk(member_api, f"{API}/tasks/{task.number}/comments/?page_size=1")

    assert [comment["text"] for comment in comments] == ["Eerste", "Tweede"]


def test_member_comments_on_a_task(member_api, task, team):
    response = member_api.post(
        f"{API}/tasks/{task.number}/comments/", {"text": "  Klaar voor review.  "}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["author"]["id"] == team.member.pk
    assert task.comments.get().text == "Klaar voor review."


def test_blank_comment_is_refused(member_api, task):
    response = member_api.post(
        f"{API}/tasks/{task.number}/comments/", {"text": "   "}, format="json"
    )

    assert response.status_code == 400
    assert "text" in response.json()["field_errors"]


def test_comments_of_an_unknown_task_answer_404(member_api, team):
    assert member_api.get(f"{API}/tasks/999/comments/").status_code == 404


def test_commenting_on_an_unknown_task_answers_404(member_api, team):
    response = member_api.post(f"{API}/tasks/999/comments/", {"text": ""}, format="json")

    assert response.status_code == 404


def test_member_list_shows_internal_and_public_tasks_by_number(member_api, task, team):
    public = TaskFactory(track=team.track, owner=team.member, visibility=Visibility.PUBLIC)

    numbers = [item["number"] for item in walk(member_api, f"{API}/tasks/?page_size=1")]

    assert numbers == [task.number, public.number]


def test_members_list_filters_by_owner_state_and_milestone(member_api, team):
    milestone = MilestoneFactory(visibility=Visibility.INTERNAL)
    wanted = TaskFactory(track=team.track, owner=team.other, milestone=milestone)
    TaskFactory(track=team.track, owner=team.other)
    TaskFactory(track=team.track, owner=team.member, milestone=milestone)

    query = f"owner={team.other.pk}&state=todo&milestone={milestone.pk}&track={team.track.pk}"
    results = member_api.get(f"{API}/tasks/?{query}").json()["results"]

    assert [item["number"] for item in results] == [wanted.number]


def test_mine_lists_only_the_acting_members_tasks(member_api, task, team):
    TaskFactory(track=team.track, owner=team.other)

    results = member_api.get(f"{API}/tasks/?mine=true").json()["results"]

    assert [item["number"] for item in results] == [task.number]


def test_overdue_lists_open_tasks_past_their_due_date(member_api, team):
    past = datetime.date(2016, 1, 1)
    late = TaskFactory(track=team.track, owner=team.member, due_date=past)
    TaskFactory(track=team.track, owner=team.member, due_date=past, state="done", progress=100)
    TaskFactory(track=team.track, owner=team.member, due_date=datetime.date(2999, 1, 1))

    results = member_api.get(f"{API}/tasks/?overdue=true").json()["results"]

    assert [item["number"] for item in results] == [late.number]


def test_unreadable_boolean_filter_is_refused(member_api, team):
    response = member_api.get(f"{API}/tasks/?overdue=maybe")

    assert response.status_code == 400
    assert "overdue" in response.json()["field_errors"]


def test_newest_first_ordering_with_cursor_pages(member_api, team):
    tasks = [TaskFactory(track=team.track, owner=team.member) for _ in range(3)]

    numbers = [item["number"] for item in walk(member_api, f"{API}/tasks/?ordering=-number")]

    assert numbers == [task.number for task in reversed(tasks)]


def test_members_endpoint_lists_active_members_for_owner_ids(member_api, team):
    team.secretary.active = False
    team.secretary.save()

    names = [item["name"] for item in walk(member_api, f"{API}/members/")]

    assert names == sorted([team.member.name, team.other.name, team.chair.name])
