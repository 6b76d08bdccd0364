"""Fuzz every API operation against the API's own OpenAPI schema (schemathesis, in-process).

Each operation gets generated valid and invalid input, anonymously and as a signed-in
working-group member; any 5xx or any response that breaks the schema fails the test.
"""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tests.api.schema import load_api_schema

schema = load_api_schema()

FUZZ_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(autouse=True)
def _keep_the_test_transaction_connection():
    # The real WSGI handler closes "old" connections at each request, which on PostgreSQL
    # would close the test transaction's connection; Django's test client does the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_throttling(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}


@pytest.fixture(autouse=True)
def _working_group_data(working_group_member):
    """The member user as an active Member, with a public task (WG-1), so the working
    group's member operations get past their membership check and find data."""
    from tests.working_group.factories import (
        DecisionFactory,
        MemberFactory,
        MilestoneFactory,
        TaskFactory,
        TrackFactory,
    )
    from working_group.models import Visibility

    member = MemberFactory(user=working_group_member)
    milestone = MilestoneFactory()
    task = TaskFactory(
        owner=member,
        track=TrackFactory(group=member.group),
        milestone=milestone,
        visibility=Visibility.PUBLIC,
    )
    DecisionFactory().tasks.add(task)


@pytest.mark.django_db
@schema.parametrize()
@FUZZ_SETTINGS
def test_anonymous_requests_never_break_the_api(case):
    case.call_and_validate()


@pytest.mark.django_db
@schema.parametrize()
@FUZZ_SETTINGS
def test_member_requests_never_break_the_api(case, working_group_member):
    from rest_framework.authtoken.models import Token

    token, _created = Token.objects.get_or_create(user=working_group_member)
    case.call_and_validate(headers={"Authorization": f"Token {token.key}"})
