"""A workflow table: what it allows, what it offers, and how it explains a refusal."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from core import messages
from core.services import NotPermitted, TransitionNotAllowed
from core.workflow import Check, Transition, Workflow
from working_group.models import Task

State = Task.State

# A small workflow over the task states; the item is an unsaved task (no database needed).
WORKFLOW = Workflow(
    Transition(
        "start",
        label="Start",
        sources=[State.TODO, State.BLOCKED],
        target=State.IN_PROGRESS,
        permission="app.start",
    ),
    Transition(
        "finish",
        label="Finish",
        sources=[State.IN_PROGRESS],
        target=State.DONE,
        permission="app.finish",
        denied="Only finishers finish.",
        refusal="Start it first.",
        checks=(
            Check(lambda task, user: task.progress >= 50, "Halfway first."),
            Check(lambda task, user: task.weight is not None, lambda task: f"Weigh {task}."),
        ),
    ),
    Transition("note", label="Note", permission=None),
)


class User:
    """Just enough of a user for a permission check."""

    pk = 1

    def __init__(self, *permissions, is_active=True):
        self.permissions = set(permissions)
        self.is_active = is_active

    def has_perm(self, permission):
        return permission in self.permissions


EVERYONE = User("app.start", "app.finish")


def task(state=State.TODO, **fields):
    return Task(number=7, title_nl="Verslag", state=state, **fields)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_a_transition_from_one_of_its_source_states_is_allowed():
    assert WORKFLOW.check(task(State.BLOCKED), "start", EVERYONE).target == State.IN_PROGRESS


def test_a_transition_from_another_state_is_refused_with_the_shared_message():
    with pytest.raises(TransitionNotAllowed) as refusal:
        WORKFLOW.check(task(State.DONE), "start", EVERYONE)

    assert refusal.value.message == messages.transition_not_allowed(
        action="Start", item="WG-7 Verslag", state="Done"
    )


def test_a_transition_may_word_its_own_refusal_of_a_state():
    with pytest.raises(TransitionNotAllowed, match="Start it first."):
        WORKFLOW.check(task(State.TODO), "finish", EVERYONE)


def test_a_user_without_the_permission_is_refused_before_the_state_is_looked_at():
    with pytest.raises(NotPermitted) as refusal:
        WORKFLOW.check(task(State.DONE), "start", User("app.finish"))

    assert refusal.value.message == messages.not_permitted(action="Start")


def test_a_transition_may_word_its_own_refusal_of_a_permission():
    with pytest.raises(NotPermitted, match="Only finishers finish."):
        WORKFLOW.check(task(State.IN_PROGRESS), "finish", User())


def test_an_inactive_user_holds_no_permission():
    assert not WORKFLOW.allows(task(), "start", User("app.start", is_active=False))


def test_a_refused_permission_is_a_permission_denied_so_django_answers_403():
    assert issubclass(NotPermitted, PermissionDenied)


def test_checks_run_in_order_and_the_first_failing_one_explains():
    with pytest.raises(TransitionNotAllowed, match="Halfway first."):
        WORKFLOW.check(task(State.IN_PROGRESS, progress=10), "finish", EVERYONE)


def test_a_check_may_build_its_message_from_the_item():
    with pytest.raises(TransitionNotAllowed, match="Weigh WG-7 Verslag."):
        WORKFLOW.check(task(State.IN_PROGRESS, progress=60), "finish", EVERYONE)


def test_a_transition_without_sources_or_permission_is_always_allowed():
    assert WORKFLOW.allows(task(State.CANCELLED), "note", User())


def test_an_unknown_transition_is_refused_by_name():
    with pytest.raises(TransitionNotAllowed) as refusal:
        WORKFLOW.check(task(), "teleport", EVERYONE)

    assert refusal.value.message == messages.unknown_transition(name="teleport")


def test_offered_lists_exactly_the_transitions_check_accepts_in_table_order():
    ready = task(State.IN_PROGRESS, progress=80, weight=3)

    assert [t.name for t in WORKFLOW.offered(ready, EVERYONE)] == ["finish", "note"]
    assert [t.name for t in WORKFLOW.offered(ready, User())] == ["note"]


def test_permitted_ignores_the_state():
    assert WORKFLOW.permitted("finish", User("app.finish"))
    assert not WORKFLOW.permitted("finish", User("app.start"))


def test_leading_to_finds_the_transition_from_the_items_state_to_a_target():
    assert WORKFLOW.leading_to(task(State.BLOCKED), State.IN_PROGRESS).name == "start"


def test_leading_to_refuses_a_move_no_transition_makes():
    with pytest.raises(TransitionNotAllowed) as refusal:
        WORKFLOW.leading_to(task(State.TODO), State.DONE)

    assert refusal.value.message == "“WG-7 Verslag” cannot go from “To do” to “Done”."
