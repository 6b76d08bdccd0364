"""Keeps staff sessions that still owe a code out of the staff pages."""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from staff_otp import services

# Staff-only pages outside the admin's namespace.
STAFF_PAGES = {"audit-log", "audit-entry", "audit-revert", "regions:preview"}
# Admin pages a session may open before giving a code: signing in and out.
OPEN_ADMIN_PAGES = {"admin:login", "admin:logout"}


class StaffTwoFactorMiddleware:
    """Send staff who must give a code (``services.verification_needed``) to the two-factor
    page, from every admin page but sign-in and sign-out and from the other staff pages.

    Goes after django-otp's ``OTPMiddleware``, which tells whether the session is verified.
    Public pages, the members' area and the API are never touched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        in_admin = "admin" in match.namespaces and match.view_name not in OPEN_ADMIN_PAGES
        if not (in_admin or match.view_name in STAFF_PAGES):
            return None
        if not services.verification_needed(request.user):
            return None
        return redirect_to_login(request.get_full_path(), reverse("two-factor"))
