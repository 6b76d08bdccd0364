from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core.api.exceptions import error_body


class HomeView(TemplateView):
    template_name = "core/home.html"


def database_is_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


@never_cache
def healthz(request):
    """Liveness and readiness for load balancers: 200 when the database answers, else 503."""
    healthy = database_is_reachable()
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": "ok" if healthy else "unreachable",
        },
        status=200 if healthy else 503,
    )


# The error handlers answer JSON under /api/ (clients parse it) and the translated HTML
# page everywhere else.
def _is_api(request):
    return request.path.startswith("/api/")


def bad_request(request, exception):
    """Also Django's answer to a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE``: a 413 in the API."""
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return JsonResponse(
            error_body("request_too_large", _("The request body is too large.")), status=413
        )
    return JsonResponse(error_body("bad_request", _("The request is malformed.")), status=400)


def page_not_found(request, exception):
    if _is_api(request):
        return JsonResponse(error_body("not_found", _("Not found.")), status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return JsonResponse(
            error_body("server_error", _("An unexpected error occurred; it has been logged.")),
            status=500,
        )
    return defaults.server_error(request)
