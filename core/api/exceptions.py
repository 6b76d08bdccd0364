"""One JSON error shape for the whole API.

Every error body is::

    {"code": "validation_error", "detail": "…", "field_errors": {"field": ["…"]},
     "non_field_errors": ["…"]}

``code`` is stable and machine-readable, ``detail`` a translated sentence; the two lists
are always present (empty when they do not apply) so clients need no special cases.

The services' refusals (``core.services``) map to it here, so views just call services:
``Conflict`` is a 409 ``conflict`` with ``current_version``, ``NotPermitted`` a 403, and
any other refusal (a transition the state does not allow) a 400 ``validation_error``.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from core.services import Conflict, NotPermitted, ServiceError


class APIConflict(exceptions.APIException):
    """The client edited an out-of-date version; the newer stored data was kept."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, detail=None, current_version=None):
        super().__init__(detail or _("Someone else changed this item since you loaded it."))
        self.current_version = current_version


def error_body(code, detail, field_errors=None, non_field_errors=None, **extra):
    return {
        "code": code,
        "detail": str(detail),
        "field_errors": field_errors or {},
        "non_field_errors": non_field_errors or [],
        **extra,
    }


def _as_drf_exception(exc):
    if isinstance(exc, Conflict):
        return APIConflict(exc.message, current_version=exc.current_version)
    if isinstance(exc, NotPermitted):
        return exceptions.PermissionDenied(exc.message)
    if isinstance(exc, ServiceError):
        return exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [exc.message]})
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError(exc.message_dict)
        return exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: exc.messages})
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def _flatten(messages):
    if isinstance(messages, dict):
        return [f"{key}: {m}" for key, value in messages.items() for m in _flatten(value)]
    if isinstance(messages, list):
        return [m for item in messages for m in _flatten(item)]
    return [str(messages)]


def api_exception_handler(exc, context):
    exc = _as_drf_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # An unexpected error: Django's 500 handling and logging apply.

    if isinstance(exc, exceptions.ValidationError):
        data = exc.detail if isinstance(exc.detail, dict) else {"": exc.detail}
        non_field_key = api_settings.NON_FIELD_ERRORS_KEY
        non_field = _flatten(data.get(non_field_key, [])) + _flatten(data.get("", []))
        fields = {
            key: _flatten(value) for key, value in data.items() if key not in (non_field_key, "")
        }
        response.data = error_body(
            "validation_error",
            _("The request contains invalid data."),
            field_errors=fields,
            non_field_errors=non_field,
        )
        return response

    codes = exc.get_codes() if hasattr(exc, "get_codes") else "error"
    code = codes if isinstance(codes, str) else "error"
    extra = {}
    if isinstance(exc, APIConflict) and exc.current_version is not None:
        extra["current_version"] = exc.current_version
    response.data = error_body(code, exc.detail, **extra)
    return response
