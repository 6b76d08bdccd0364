"""The members' area: sign-in, board, list filters, sorting, pagination and exports."""

import datetime

import pytest
from django.utils import timezone

from tests.working_group.factories import MilestoneFactory, TaskFactory, TrackFactory, bulk_tasks
from tests.working_group.helpers import task_url, url
from working_group.models import Task
from working_group.selectors import BOARD_CARDS_PER_STATE

pytestmark = pytest.mark.django_db


def references(response):
    return [task.reference for task in response.context["page_obj"]]


def test_a_member_signs_in_on_the_members_page_and_lands_on_the_board(client, member):
    member.user.set_password("a long enough password")
    member.user.save()

    response = client.post(
        url("login"), {"username": member.user.username, "password": "a long enough password"}
    )

    assert response.status_code == 302
    assert response.url == url("board")


def test_the_board_puts_each_task_in_the_column_of_its_state(member_client, member, track):
    blocked = TaskFactory(track=track, owner=member, state=Task.State.BLOCKED, blocked_reason="x")

    response = member_client.get(url("board"))

    columns = {state.value: cards for state, cards, _total in response.context["columns"]}
    assert [card["reference"] for card in columns["blocked"]] == [blocked.reference]
    assert columns["todo"] == []


def test_the_board_filters_by_track(member_client, member, group, track):
    other = TrackFactory(group=group, slug="capability", name_nl="Capacitair")
    TaskFactory(track=track, owner=member, title_nl="In budget")
    TaskFactory(track=other, owner=member, title_nl="In capaciteit")

    text = member_client.get(url("board") + "?track=capability").text

    assert "In capaciteit" in text
    assert "In budget" not in text


def test_a_board_column_shows_at_most_its_cap_of_cards_and_counts_them_all(
    member_client, member, track
):
    bulk_tasks(BOARD_CARDS_PER_STATE + 5, track=track, owner=member)

    response = member_client.get(url("board"))

    todo = next(column for column in response.context["columns"] if column[0] == "todo")
    assert len(todo[1]) == BOARD_CARDS_PER_STATE
    assert todo[2] == BOARD_CARDS_PER_STATE + 5
    assert response.text.count('class="wg-card"') == BOARD_CARDS_PER_STATE


def test_a_capped_column_links_to_the_list_of_its_state_in_the_chosen_track(
    member_client, member, track
):
    bulk_tasks(BOARD_CARDS_PER_STATE + 1, track=track, owner=member)

    text = member_client.get(url("board") + f"?track={track.slug}").text

    assert f"{url('task_list')}?state=todo&amp;track={track.pk}&amp;sort=-priority" in text
    assert f"All {BOARD_CARDS_PER_STATE + 1} tasks in “To do”" in text


def test_a_column_within_its_cap_has_no_link_to_the_list(member_client, member, track):
    TaskFactory(track=track, owner=member)

    text = member_client.get(url("board")).text

    assert "?state=todo" not in text


def test_the_board_shows_the_most_urgent_cards_first(member_client, member, track):
    bulk_tasks(BOARD_CARDS_PER_STATE, track=track, owner=member, priority=1)
    urgent = TaskFactory(track=track, owner=member, priority=4)

    response = member_client.get(url("board"))

    todo = next(column for column in response.context["columns"] if column[0] == "todo")
    assert todo[1][0]["reference"] == urgent.reference


def test_my_tasks_lists_only_the_members_own_tasks(member_client, member, other_member, track):
    mine = TaskFactory(track=track, owner=member)
    TaskFactory(track=track, owner=other_member)

    response = member_client.get(url("task_list") + f"?owner={member.pk}")

    assert references(response) == [mine.reference]


def test_overdue_lists_open_tasks_past_their_due_date(member_client, member, track):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    late = TaskFactory(track=track, owner=member, due_date=yesterday)
    TaskFactory(track=track, owner=member, due_date=yesterday, state=Task.State.DONE, progress=100)
    TaskFactory(track=track, owner=member, due_date=timezone.localdate())

    response = member_client.get(url("task_list") + "?overdue=true")

    assert references(response) == [late.reference]


