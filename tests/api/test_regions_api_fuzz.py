"""Fuzz the regions endpoints with the demo content loaded (the shared fuzz test has none).

With real analyses, figures, sources and sub-regions in the database, every generated
request's response is checked against the schema: list items, cursor pages and (through
the schema's path examples) the details of a real analysis, region, topic and country.
"""

import io

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from regions import demo
from regions.api.views import PublicReadOnlyViewSet
from tests.api.schema import load_api_schema

schema = load_api_schema().include(
    path_regex=r"^/api/v1/(regions|topics|organisations|countries|analyses)/"
)


@pytest.fixture(autouse=True)
def _keep_the_test_transaction_connection():
    # As in test_schema_fuzz.py: the WSGI handler would close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_throttling(monkeypatch):
    # DRF reads DEFAULT_THROTTLE_CLASSES once, at import, so overriding the setting in a
    # test changes nothing; the whole suite would share one anonymous allowance.
    monkeypatch.setattr(PublicReadOnlyViewSet, "throttle_classes", [])


@pytest.fixture
def demo_content(db):
    demo.load(io.StringIO())


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_regions_endpoints_keep_to_the_schema_with_demo_content(case, demo_content):
    case.call_and_validate()
