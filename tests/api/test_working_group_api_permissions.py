"""Acceptance 3: who may do each write (and read) of the members' API (ADR 0004).

Only an active ``Member`` linked to the user may act; the ``Working group`` role without
a Member row, the editors' roles and superuser status give no access. Reassigning needs
the task's owner, the chair or the secretary.
"""

import pytest

from core import roles
from tests.api.working_group_support import API, api_client
from tests.factories import UserFactory
from tests.working_group.factories import TaskFactory
from working_group.models import Task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_api_throttling")]


@pytest.fixture
def task(team):
    """A task of the plain member, so the chair acts on someone else's task."""
    return TaskFactory(track=team.track, owner=team.member)


def operations(team, task):
    """(method, address, body, status on success) for every write."""
    at = f"{API}/tasks/{task.number}"
    return {
        "create": ("post", f"{API}/tasks/", {"title_nl": "Taak", "track": team.track.pk}, 201),
        "update": ("patch", f"{at}/", {"version": task.version, "title_nl": "Nieuw"}, 200),
        "state": ("post", f"{at}/state/", {"version": task.version, "state": "in_progress"}, 200),
        "progress": ("post", f"{at}/progress/", {"version": task.version, "progress": 30}, 200),
        "reassign": (
            "post",
            f"{at}/owner/",
            {"version": task.version, "owner": team.other.pk},
            200,
        ),
        "comment": ("post", f"{at}/comments/", {"text": "Opmerking"}, 201),
    }


WRITES = ["create", "update", "state", "progress", "reassign", "comment"]
READS = ["tasks/", "tasks/{number}/", "tasks/{number}/comments/", "members/"]


def call(client, team, task, operation):
    method, address, body, _success = operations(team, task)[operation]
    return getattr(client, method)(address, body, format="json")


def inactive_member_user(team):
    team.other.active = False
    team.other.save()
    return team.other.user


NOT_MEMBERS = {
    "user_without_role": lambda team: UserFactory(username="no-role"),
    "role_without_member_row": lambda team: UserFactory(
        username="role-only", groups=[roles.WORKING_GROUP]
    ),
    "editor": lambda team: UserFactory(username="editor", is_staff=True, groups=[roles.EDITORS]),
    "publisher": lambda team: UserFactory(
        username="publisher", is_staff=True, groups=[roles.PUBLISHERS]
    ),
    "superuser": lambda team: UserFactory(username="admin", is_staff=True, is_superuser=True),
    "inactive_member": inactive_member_user,
}


@pytest.mark.parametrize("operation", WRITES)
def test_anonymous_gets_401_and_nothing_changes(team, task, operation):
    response = call(api_client(), team, task, operation)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert "WWW-Authenticate" in response.headers
    assert (Task.objects.count(), task.comments.count()) == (1, 0)
    assert Task.objects.get().version == 1


@pytest.mark.parametrize("operation", WRITES)
@pytest.mark.parametrize("who", NOT_MEMBERS)
def test_signed_in_non_member_gets_403_and_nothing_changes(team, task, who, operation):
    response = call(api_client(NOT_MEMBERS[who](team)), team, task, operation)

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert (Task.objects.count(), task.comments.count()) == (1, 0)
    assert Task.objects.get().version == 1


@pytest.mark.parametrize("operation", WRITES)
def test_member_may_do_every_write_on_their_own_task(team, task, operation):
    response = call(api_client(team.member.user), team, task, operation)

    assert response.status_code == operations(team, task)[operation][3], response.content


@pytest.mark.parametrize("operation", WRITES)
def test_chair_may_do_every_write_on_someone_elses_task(team, task, operation):
    response = call(api_client(team.chair.user), team, task, operation)

    assert response.status_code == operations(team, task)[operation][3], response.content


def test_member_may_not_reassign_someone_elses_task(team):
    task = TaskFactory(track=team.track, owner=team.other)

    response = api_client(team.member.user).post(
        f"{API}/tasks/{task.number}/owner/?lang=en",
        {"version": 1, "owner": team.member.pk},
        format="json",
    )

    assert response.status_code == 403
    assert "chair" in response.json()["detail"]
    task.refresh_from_db()
    assert (task.owner, task.version) == (team.other, 1)


def test_secretary_may_reassign_someone_elses_task(team, task):
    response = api_client(team.secretary.user).post(
        f"{API}/tasks/{task.number}/owner/", {"version": 1, "owner": team.other.pk}, format="json"
    )

    assert response.status_code == 200


@pytest.mark.parametrize("read", READS)
def test_anonymous_cannot_read_the_members_endpoints(team, task, read):
    response = api_client().get(f"{API}/{read.format(number=task.number)}")

    assert response.status_code == 401


@pytest.mark.parametrize("read", READS)
@pytest.mark.parametrize("who", NOT_MEMBERS)
def test_non_member_cannot_read_the_members_endpoints(team, task, who, read):
    response = api_client(NOT_MEMBERS[who](team)).get(f"{API}/{read.format(number=task.number)}")

    assert response.status_code == 403


@pytest.mark.parametrize("read", READS)
def test_member_reads_the_members_endpoints(team, task, read):
    response = api_client(team.member.user).get(f"{API}/{read.format(number=task.number)}")

    assert response.status_code == 200


def test_member_token_authenticates_a_write(team, task):
    token = api_client(team.member.user).post("/api/v1/auth/token/").json()["token"]
    script = api_client()
    script.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    response = script.post(
        f"{API}/tasks/{task.number}/progress/", {"version": 1, "progress": 5}, format="json"
    )

    assert response.status_code == 200
