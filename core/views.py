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


def page_not_found(request, exception):
    """JSON under /api/ (clients parse it), the translated HTML page everywhere else."""
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("not_found", _("Not found.")), status=404)
    return defaults.page_not_found(request, exception)
