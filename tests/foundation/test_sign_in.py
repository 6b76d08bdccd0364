import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/en/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff_user():
    return UserFactory(username="editor-anna", is_staff=True)


def sign_in(client, username, password):
    return client.post(
        LOGIN_URL, {"username": username, "password": password, "next": "/en/admin/"}
    )


def test_ten_wrong_passwords_lock_the_account_from_that_address(client, staff_user):
    for _attempt in range(10):
        sign_in(client, staff_user.username, "wrong password")

    response = sign_in(client, staff_user.username, PASSWORD)

    assert response.status_code == 429
    assert "Sign-in temporarily locked" in response.text
    assert "_auth_user_id" not in client.session


def test_nine_wrong_passwords_still_allow_the_right_one(client, staff_user):
    for _attempt in range(9):
        sign_in(client, staff_user.username, "wrong password")

    response = sign_in(client, staff_user.username, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_user.pk)


def test_changing_the_password_ends_other_sessions(client, staff_user):
    client.force_login(staff_user)
    staff_user.set_password("a brand new long passphrase")
    staff_user.save()

    response = client.get("/en/admin/")

    assert response.status_code == 302
    assert response.url.startswith(LOGIN_URL)


def test_sessions_expire_within_a_working_day(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_short_and_common_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("short1", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak)
