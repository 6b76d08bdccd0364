"""Admin per role: tasks are read-only there (their rules live in the members' area)."""

import pytest
from django.urls import reverse

from tests.working_group.factories import MeetingFactory, TaskFactory

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "admin:working_group_task_changelist",
    "admin:working_group_milestone_changelist",
    "admin:working_group_meeting_changelist",
    "admin:working_group_decision_changelist",
    "admin:working_group_member_changelist",
]


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_superuser_sees_the_working_group_admin(client, superuser, member, track, page):
    TaskFactory(track=track, owner=member)
    MeetingFactory(group=member.group)
    client.force_login(superuser)

    assert client.get(reverse(page)).status_code == 200


@pytest.mark.parametrize("who", ["editor", "publisher"])
def test_editors_and_publishers_have_no_working_group_admin(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("admin:working_group_task_changelist")).status_code == 403


@pytest.mark.parametrize("who", ["working_group_member", "user_without_role"])
def test_non_staff_users_are_sent_to_the_admin_sign_in(client, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("admin:working_group_task_changelist"))

    assert response.status_code == 302


def test_anonymous_visitors_are_sent_to_the_admin_sign_in(client):
    assert client.get(reverse("admin:working_group_task_changelist")).status_code == 302


def test_tasks_cannot_be_added_or_deleted_in_the_admin(client, superuser, member, track):
    task = TaskFactory(track=track, owner=member)
    client.force_login(superuser)

    assert client.get(reverse("admin:working_group_task_add")).status_code == 403
    assert client.get(reverse("admin:working_group_task_delete", args=[task.pk])).status_code == 403


def test_the_admin_shows_a_task_history(client, superuser, member, track):
    from working_group import services

    task = services.task_create(by=member.user, title="Met geschiedenis", track=track, owner=member)
    client.force_login(superuser)

    response = client.get(reverse("admin:working_group_task_history", args=[task.pk]))

    assert response.status_code == 200
    assert str(task.history.get().history_change_reason) in response.text


@pytest.mark.parametrize(
    "page",
    [
        "admin:working_group_meeting_add",
        "admin:working_group_milestone_add",
        "admin:working_group_decision_add",
        "admin:working_group_workinggroup_add",
        "admin:working_group_track_add",
        "admin:working_group_member_add",
    ],
)
def test_superuser_can_open_the_add_forms(client, superuser, page):
    client.force_login(superuser)

    assert client.get(reverse(page)).status_code == 200


def test_the_admin_finds_a_task_by_its_reference(client, superuser, member, track):
    wanted = TaskFactory(track=track, owner=member, title_nl="Gezocht")
    TaskFactory(track=track, owner=member, title_nl="Iets anders")
    client.force_login(superuser)

    response = client.get(reverse("admin:working_group_task_changelist"), {"q": wanted.reference})

    assert "Gezocht" in response.text
    assert "Iets anders" not in response.text
