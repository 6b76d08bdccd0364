"""``?ordering=`` behaves the same on every endpoint (core.api.ordering)."""

import pytest
from rest_framework.test import APIClient

from tests.working_group.factories import MilestoneFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_api_throttling")]

MILESTONES = "/api/v1/working-group/milestones/"


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/analyses/",
        "/api/v1/budget-reviews/",
        MILESTONES,
        "/api/v1/working-group/decisions/",
    ],
)
def test_an_unknown_ordering_is_refused_on_every_app(api, address):
    response = api.get(address, {"ordering": "secret"}, headers={"accept-language": "en"})

    assert response.status_code == 400
    assert response.json()["field_errors"]["ordering"][0].startswith("Choose one of: ")


def test_the_refusal_names_the_values_the_endpoint_accepts(api):
    response = api.get(MILESTONES, {"ordering": "title"}, headers={"accept-language": "en"})

    assert response.json()["field_errors"] == {"ordering": ["Choose one of: date, -date."]}


def test_descending_order_is_the_ascending_one_reversed_ties_included(api):
    same_day = [MilestoneFactory() for _ in range(3)]

    ascending = [item["id"] for item in api.get(MILESTONES, {"ordering": "date"}).json()["results"]]
    descending = [
        item["id"] for item in api.get(MILESTONES, {"ordering": "-date"}).json()["results"]
    ]

    assert ascending == [milestone.pk for milestone in same_day]
    assert descending == ascending[::-1]


def test_every_ordering_parameter_in_the_schema_lists_its_values(api):
    schema = api.get("/api/schema/", headers={"accept": "application/json"}).json()

    orderings = [
        parameter
        for operations in schema["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["name"] == "ordering"
    ]

    assert len(orderings) >= 10
    for parameter in orderings:
        values = parameter["schema"]["enum"]
        assert values and all(f"-{value}" in values for value in values[::2])
