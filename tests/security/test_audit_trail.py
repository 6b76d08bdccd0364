"""Every change is recorded with who made it, whichever door it came through: the members'
area (a form), the API (a token, no session) and the admin."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.working_group.factories import MemberFactory, TaskFactory, TrackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(working_group_member):
    member = MemberFactory(user=working_group_member)
    return TaskFactory(owner=member, track=TrackFactory(group=member.group))


def test_a_change_in_the_members_area_is_audited_with_its_author(client, task):
    client.force_login(task.owner.user)

    client.post(
        f"/en/working-group/members/tasks/{task.reference}/progress/",
        {"progress": 30, "version": task.version},
    )

    latest = task.history.latest()
    assert (latest.progress, latest.history_user) == (30, task.owner.user)


def test_a_change_through_the_api_with_a_token_is_audited_with_its_author(task):
    token = Token.objects.create(user=task.owner.user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    response = api.post(
        f"/api/v1/working-group/tasks/{task.number}/progress/",
        {"progress": 55, "version": task.version},
        format="json",
    )

    assert response.status_code == 200, response.content
    latest = task.history.latest()
    assert (latest.progress, latest.history_user) == (55, task.owner.user)


def test_a_change_in_the_admin_is_audited_with_its_author(client, superuser):
    from tests.regions.factories import TopicFactory

    topic = TopicFactory()
    client.force_login(superuser)

    client.post(
        f"/en/admin/regions/topic/{topic.pk}/change/",
        {"slug": topic.slug, "name_nl": "Nieuwe naam"},
    )

    latest = topic.history.latest()
    assert (latest.name_nl, latest.history_user) == ("Nieuwe naam", superuser)
