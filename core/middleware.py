"""Cross-cutting HTTP behaviour: security headers; a graceful 503 when the database is down."""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

# Features this portal never uses; denying them limits what injected content could do.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy, the security header Django's SecurityMiddleware cannot set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """Answer a translated 503 page, not a 500 trace, while the database is unreachable.

    Only connection-level failures count (``OperationalError``/``InterfaceError``): a
    programming error must still surface as a 500. The connection is health-checked before
    reuse (``CONN_HEALTH_CHECKS``), so the portal recovers by itself when the database is
    back, without a restart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if request.path.startswith("/api/"):
            return HttpResponse(
                b'{"code": "service_unavailable", "detail": "The database is unavailable."}',
                status=503,
                content_type="application/json",
                headers={"Retry-After": "30"},
            )
        # Rendered without a request context: the context processors would query the database.
        html = render_to_string("503.html")
        return HttpResponse(html, status=503, headers={"Retry-After": "30"})
