"""Acceptance 1: every task rule, exercised through the members' forms, with its message."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from tests.working_group.conftest import login
from tests.working_group.factories import MemberFactory, TaskFactory
from tests.working_group.helpers import task_url, url
from working_group.models import Task

pytestmark = pytest.mark.django_db


def create_payload(track, owner, **overrides):
    payload = {
        "title_nl": "Nieuwe taak",
        "track": track.pk,
        "owner": owner.pk,
        "priority": 2,
        "visibility": "internal",
    }
    payload.update(overrides)
    return payload


def edit_payload(task, **overrides):
    payload = {
        "version": task.version,
        "title_nl": task.title_nl,
        "track": task.track_id,
        "priority": task.priority,
        "visibility": task.visibility,
    }
    payload.update(overrides)
    return payload


def test_member_creates_a_task_with_the_next_reference_number(member_client, member, track):
    TaskFactory(number=41, track=track, owner=member)

    response = member_client.post(url("task_create"), create_payload(track, member))

    task = Task.objects.get(number=42)
    assert response.status_code == 302
    assert response.url == task.get_absolute_url().replace("/nl/", "/en/")
    assert task.reference == "WG-42"


def test_create_form_refuses_a_due_date_before_the_start_date(member_client, member, track):
    response = member_client.post(
        url("task_create"),
        create_payload(track, member, start_date="2026-03-10", due_date="2026-03-01"),
    )

    assert response.status_code == 400
    assert "The due date cannot be before the start date." in response.text
    assert not Task.objects.exists()


def test_edit_form_refuses_a_due_date_before_the_start_date(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(
        task_url("task_edit", task),
        edit_payload(task, start_date="2026-03-10", due_date="2026-03-01"),
    )

    assert response.status_code == 400
    assert "The due date cannot be before the start date." in response.text
    task.refresh_from_db()
    assert task.due_date is None


@pytest.mark.parametrize("progress", [-1, 101])
def test_progress_form_refuses_a_value_outside_0_to_100(member_client, member, track, progress):
    task = TaskFactory(track=track, owner=member, progress=20)

    response = member_client.post(
        task_url("task_progress", task), {"version": task.version, "progress": progress}
    )

    assert response.status_code == 400
    assert "Progress is a percentage between 0 and 100." in response.text
    task.refresh_from_db()
    assert task.progress == 20


def test_progress_form_saves_a_valid_value(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(
        task_url("task_progress", task), {"version": task.version, "progress": 55}
    )

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.progress, task.version) == (55, 2)


def test_marking_a_task_done_sets_its_progress_to_100(member_client, member, track):
    task = TaskFactory(track=track, owner=member, progress=30)

    member_client.post(task_url("task_state", task), {"version": task.version, "state": "done"})

    task.refresh_from_db()
    assert (task.state, task.progress) == (Task.State.DONE, 100)


def test_a_done_task_cannot_have_its_progress_lowered(member_client, member, track):
    task = TaskFactory(track=track, owner=member, state=Task.State.DONE, progress=100)

    response = member_client.post(
        task_url("task_progress", task), {"version": task.version, "progress": 80}
    )

    assert response.status_code == 400
    assert "A done task is at 100 %; reopen it before lowering progress." in response.text


def test_state_form_refuses_done_while_a_dependency_is_not_done(member_client, member, track):
    first = TaskFactory(track=track, owner=member, state=Task.State.IN_PROGRESS)
    task = TaskFactory(track=track, owner=member)
    task.dependencies.add(first)

    response = member_client.post(
        task_url("task_state", task), {"version": task.version, "state": "done"}
    )

    assert response.status_code == 400
    assert f"This task cannot be done while {first.reference} is not done." in response.text
    task.refresh_from_db()
    assert task.state == Task.State.TODO


def test_state_form_allows_done_once_every_dependency_is_done(member_client, member, track):
    first = TaskFactory(track=track, owner=member, state=Task.State.DONE, progress=100)
    task = TaskFactory(track=track, owner=member)
    task.dependencies.add(first)

    response = member_client.post(
        task_url("task_state", task), {"version": task.version, "state": "done"}
    )

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.state == Task.State.DONE


def test_state_form_requires_a_reason_to_block(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(
        task_url("task_state", task), {"version": task.version, "state": "blocked"}
    )

    assert response.status_code == 400
    assert "Say why the task is blocked." in response.text


def test_state_form_refuses_a_transition_that_is_not_allowed(member_client, member, track):
    task = TaskFactory(track=track, owner=member, state=Task.State.CANCELLED)

    response = member_client.post(
        task_url("task_state", task), {"version": task.version, "state": "done"}
    )

    assert response.status_code == 400
    assert f"“{task.reference} {task.title_nl}” cannot go from “Cancelled” to “Done”." in (
        response.text
    )


def test_edit_form_refuses_a_dependency_cycle(member_client, member, track):
    first = TaskFactory(track=track, owner=member)
    second = TaskFactory(track=track, owner=member)
    third = TaskFactory(track=track, owner=member)
    second.dependencies.add(first)
    third.dependencies.add(second)

    response = member_client.post(
        task_url("task_edit", first), edit_payload(first, dependencies=[third.pk])
    )

    assert response.status_code == 400
    assert f"{third.reference} already depends on this task; that would make a circle." in (
        response.text
    )
    assert not first.dependencies.exists()


def test_edit_form_refuses_a_task_depending_on_itself(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(
        task_url("task_edit", task), edit_payload(task, dependencies=[task.pk])
    )

    assert response.status_code == 400
    assert "A task cannot depend on itself." in response.text


def test_a_stale_form_gives_a_conflict_instead_of_overwriting(
    member_client, member, other_member, track
):
    task = TaskFactory(track=track, owner=member, progress=10)
    seen_version = task.version
    from working_group import services

    services.task_set_progress(
        task=task, expected_version=seen_version, by=other_member.user, progress=70
    )

    response = member_client.post(
        task_url("task_progress", task), {"version": seen_version, "progress": 20}
    )

    assert response.status_code == 409
    assert (
        f"Someone else changed “{task.reference} {task.title_nl}” while you were editing it"
        in response.text
    )
    task.refresh_from_db()
    assert task.progress == 70


def test_a_stale_edit_form_gives_a_conflict_and_shows_the_stored_values(
    member_client, member, other_member, track
):
    task = TaskFactory(track=track, owner=member, title_nl="Oud")
    stale = edit_payload(task, title_nl="Mijn versie")
    from working_group import services

    services.task_update(task=task, expected_version=1, by=other_member.user, title="Hun versie")

    response = member_client.post(task_url("task_edit", task), stale)

    assert response.status_code == 409
    assert f"Someone else changed “{task.reference} Hun versie”" in response.text
    assert 'value="Hun versie"' in response.text
    task.refresh_from_db()
    assert task.title_nl == "Hun versie"


@pytest.mark.parametrize("actor", ["owner", "chair", "secretary"])
def test_owner_chair_and_secretary_may_reassign(
    client, member, other_member, chair, secretary, track, actor
):
    task = TaskFactory(track=track, owner=member)
    login(client, {"owner": member, "chair": chair, "secretary": secretary}[actor])

    response = client.post(
        task_url("task_owner", task), {"version": task.version, "owner": other_member.pk}
    )

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.owner == other_member


def test_another_member_may_not_reassign(client, member, other_member, track):
    task = TaskFactory(track=track, owner=member)
    login(client, other_member)

    response = client.post(
        task_url("task_owner", task), {"version": task.version, "owner": other_member.pk}
    )

    assert response.status_code == 403
    assert "Only the task&#x27;s owner, the chair or the secretary may reassign it." in (
        response.text
    )
    task.refresh_from_db()
    assert task.owner == member


def test_the_owner_form_is_only_offered_to_who_may_reassign(client, member, other_member, track):
    task = TaskFactory(track=track, owner=member)

    page = login(client, other_member).get(task_url("task_detail", task))

    assert task_url("task_owner", task) not in page.text


def test_reassigning_to_an_inactive_member_is_refused(member_client, member, group, track):
    task = TaskFactory(track=track, owner=member)
    gone = MemberFactory(group=group, active=False)

    response = member_client.post(
        task_url("task_owner", task), {"version": task.version, "owner": gone.pk}
    )

    assert response.status_code == 400
    assert task.owner == member


def test_member_comments_on_a_task(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(task_url("task_comment", task), {"text": "Klaar voor review."})

    assert response.status_code == 302
    assert task.comments.get().author == member


def test_an_empty_comment_is_refused(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(task_url("task_comment", task), {"text": ""})

    assert response.status_code == 400
    assert "This field is required." in response.text


def test_cancelling_keeps_the_task_and_its_full_history(member_client, member, track):
    from working_group import services

    task = services.task_create(by=member.user, title="Te annuleren", track=track, owner=member)

    member_client.post(task_url("task_state", task), {"version": 1, "state": "cancelled"})

    task.refresh_from_db()
    assert task.state == Task.State.CANCELLED
    assert [record.state for record in task.history.order_by("history_date")] == [
        "todo",
        "cancelled",
    ]
    assert member_client.get(task_url("task_detail", task)).status_code == 200


def test_history_records_who_changed_a_task(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    member_client.post(task_url("task_progress", task), {"version": 1, "progress": 30})

    latest = task.history.latest("history_date")
    assert latest.history_user == member.user
    with translation.override("nl"):
        assert latest.history_change_reason == _("Progress: %(progress)s %%") % {"progress": 30}


def test_due_date_rule_also_holds_in_the_database(member, track):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        TaskFactory(
            track=track,
            owner=member,
            start_date=datetime.date(2026, 3, 10),
            due_date=datetime.date(2026, 3, 1),
        )


def test_weight_rule_also_holds_in_the_database(member, track):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        TaskFactory(track=track, owner=member, weight=101)


def test_edit_form_refuses_an_open_dependency_for_a_done_task(member_client, member, track):
    task = TaskFactory(track=track, owner=member, state=Task.State.DONE, progress=100)
    still_open = TaskFactory(track=track, owner=member)

    response = member_client.post(
        task_url("task_edit", task), edit_payload(task, dependencies=[still_open.pk])
    )

    assert response.status_code == 400
    assert (
        f"A done task cannot depend on {still_open.reference}, which is not done; "
        "reopen the task first."
    ) in response.text
