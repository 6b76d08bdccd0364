"""Fixtures of the working group: a group, a track, and members who can sign in."""

import pytest

from core import roles
from tests.factories import UserFactory
from tests.working_group.factories import MemberFactory, TrackFactory, WorkingGroupFactory
from working_group.models import Member


@pytest.fixture
def group(db):
    return WorkingGroupFactory()


@pytest.fixture
def track(group):
    return TrackFactory(group=group)


@pytest.fixture
def member(group, working_group_member):
    """The ``working_group_member`` user (role group) linked to an active Member row."""
    return MemberFactory(group=group, user=working_group_member, name="Gewoon lid")


@pytest.fixture
def other_member(group):
    return MemberFactory(
        group=group,
        user=UserFactory(username="other", groups=[roles.WORKING_GROUP]),
        name="Ander lid",
    )


@pytest.fixture
def chair(group):
    return MemberFactory(
        group=group,
        user=UserFactory(username="chair", groups=[roles.WORKING_GROUP]),
        name="Voorzitter",
        role=Member.Role.CHAIR,
    )


@pytest.fixture
def secretary(group):
    return MemberFactory(
        group=group,
        user=UserFactory(username="secretary", groups=[roles.WORKING_GROUP]),
        name="Secretaris",
        role=Member.Role.SECRETARY,
    )


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client


def login(client, member):
    client.force_login(member.user)
    return client


@pytest.fixture
def role_only_user(db):
    """Holds the ``Working group`` role but has no Member row: not a member (ADR 0004)."""
    return UserFactory(username="role-only", groups=[roles.WORKING_GROUP])
