import re

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_openapi_schema_is_served(api):
    response = api.get("/api/schema/", headers={"accept": "application/json"})

    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


def test_api_docs_load_only_files_of_this_site(client):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources)


def test_unknown_api_address_answers_json_404(api):
    response = api.get("/api/v1/no-such-thing/", headers={"accept-language": "en"})

    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "detail": "Not found.",
        "field_errors": {},
        "non_field_errors": [],
    }


def test_anonymous_cannot_create_a_token(api):
    response = api.post("/api/v1/auth/token/")

    assert response.status_code in (401, 403)
    assert response.json()["code"] in ("not_authenticated", "permission_denied")


def test_user_without_role_cannot_create_a_token(api, user_without_role):
    api.force_authenticate(user_without_role)

    response = api.post("/api/v1/auth/token/")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_member_creates_a_token_that_authenticates_scripts(api, working_group_member):
    api.force_authenticate(working_group_member)
    token = api.post("/api/v1/auth/token/").json()["token"]

    script = APIClient()
    script.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = script.delete("/api/v1/auth/token/")

    assert response.status_code == 204


def test_rotating_a_token_revokes_the_old_one(api, working_group_member):
    api.force_authenticate(working_group_member)
    old = api.post("/api/v1/auth/token/").json()["token"]
    api.post("/api/v1/auth/token/")

    script = APIClient()
    script.credentials(HTTP_AUTHORIZATION=f"Token {old}")

    assert script.post("/api/v1/auth/token/").status_code == 401


def test_revoked_token_no_longer_authenticates(api, working_group_member):
    api.force_authenticate(working_group_member)
    token = api.post("/api/v1/auth/token/").json()["token"]
    api.delete("/api/v1/auth/token/")

    script = APIClient()
    script.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    assert script.post("/api/v1/auth/token/").status_code == 401


def test_openapi_schema_validates_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )

    assert (tmp_path / "schema.yml").read_text().startswith("openapi: 3")


@pytest.mark.parametrize("language", ["fr", "de", "en", "nl"])
def test_lang_parameter_chooses_the_language_of_api_messages(api, language):
    response = api.get(f"/api/v1/no-such-thing/?lang={language}")

    assert response.headers["Content-Language"] == language


def test_unknown_lang_parameter_is_ignored(api):
    response = api.get("/api/v1/no-such-thing/?lang=xx", headers={"accept-language": "fr"})

    assert response.json()["detail"] == "Introuvable."


def test_openapi_schema_is_built_once_per_process_and_language(api, monkeypatch):
    from core.api.schema import ProcessCachedSchemaGenerator

    monkeypatch.setattr(ProcessCachedSchemaGenerator, "built", {})
    first = api.get("/api/schema/", headers={"accept": "application/json"})
    again = api.get("/api/schema/", headers={"accept": "application/json"})
    assert again.content == first.content
    assert len(ProcessCachedSchemaGenerator.built) == 1

    api.get("/api/schema/?lang=fr", headers={"accept": "application/json"})
    assert {key[1] for key in ProcessCachedSchemaGenerator.built} == {"nl", "fr"}


@pytest.mark.usefixtures("uncached_pages")
@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/vnd.oai.openapi", "application/vnd.oai.openapi; charset=utf-8"),
        ("application/vnd.oai.openapi+json", "application/vnd.oai.openapi+json"),
        ("application/json", "application/json"),
    ],
)
def test_openapi_document_is_written_once_per_format(api, monkeypatch, accept, content_type):
    from core.api.schema import ProcessCachedSchemaView

    monkeypatch.setattr(ProcessCachedSchemaView, "rendered", {})
    first = api.get("/api/schema/", headers={"accept": accept})

    again = api.get("/api/schema/", headers={"accept": accept})

    assert len(ProcessCachedSchemaView.rendered) == 1
    assert (again.content, again["Content-Type"]) == (first.content, first["Content-Type"])
    assert again["Content-Type"].startswith(content_type)


@pytest.mark.usefixtures("uncached_pages")
def test_openapi_document_is_written_per_language(api, monkeypatch):
    from core.api.schema import ProcessCachedSchemaView

    monkeypatch.setattr(ProcessCachedSchemaView, "rendered", {})
    dutch = api.get("/api/schema/", headers={"accept": "application/json"})

    french = api.get("/api/schema/?lang=fr", headers={"accept": "application/json"})

    assert french.content != dutch.content
    assert {key[0][1] for key in ProcessCachedSchemaView.rendered} == {"nl", "fr"}
