"""Every app refuses an unreadable filter value in the same words (core.api.filters)."""

import pytest

from tests.api.working_group_support import api_client, build_team

pytestmark = pytest.mark.django_db

EMPTY_VALUE = "Give a value, or leave the parameter out."
NOT_A_BOOLEAN = "Give true or false."

# One list per app; the working group's boolean filters are on the members' tasks.
CHOICE_FILTERS = [
    ("/api/v1/regions/", "group"),
    ("/api/v1/budget-reviews/", "state"),
    ("/api/v1/working-group/public-tasks/", "state"),
]
BOOLEAN_FILTERS = [
    ("/api/v1/regions/", "top_level"),
    ("/api/v1/budget-reviews/", "is_example_data"),
    ("/api/v1/working-group/tasks/", "overdue"),
]


@pytest.fixture
def api(working_group_member):
    build_team(working_group_member)
    return api_client(working_group_member)


def field_errors(api, address, parameter, value) -> list[str]:
    response = api.get(address, {parameter: value}, headers={"accept-language": "en"})

    assert response.status_code == 400, response.content
    return response.json()["field_errors"][parameter]


@pytest.mark.parametrize(("address", "parameter"), CHOICE_FILTERS + BOOLEAN_FILTERS)
def test_an_empty_filter_value_is_refused_in_the_same_words_in_every_app(api, address, parameter):
    assert field_errors(api, address, parameter, "") == [EMPTY_VALUE]


@pytest.mark.parametrize("value", ["maybe", "1", "True"])
@pytest.mark.parametrize(("address", "parameter"), BOOLEAN_FILTERS)
def test_a_boolean_filter_takes_only_true_or_false_in_the_same_words_in_every_app(
    api, address, parameter, value
):
    assert field_errors(api, address, parameter, value) == [NOT_A_BOOLEAN]


@pytest.mark.parametrize(("address", "parameter"), BOOLEAN_FILTERS)
def test_a_boolean_filter_reads_true_and_false(api, address, parameter):
    for value in ("true", "false"):
        assert api.get(address, {parameter: value}).status_code == 200
