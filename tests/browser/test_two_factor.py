"""A staff member sets up two-factor sign-in by the key shown as text, then signs in with a
code; the two-factor page and the sign-in form pass axe-core (WCAG 2.1 AA)."""

import base64
import time

import pytest
from django_otp.oath import TOTP

from core import roles
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def code_for_key_text(key_text, steps_ahead=0):
    totp = TOTP(base64.b32decode(key_text.replace(" ", "")))
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def sign_in(page, live_server, username, code=""):
    page.goto(f"{live_server.url}/en/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Authentication code").fill(code)
    page.get_by_role("button", name="Log in").click()


def test_the_sign_in_form_with_the_code_field_has_no_wcag_violations(
    page, live_server, assert_accessible
):
    page.goto(f"{live_server.url}/en/admin/login/")

    assert_accessible(page)


def test_an_editor_sets_up_two_factor_and_signs_in_with_a_code(
    page, live_server, assert_accessible
):
    UserFactory(username="tara-two-factor", is_staff=True, groups=[roles.EDITORS])
    sign_in(page, live_server, "tara-two-factor")
    page.wait_for_url(f"{live_server.url}/en/admin/")

    page.get_by_role("link", name="Two-factor sign-in").click()
    assert_accessible(page)
    key_text = page.locator("#content-main code").inner_text()
    page.get_by_label("Authentication code").fill(code_for_key_text(key_text))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    page.wait_for_url(f"{live_server.url}/en/admin/")
    page.locator("#logout-form button").click()
    page.wait_for_url("**/admin/logout/")

    sign_in(page, live_server, "tara-two-factor", code_for_key_text(key_text, steps_ahead=1))

    page.wait_for_url(f"{live_server.url}/en/admin/")
