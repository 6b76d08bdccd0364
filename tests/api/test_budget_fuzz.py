"""The budget endpoints against their OpenAPI schema *with data* in the database.

``test_schema_fuzz.py`` fuzzes every operation, mostly on an empty database; here the demo
legislature, a trillion-euro review, sources, change notes and a reopened review are
present, so real responses (nullable decisions, long amounts, translations) are held to
the schema too: once for every object, then with generated input.
"""

import io
from decimal import Decimal

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from budget import demo
from budget.models import Legislature, ReviewChange, YearlyReview
from tests.api.schema import load_api_schema
from tests.budget.factories import (
    DecidedReviewFactory,
    LegislatureFactory,
    ReviewLineFactory,
    ReviewSourceFactory,
)

schema = load_api_schema().include(path_regex=r"^/api/v1/(legislatures|budget-reviews)/")

FUZZ_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(autouse=True)
def _keep_the_test_transaction_connection():
    # As in test_schema_fuzz.py: the real WSGI handler would close the test transaction's
    # connection on PostgreSQL.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_throttling(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}


@pytest.fixture
def budget_data(db):
    demo.load(io.StringIO())
    decided = YearlyReview.objects.filter(state="decided").first()
    ReviewSourceFactory(review=decided, title_fr="Communiqué")
    ReviewChange.objects.create(review=decided, note="Rechtzetting.", note_de="Berichtigung.")
    reopened = YearlyReview.objects.exclude(state="decided").first()
    reopened.decision_date = "2019-01-01"
    reopened.decision_reference = "OLD"
    reopened.save()

    huge = LegislatureFactory(slug="big", annual_ceiling=Decimal("9999999999999.99"))
    review = DecidedReviewFactory(legislature=huge, year=2015, is_example_data=True)
    for amount in ("9999999999999.99", "9999999999999.99", "0.01"):
        ReviewLineFactory(
            review=review,
            kind="commitment",
            amount_requested=Decimal(amount),
            amount_granted=Decimal(amount),
        )


def test_every_budget_response_with_real_data_matches_the_schema(budget_data):
    detail = schema["/api/v1/budget-reviews/{id}/"]["GET"]
    legislature = schema["/api/v1/legislatures/{slug}/"]["GET"]
    cases = [
        schema["/api/v1/budget-reviews/"]["GET"].Case(query={"page_size": "100"}),
        schema["/api/v1/legislatures/"]["GET"].Case(query={"page_size": "100"}),
        *(
            detail.Case(path_parameters={"id": str(pk)})
            for pk in YearlyReview.objects.values_list("pk", flat=True)
        ),
        *(
            legislature.Case(path_parameters={"slug": slug})
            for slug in Legislature.objects.values_list("slug", flat=True)
        ),
    ]

    for case in cases:
        for language in ("nl", "fr", "de", "en"):
            response = case.call_and_validate(headers={"Accept-Language": language})
            assert response.status_code == 200


@pytest.mark.django_db
@schema.parametrize()
@FUZZ_SETTINGS
def test_budget_requests_with_data_never_break_the_api(case, budget_data):
    case.call_and_validate()