@pytest.mark.parametrize("name", ["state", "milestone", "track"])
def test_the_list_filters_by_state_milestone_and_track(member_client, member, track, name):
    milestone = MilestoneFactory()
    wanted = TaskFactory(
        track=track, owner=member, state=Task.State.IN_PROGRESS, milestone=milestone
    )
    other_track = TrackFactory(group=track.group, slug="other")
    TaskFactory(track=other_track, owner=member)
    value = {"state": "in_progress", "milestone": milestone.pk, "track": track.pk}[name]

    response = member_client.get(url("task_list") + f"?{name}={value}")

    assert references(response) == [wanted.reference]


def test_the_list_sorts_by_due_date_and_by_priority(member_client, member, track):
    late = TaskFactory(track=track, owner=member, due_date=datetime.date(2030, 1, 1), priority=4)
    soon = TaskFactory(track=track, owner=member, due_date=datetime.date(2029, 1, 1), priority=1)

    by_due = member_client.get(url("task_list") + "?sort=due_date")
    by_priority = member_client.get(url("task_list") + "?sort=-priority")

    assert references(by_due) == [soon.reference, late.reference]
    assert references(by_priority) == [late.reference, soon.reference]


def test_the_list_is_paginated_and_keeps_its_filters(member_client, member, track):
    bulk_tasks(30, track=track, owner=member)

    response = member_client.get(url("task_list") + "?state=todo&page=2")

    assert len(response.context["page_obj"]) == 5
    assert "state=todo&amp;page=1" in response.text


def test_the_task_page_shows_dependencies_comments_and_history(member_client, member, track):
    from working_group import services

    first = TaskFactory(track=track, owner=member, title_nl="Eerst dit")
    task = services.task_create(
        by=member.user, title="Dan dat", track=track, owner=member, dependencies=[first]
    )
    services.task_comment(task=task, by=member.user, text="Begonnen.")

    text = member_client.get(task_url("task_detail", task)).text

    assert "Eerst dit" in text
    assert "Begonnen." in text
    assert member.user.username in text  # History names who saved each version.


def test_the_members_export_neutralises_spreadsheet_formulas(member_client, member, track):
    TaskFactory(track=track, owner=member, title_nl="=HYPERLINK(1)")

    text = member_client.get(url("task_export")).getvalue().decode()

    assert "'=HYPERLINK(1)" in text


def test_the_members_export_streams_so_memory_stays_flat(member_client, member, track):
    TaskFactory(track=track, owner=member)

    response = member_client.get(url("task_export"))

    assert response.streaming


@pytest.mark.parametrize("who", ["user_without_role", "role_only_user", "editor", "superuser"])
def test_non_members_cannot_create_or_edit_tasks(client, request, member, track, who):
    task = TaskFactory(track=track, owner=member, title_nl="Ongewijzigd")
    client.force_login(request.getfixturevalue(who))
    payload = {"title_nl": "Gewijzigd", "track": track.pk, "owner": member.pk, "priority": 2,
               "visibility": "internal", "version": 1}  # fmt: skip

    created = client.post(url("task_create"), payload)
    edited = client.post(task_url("task_edit", task), payload)

    assert (created.status_code, edited.status_code) == (403, 403)
    assert list(Task.objects.values_list("title_nl", flat=True)) == ["Ongewijzigd"]


def test_the_create_form_stores_the_dutch_source_and_optional_translations(
    member_client, member, track
):
    member_client.post(
        url("task_create"),
        {"title_nl": "Plan", "title_fr": "Plan FR", "description_nl": "Uitleg",
         "description_fr": "Explication", "track": track.pk, "owner": member.pk,
         "priority": 2, "visibility": "public"},
    )  # fmt: skip

    task = Task.objects.get()
    assert (task.title_nl, task.title_fr, task.description_fr) == ("Plan", "Plan FR", "Explication")


def test_the_edit_form_saves_details_and_bumps_the_version(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(
        task_url("task_edit", task),
        {"version": 1, "title_nl": "Herzien", "title_de": "Überarbeitet", "track": track.pk,
         "priority": 4, "visibility": "internal", "due_date": "2030-01-01"},
    )  # fmt: skip

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.title_nl, task.title_de, task.priority, task.version) == (
        "Herzien", "Überarbeitet", 4, 2,
    )  # fmt: skip
    assert task.owner == member
