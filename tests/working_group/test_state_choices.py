"""The state form offers the task's state and the moves ``TASK_WORKFLOW`` allows from it;
anything else that is posted is refused by the service, in the workflow's words."""

import pytest

from tests.working_group.factories import TaskFactory
from tests.working_group.helpers import task_url
from working_group.models import Task

pytestmark = pytest.mark.django_db

State = Task.State


def offered(response) -> list[str]:
    return [
        state for state, _label in response.context["state_form"].fields["state"].widget.choices
    ]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (State.TODO, [State.TODO, State.IN_PROGRESS, State.BLOCKED, State.DONE, State.CANCELLED]),
        (State.BLOCKED, [State.TODO, State.IN_PROGRESS, State.BLOCKED, State.CANCELLED]),
        (State.DONE, [State.IN_PROGRESS, State.DONE]),
        (State.CANCELLED, [State.TODO, State.CANCELLED]),
    ],
)
def test_the_state_form_offers_the_current_state_and_the_moves_the_workflow_allows(
    member_client, member, track, state, expected
):
    task = TaskFactory(
        track=track,
        owner=member,
        state=state,
        blocked_reason="Wacht op de begroting." if state == State.BLOCKED else "",
        progress=100 if state == State.DONE else 0,
    )

    assert offered(member_client.get(task_url("task_detail", task))) == expected


def test_the_state_form_offers_done_while_a_dependency_is_open_so_the_refusal_can_say_why(
    member_client, member, track
):
    task = TaskFactory(track=track, owner=member)
    task.dependencies.add(TaskFactory(track=track, owner=member))

    assert State.DONE in offered(member_client.get(task_url("task_detail", task)))


def test_a_forged_post_of_a_state_the_form_does_not_offer_is_a_form_error(
    member_client, member, track
):
    task = TaskFactory(track=track, owner=member, state=State.CANCELLED)

    response = member_client.post(
        task_url("task_state", task), {"version": 1, "state": State.IN_PROGRESS}
    )

    assert response.status_code == 400
    assert response.context["state_form"].errors["state"] == [
        f"“{task.reference} {task.title_nl}” cannot go from “Cancelled” to “In progress”."
    ]
    task.refresh_from_db()
    assert task.state == State.CANCELLED
