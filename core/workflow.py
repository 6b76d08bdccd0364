"""One way to declare a workflow: a table of named transitions.

A ``Workflow`` is the single statement of who may move an item from which state to which,
and on what further conditions. Services call ``check()`` before they write, which raises
``NotPermitted`` or ``TransitionNotAllowed`` with a message for the user; pages call
``offered()`` to show exactly the actions the services would accept, so a button and the
service behind it cannot disagree. Forms that let the user pick the next state ask
``leading_to()`` which transition that would be.

The item is a model instance with a ``state`` field that has choices.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from core import messages
from core.services import NotPermitted, ServiceError, TransitionNotAllowed, has_permission

# What the user is told: a (lazy) translated string, or a function of the item making one.
type Message = str | Callable[[Any], str]


def _text(message: Message, item) -> str:
    return message(item) if callable(message) else message


@dataclass(frozen=True)
class Check:
    """A further condition of a transition, and what the user is told when it fails."""

    test: Callable[[Any, Any], bool]  # (item, user) -> whether the transition may go ahead
    refusal: Message


@dataclass(frozen=True)
class Transition:
    """A named move: from ``sources`` (``None``: any state) to ``target`` (``None``: the
    state stays), for users with ``permission`` (``None``: the service decides who acts),
    once every check passes, in order. ``refusal`` and ``denied`` replace the shared
    messages for a wrong state and a missing permission."""

    name: str
    label: str
    target: str | None = None
    sources: Iterable[str] | None = None
    permission: str | None = None
    checks: tuple[Check, ...] = ()
    refusal: Message | None = None
    denied: str | None = None

    def __post_init__(self):
        if self.sources is not None:
            object.__setattr__(self, "sources", frozenset(self.sources))

    def starts_from(self, state: str) -> bool:
        return self.sources is None or state in self.sources


class Workflow:
    def __init__(self, *transitions: Transition):
        self._transitions = {transition.name: transition for transition in transitions}

    def __iter__(self) -> Iterator[Transition]:
        return iter(self._transitions.values())

    def __contains__(self, name: str) -> bool:
        return name in self._transitions

    def __getitem__(self, name: str) -> Transition:
        try:
            return self._transitions[name]
        except KeyError:
            raise TransitionNotAllowed(messages.unknown_transition(name=name)) from None

    def permitted(self, name: str, user) -> bool:
        """Whether ``user`` holds the permission of transition ``name``, whatever the state."""
        permission = self[name].permission
        return permission is None or has_permission(user, permission)

    def require_permission(self, name: str, user) -> Transition:
        """Refuse a user without the permission of transition ``name``.

        Services call this before they lock and compare versions, so that a user who may
        not act at all hears that, rather than about somebody else's change.
        """
        transition = self[name]
        if not self.permitted(name, user):
            raise NotPermitted(transition.denied or messages.not_permitted(action=transition.label))
        return transition

    def check(self, item, name: str, user) -> Transition:
        """Refuse unless ``user`` may apply transition ``name`` to ``item`` as it is now."""
        transition = self.require_permission(name, user)
        if not transition.starts_from(item.state):
            raise TransitionNotAllowed(
                _text(transition.refusal, item)
                if transition.refusal is not None
                else messages.transition_not_allowed(
                    action=transition.label, item=item, state=_state_label(item, item.state)
                )
            )
        for check in transition.checks:
            if not check.test(item, user):
                raise TransitionNotAllowed(_text(check.refusal, item))
        return transition

    def allows(self, item, name: str, user) -> bool:
        try:
            self.check(item, name, user)
        except ServiceError:
            return False
        return True

    def offered(self, item, user) -> list[Transition]:
        """The transitions ``user`` may apply to ``item`` now, in the table's order."""
        return [transition for transition in self if self.allows(item, transition.name, user)]

    def leading_to(self, item, target: str) -> Transition:
        """The transition that moves ``item`` from its state to ``target``, or a refusal."""
        for transition in self:
            if transition.target == target and transition.starts_from(item.state):
                return transition
        raise TransitionNotAllowed(
            messages.move_not_allowed(
                item=item,
                current=_state_label(item, item.state),
                new=_state_label(item, target),
            )
        )


def _state_label(item, state: str) -> str:
    return dict(item._meta.get_field("state").flatchoices).get(state, state)
