import pytest
from django.db import OperationalError, ProgrammingError
from django.urls import path


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1 port 5432 failed")


def programming_error(request):
    raise ProgrammingError("column does not exist")


urlpatterns = [
    path("page/", database_gone),
    path("api/v1/things/", database_gone),
    path("bug/", programming_error),
]


@pytest.fixture
def failing_client(client, settings, db):
    # `db`: the page cache reads the next scheduled publication before the view fails.
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    return client


def test_lost_database_gives_the_translated_503_page(failing_client):
    response = failing_client.get("/page/", headers={"accept-language": "fr"})

    assert response.status_code == 503
    assert "Temporairement indisponible" in response.text
    assert response.headers["Retry-After"] == "30"


def test_lost_database_under_the_api_gives_a_json_503(failing_client):
    response = failing_client.get("/api/v1/things/")

    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"


def test_a_programming_error_is_still_a_500(failing_client):
    response = failing_client.get("/bug/")

    assert response.status_code == 500
