"""Service behaviour not covered through the forms: numbering, permissions, transitions."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.services import NotPermitted
from tests.working_group.factories import TaskFactory
from working_group import services
from working_group.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted as their English msgids."""
    with translation.override("en"):
        yield


def test_reference_numbers_follow_on_and_never_change(member, track):
    first = services.task_create(by=member.user, title="Een", track=track, owner=member)
    second = services.task_create(by=member.user, title="Twee", track=track, owner=member)

    services.task_update(task=first, expected_version=1, by=member.user, title="Een (herzien)")

    first.refresh_from_db()
    assert (first.reference, second.reference) == ("WG-1", "WG-2")


def test_title_given_to_services_is_the_dutch_source_whatever_the_language(member, track):
    with translation.override("fr"):
        task = services.task_create(
            by=member.user, title="Nederlandse titel", track=track, owner=member
        )

    assert task.title_nl == "Nederlandse titel"


@pytest.mark.parametrize(
    "who", ["user_without_role", "role_only_user", "editor", "publisher", "superuser"]
)
def test_non_members_cannot_create_tasks(request, member, track, who):
    with pytest.raises(NotPermitted, match="Only active members of the working group"):
        services.task_create(by=request.getfixturevalue(who), title="X", track=track, owner=member)


def test_anonymous_users_cannot_comment(member, track):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotPermitted):
        services.task_comment(
            task=TaskFactory(track=track, owner=member), by=AnonymousUser(), text="x"
        )


def test_setting_the_same_state_again_is_refused_not_ignored(member, track):
    task = TaskFactory(track=track, owner=member)

    with pytest.raises(ValidationError, match="already in this state"):
        services.task_change_state(task=task, expected_version=1, by=member.user, state="todo")


def test_a_cancelled_dependency_no_longer_holds_a_task_back(member, track):
    dropped = TaskFactory(track=track, owner=member, state=Task.State.CANCELLED)
    task = TaskFactory(track=track, owner=member)
    task.dependencies.add(dropped)

    services.task_change_state(task=task, expected_version=1, by=member.user, state="done")

    task.refresh_from_db()
    assert task.state == Task.State.DONE


def test_reopening_a_blocked_task_clears_its_reason(member, track):
    task = TaskFactory(track=track, owner=member)
    services.task_change_state(
        task=task, expected_version=1, by=member.user, state="blocked", blocked_reason="Wacht"
    )

    services.task_change_state(task=task, expected_version=2, by=member.user, state="in_progress")

    task.refresh_from_db()
    assert task.blocked_reason == ""


def test_task_update_refuses_fields_with_their_own_service(member, track):
    task = TaskFactory(track=track, owner=member)

    with pytest.raises(ValueError, match="state"):
        services.task_update(task=task, expected_version=1, by=member.user, state="done")


def test_a_task_cannot_be_given_to_a_member_of_another_group(member, track):
    from tests.working_group.factories import MemberFactory, WorkingGroupFactory

    stranger = MemberFactory(group=WorkingGroupFactory(slug="andere-groep"))

    with pytest.raises(ValidationError, match="Choose an active member of the group."):
        services.task_create(by=member.user, title="X", track=track, owner=stranger)


def test_the_history_records_a_tasks_dependencies(member, track):
    first = TaskFactory(track=track, owner=member)
    task = services.task_create(by=member.user, title="Later", track=track, owner=member)

    services.task_update(task=task, expected_version=1, by=member.user, dependencies=[first])

    latest = task.history.latest("history_date")
    assert [row.to_task_id for row in latest.dependencies.all()] == [first.pk]
