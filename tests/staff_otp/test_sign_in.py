"""The admin's sign-in asks staff with a device for a code; wrong codes count like wrong
passwords towards the django-axes lock-out."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY

from tests.staff_otp.helpers import code_for, device_for, sign_in, wrong_code

pytestmark = pytest.mark.django_db


def test_a_staff_member_with_a_device_signs_in_with_password_and_current_code(client, editor):
    device = device_for(editor)

    response = sign_in(client, editor, code_for(device))

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id


def test_a_wrong_code_is_refused_with_a_clear_message(client, editor):
    device = device_for(editor)

    response = sign_in(client, editor, wrong_code(device))

    assert response.status_code == 200
    assert "This authentication code is not valid." in response.text
    assert "_auth_user_id" not in client.session


def test_a_missing_code_is_refused_when_the_user_has_a_device(client, editor):
    device_for(editor)

    response = sign_in(client, editor, "")

    assert "Enter the 6-digit code your authenticator app shows now." in response.text
    assert "_auth_user_id" not in client.session


def test_the_refusal_is_translated(client, editor):
    device = device_for(editor)

    response = client.post(
        "/nl/admin/login/",
        {"username": editor.username, "password": "correct horse battery staple",
         "otp_token": wrong_code(device), "next": "/nl/admin/"},
    )  # fmt: skip

    assert "Deze authenticatiecode is niet geldig." in response.text


def test_ten_wrong_codes_lock_the_account_like_wrong_passwords(client, editor):
    device = device_for(editor)
    for _attempt in range(10):
        sign_in(client, editor, wrong_code(device))

    response = sign_in(client, editor, code_for(device))

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_staff_member_without_a_device_signs_in_with_the_password_alone(client, editor):
    response = sign_in(client, editor)

    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 200


def test_the_sign_in_form_labels_the_code_field(client):
    html = client.get("/en/admin/login/").text

    assert '<label for="id_otp_token">Authentication code:</label>' in html
    assert 'autocomplete="one-time-code"' in html
