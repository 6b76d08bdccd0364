"""Set-up shared by the working group's API tests (a helper module, not a test module)."""

from dataclasses import dataclass

from rest_framework.test import APIClient

from core import roles
from tests.factories import UserFactory
from tests.working_group.factories import MemberFactory, TrackFactory, WorkingGroupFactory
from working_group.models import Member, Track, WorkingGroup

API = "/api/v1/working-group"


@dataclass
class Team:
    group: WorkingGroup
    track: Track
    member: Member
    other: Member
    chair: Member
    secretary: Member


def build_team(member_user) -> Team:
    """The group with the ``working_group_member`` user as a plain member, and colleagues."""
    group = WorkingGroupFactory()

    def colleague(username, name, role=Member.Role.MEMBER):
        user = UserFactory(username=username, groups=[roles.WORKING_GROUP])
        return MemberFactory(group=group, user=user, name=name, role=role)

    return Team(
        group=group,
        track=TrackFactory(group=group),
        member=MemberFactory(group=group, user=member_user, name="Gewoon lid"),
        other=colleague("other", "Ander lid"),
        chair=colleague("chair", "Voorzitter", Member.Role.CHAIR),
        secretary=colleague("secretary", "Secretaris", Member.Role.SECRETARY),
    )


def api_client(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def walk(client, address: str) -> list[dict]:
    """Every result of a list, following ``next`` to the last page."""
    results = []
    while address:
        response = client.get(address)
        assert response.status_code == 200, response.content
        body = response.json()
        results.extend(body["results"])
        address = body["next"]
    return results
