"""Who must give a code before reaching staff pages: OTP_REQUIRED_FOR_STAFF on and off."""

import pytest
from rest_framework.authtoken.models import Token

from tests.regions.factories import draft_analysis
from tests.staff_otp.helpers import (
    PAGE_URL,
    code_for,
    code_for_secret,
    device_for,
    pending_secret,
    sign_in,
)
from tests.working_group.factories import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.OTP_REQUIRED_FOR_STAFF = True


def test_required_sends_an_unverified_editor_from_an_admin_page_to_enrolment(
    client, editor, required
):
    client.force_login(editor)

    response = client.get("/en/admin/regions/analysis/")

    assert response.status_code == 302
    assert response.url == f"{PAGE_URL}?next=/en/admin/regions/analysis/"


def test_required_lets_a_verified_editor_through(client, editor, required):
    device = device_for(editor)
    sign_in(client, editor, code_for(device))

    assert client.get("/en/admin/regions/analysis/").status_code == 200


def test_required_sends_an_unverified_superuser_from_the_audit_log_to_enrolment(
    client, superuser, required
):
    client.force_login(superuser)

    response = client.get("/en/admin/audit/")

    assert response.status_code == 302
    assert response.url.startswith(PAGE_URL)


def test_required_still_lets_an_unverified_editor_open_enrolment_and_sign_out(
    client, editor, required
):
    client.force_login(editor)

    assert client.get(PAGE_URL).status_code == 200
    assert client.post("/en/admin/logout/").status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_verified_session_returns_to_the_page_it_was_sent_from(client, editor, required):
    client.force_login(editor)
    secret = pending_secret(client)

    response = client.post(
        PAGE_URL + "?next=/en/admin/regions/analysis/",
        {"code": code_for_secret(secret), "next": "/en/admin/regions/analysis/"},
    )

    assert response.url == "/en/admin/regions/analysis/"


def test_not_required_lets_an_editor_without_a_device_in_with_the_password(client, editor):
    sign_in(client, editor)

    assert client.get("/en/admin/regions/analysis/").status_code == 200


def test_not_required_still_stops_a_session_without_code_of_a_user_with_a_device(client, editor):
    # A session signed in before the device was added elsewhere.
    client.force_login(editor)
    device_for(editor)

    response = client.get("/en/admin/")

    assert response.status_code == 302
    assert response.url.startswith(PAGE_URL)


def test_an_unverified_session_with_a_device_is_verified_by_a_code(client, editor):
    client.force_login(editor)
    device = device_for(editor)

    client.post(PAGE_URL, {"code": code_for(device)})

    assert client.get("/en/admin/").status_code == 200


def test_required_leaves_the_members_area_alone(client, working_group_member, required):
    MemberFactory(user=working_group_member)

    response = client.post(
        "/en/working-group/members/sign-in/",
        {"username": working_group_member.username, "password": "correct horse battery staple"},
    )

    assert response.status_code == 302
    assert client.get("/en/working-group/members/").status_code == 200


def test_required_leaves_public_pages_alone_for_unverified_staff(client, editor, required):
    client.force_login(editor)

    assert client.get("/en/").status_code == 200


def test_required_stops_an_unverified_staff_session_from_minting_an_api_token(
    client, superuser, required
):
    client.force_login(superuser)

    response = client.post("/api/v1/auth/token/")

    assert response.status_code == 403


def test_required_lets_a_verified_staff_session_mint_an_api_token(client, superuser, required):
    device = device_for(superuser)
    sign_in(client, superuser, code_for(device))

    assert client.post("/api/v1/auth/token/").status_code == 201


def test_required_lets_members_mint_an_api_token(client, working_group_member, required):
    client.force_login(working_group_member)

    assert client.post("/api/v1/auth/token/").status_code == 201


def test_an_api_token_keeps_working_when_two_factor_is_required(
    client, working_group_member, required
):
    MemberFactory(user=working_group_member)
    token = Token.objects.create(user=working_group_member)

    response = client.get(
        "/api/v1/working-group/tasks/", headers={"Authorization": f"Token {token.key}"}
    )

    assert response.status_code == 200


def test_required_sends_an_unverified_editor_from_a_draft_preview_to_enrolment(
    client, editor, required
):
    draft = draft_analysis(slug="preview-two-factor")
    client.force_login(editor)

    response = client.get(f"/en/security-environment/preview/{draft.pk}/")

    assert response.status_code == 302
    assert response.url.startswith(PAGE_URL)
