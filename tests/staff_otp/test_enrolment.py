"""Staff enrol an authenticator app themselves; only a code from it confirms the device."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.staff_otp.helpers import (
    PAGE_URL,
    REMOVE_URL,
    code_for,
    code_for_secret,
    device_for,
    pending_secret,
    wrong_code,
)

pytestmark = pytest.mark.django_db


def test_enrolment_page_shows_a_qr_code_and_the_key_to_type(client, editor):
    client.force_login(editor)

    response = client.get(PAGE_URL)

    assert response.status_code == 200
    assert '<img src="data:image/svg+xml;base64,' in response.text
    assert response.context["secret"].replace(" ", "").isalnum()
    assert response.context["secret"] in response.text


def test_the_enrolment_page_has_no_inline_style_or_script(client, editor):
    client.force_login(editor)

    html = client.get(PAGE_URL).text

    assert "style=" not in html
    assert "<script>" not in html


def test_enrolment_with_a_valid_code_creates_a_confirmed_device(client, editor):
    client.force_login(editor)
    secret = pending_secret(client)

    response = client.post(PAGE_URL, {"code": code_for_secret(secret)})

    assert response.status_code == 302
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    assert device.key == secret


def test_enrolment_with_a_wrong_code_creates_no_device(client, editor):
    client.force_login(editor)
    secret = pending_secret(client)
    wrong = f"{(int(code_for_secret(secret)) + 500_000) % 1_000_000:06d}"

    response = client.post(PAGE_URL, {"code": wrong})

    assert response.status_code == 200
    assert "This authentication code is not valid." in response.text
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_enrolment_verifies_the_session_that_enrolled(client, editor, settings):
    settings.OTP_REQUIRED_FOR_STAFF = True
    client.force_login(editor)
    secret = pending_secret(client)
    client.post(PAGE_URL, {"code": code_for_secret(secret)})

    assert client.get("/en/admin/").status_code == 200


def test_the_code_that_confirmed_the_device_cannot_be_used_again(client, editor):
    client.force_login(editor)
    secret = pending_secret(client)
    code = code_for_secret(secret)
    client.post(PAGE_URL, {"code": code})
    client.logout()
    client.force_login(editor)

    response = client.post(PAGE_URL, {"code": code})

    assert "This authentication code is not valid." in response.text


def test_a_staff_member_removes_the_device_with_a_current_code(client, editor):
    device = device_for(editor)
    client.force_login(editor)
    client.post(PAGE_URL, {"code": code_for(device)})  # verifies the session

    client.post(REMOVE_URL, {"code": code_for(device, steps_ahead=1)})

    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_a_wrong_code_does_not_remove_the_device(client, editor):
    device = device_for(editor)
    client.force_login(editor)
    client.post(PAGE_URL, {"code": code_for(device)})

    response = client.post(REMOVE_URL, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_the_admin_links_to_the_two_factor_page(client, editor):
    client.force_login(editor)

    assert f'href="{PAGE_URL}"' in client.get("/en/admin/").text


def test_superusers_see_devices_in_the_admin_but_never_their_key(client, superuser, editor):
    device = device_for(editor)
    client.force_login(superuser)

    response = client.get(f"/en/admin/otp_totp/totpdevice/{device.pk}/change/")

    assert response.status_code == 200
    assert device.key not in response.text
