"""The refusals every app words the same way, written (and translated) once.

Each function returns the sentence in the active language, naming the item it is about
in quotes (its ``str()``), so the wording never depends on the grammar of the item's kind.
"""

from django.utils.translation import gettext as _


def conflict(*, item, yours: int | None, current: int) -> str:
    """Somebody saved ``item`` after the user loaded version ``yours``."""
    return _(
        "Someone else changed “%(item)s” while you were editing it (your version %(yours)s, "
        "now %(current)s). Your change was not saved: copy anything you want to keep, reload "
        "the page and make your change again."
    ) % {"item": item, "yours": "—" if yours is None else yours, "current": current}


def not_permitted(*, action) -> str:
    """The user lacks the permission that ``action`` (a transition's label) needs."""
    return _("You may not do this: “%(action)s”.") % {"action": action}


def transition_not_allowed(*, action, item, state) -> str:
    """``action`` does not start from the state ``item`` is in."""
    return _("“%(action)s” is not possible while “%(item)s” is “%(state)s”.") % {
        "action": action,
        "item": item,
        "state": state,
    }


def move_not_allowed(*, item, current, new) -> str:
    """No transition leads ``item`` from state ``current`` to state ``new``."""
    return _("“%(item)s” cannot go from “%(current)s” to “%(new)s”.") % {
        "item": item,
        "current": current,
        "new": new,
    }


def unknown_transition(*, name: str) -> str:
    return _("There is no action called “%(name)s”.") % {"name": name}
