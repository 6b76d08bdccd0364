"""Codes computed by django-otp's own TOTP, as an authenticator app would show them."""

import time
from binascii import unhexlify

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_otp.services import PENDING_SECRET_SESSION_KEY

LOGIN_URL = "/en/admin/login/"
PAGE_URL = "/en/admin/two-factor/"
REMOVE_URL = "/en/admin/two-factor/remove/"
PASSWORD = "correct horse battery staple"


def code_for_secret(secret: str, steps_ahead: int = 0) -> str:
    totp = TOTP(unhexlify(secret))
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The device's current code; ``steps_ahead=1`` gives the next one (still accepted),
    for a second sign-in within the same 30 seconds (a code is never accepted twice)."""
    return code_for_secret(device.key, steps_ahead)


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


def device_for(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)


def pending_secret(client) -> str:
    client.get(PAGE_URL)
    return client.session[PENDING_SECRET_SESSION_KEY]


def sign_in(client, user, code=""):
    return client.post(
        LOGIN_URL,
        {"username": user.username, "password": PASSWORD, "otp_token": code, "next": "/en/admin/"},
    )
