from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import BasePermission

from staff_otp import services


class VerifiedStaffSession(BasePermission):
    """A staff session that owes a code may not mint an API token: the token would outlive
    the missing second factor. Requests authenticated by a token are not sessions and pass.
    """

    message = _("Give your two-factor authentication code before managing API tokens.")

    def has_permission(self, request, view):
        if not isinstance(request.successful_authenticator, SessionAuthentication):
            return True
        return not services.verification_needed(request.user)
