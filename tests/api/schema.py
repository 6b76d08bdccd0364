"""The API's OpenAPI schema, loaded once per fuzzing module through the WSGI application."""

import schemathesis
from django.test import override_settings

from visie_portal.wsgi import application


def load_api_schema():
    # Loaded while pytest collects, where no database is allowed; the page cache would
    # ask the database for the next scheduled publication, so it stays off for this call.
    with override_settings(PAGE_CACHE_SECONDS=0):
        return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
