import json

import pytest

from tests.helpers import run_manage


@pytest.mark.django_db
def test_healthz_reports_a_reachable_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response.headers["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable():
    # A real failure: PostgreSQL on a port where nothing listens, in a fresh process.
    script = (
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(r.status_code, r.content.decode())"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        env={
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/visie",
            "DEBUG": "1",
            "ALLOWED_HOSTS": "testserver",
        },
    )

    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body) == {"status": "unavailable", "database": "unreachable"}
