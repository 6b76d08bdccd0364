"""What every app's services share: one family of refusals and one optimistic lock.

A service refuses by raising a ``ServiceError``; its ``message`` is translated and fit to
show to the user. Pages and the admin show the message; the API maps each kind to its
status (``core.api.exceptions``): ``NotPermitted`` 403, ``Conflict`` 409,
``TransitionNotAllowed`` (and any other refusal) 400.
"""

from django.core.exceptions import PermissionDenied
from django.db import models

from core import messages


class ServiceError(Exception):
    """Base of the refusals; ``message`` is translated and fit to show to the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotPermitted(ServiceError, PermissionDenied):
    """The acting user may not do this (a ``PermissionDenied``, so Django answers 403)."""


class Conflict(ServiceError):
    """Somebody saved since the user loaded the item; ``current_version`` is the stored one."""

    def __init__(self, message, *, current_version: int | None = None):
        super().__init__(message)
        self.current_version = current_version


class TransitionNotAllowed(ServiceError):
    """The item's state (or another rule of its workflow) does not allow this action."""


def has_permission(user, permission: str) -> bool:
    """Whether ``user`` is active and holds ``permission`` ("app_label.codename")."""
    return user is not None and user.is_active and user.has_perm(permission)


def require_permission(user, permission: str, message) -> None:
    """Refuse with ``message`` unless ``user`` is active and holds ``permission``."""
    if not has_permission(user, permission):
        raise NotPermitted(message)


def check_version(current: models.Model, expected_version: int | None) -> None:
    """Refuse when ``current`` (read under a lock) moved on from the user's version.

    Separate from ``lock_version`` for services that must check something else first
    (a permission that depends on the stored row, say).
    """
    if current.version != expected_version:
        raise Conflict(
            messages.conflict(item=current, yours=expected_version, current=current.version),
            current_version=current.version,
        )


def lock_version(
    queryset: models.QuerySet | models.Manager | type[models.Model],
    pk,
    expected_version: int | None,
) -> models.Model:
    """Read the row again under a row lock and refuse a stale ``expected_version``.

    ``expected_version`` is the version the user's form or request was built from: if
    somebody saved in between, the second save must not silently overwrite the first.
    ``None`` means the caller acts on whatever is stored (an admin button), so nothing is
    compared.
    """
    if isinstance(queryset, type):
        queryset = queryset._default_manager
    locked = queryset.select_for_update().get(pk=pk)
    if expected_version is not None:
        check_version(locked, expected_version)
    return locked
