"""The portal's URLs plus ``/__bench__/trivial/``: fixed bytes, no database, no session.

Every figure of the benchmark is also given as a ratio to this view, measured in the same
process and run, because absolute times drift on a shared machine.
"""

from django.http import HttpResponse
from django.urls import path

from bench import TRIVIAL_PATH
from visie_portal.urls import handler404  # noqa: F401
from visie_portal.urls import urlpatterns as portal_urlpatterns

TRIVIAL_BODY = b"<!doctype html><title>trivial</title><p>" + b"x" * 1000 + b"</p>\n"


def trivial(request):
    return HttpResponse(TRIVIAL_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path(TRIVIAL_PATH.strip("/") + "/", trivial), *portal_urlpatterns]
