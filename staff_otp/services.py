"""Two-factor sign-in for staff: enrolment, verification and removal of a TOTP device.

Each staff account has at most one device (an authenticator app). The secret of a device
being enrolled stays in the session until the first code proves the app holds it; only
then is the device created, confirmed, so an abandoned enrolment leaves nothing behind.
"""

import base64
import time
from binascii import unhexlify

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.models import VerifyNotAllowed
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

DEVICE_NAME = "TOTP"
PENDING_SECRET_SESSION_KEY = "staff_otp_pending_secret"

MESSAGES = {
    "required": _("Enter the 6-digit code your authenticator app shows now."),
    "invalid": _(
        "This authentication code is not valid. Enter the code your app shows now; "
        "if it keeps failing, check that the clock of your phone is right."
    ),
    "throttled": _("Too many wrong codes. Wait a moment, then enter the current code."),
}


def confirmed_device(user) -> TOTPDevice | None:
    if user is None or not user.is_authenticated:
        return None
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def verification_needed(user) -> bool:
    """Whether this signed-in user must give a code before reaching staff pages.

    Staff with a device always must; staff without one only while
    ``OTP_REQUIRED_FOR_STAFF`` is on. Everyone else never (members, the public).
    """
    if not (user.is_authenticated and user.is_staff):
        return False
    if getattr(user, "is_verified", None) is not None and user.is_verified():
        return False
    return settings.OTP_REQUIRED_FOR_STAFF or confirmed_device(user) is not None


def code_verify(*, device: TOTPDevice, code: str) -> TOTPDevice:
    """Accept ``code`` for ``device`` (returned fresh) or raise ValidationError.

    django-otp refuses a code used before and slows down guessing per device.
    """
    code = (code or "").strip().replace(" ", "")
    if not code:
        raise ValidationError(MESSAGES["required"], code="required")
    # The failure count must be committed, so the error is raised after the transaction.
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        accepted = allowed and device.verify_token(code)
    if accepted:
        return device
    if not allowed and (details or {}).get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
        raise ValidationError(MESSAGES["throttled"], code="throttled")
    raise ValidationError(MESSAGES["invalid"], code="invalid")


def pending_secret(session) -> str:
    """The hex secret offered to this session for enrolment (created on first use)."""
    if PENDING_SECRET_SESSION_KEY not in session:
        session[PENDING_SECRET_SESSION_KEY] = default_key()
    return session[PENDING_SECRET_SESSION_KEY]


def secret_for_manual_entry(secret: str) -> str:
    """The secret in base32, as authenticator apps ask for it, in groups of four."""
    text = base64.b32encode(unhexlify(secret)).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_data_uri(*, user, secret: str) -> str:
    """The otpauth:// address as an SVG QR code in a data: URI (no inline style on the page)."""
    address = TOTPDevice(user=user, key=secret).config_url
    image = qrcode.make(address, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


@transaction.atomic
def device_enrol(*, user, secret: str, code: str) -> TOTPDevice:
    """Create the user's confirmed device once ``code`` proves their app holds ``secret``."""
    if confirmed_device(user) is not None:
        raise ValidationError(_("You already have an authenticator app set up."))
    code = (code or "").strip().replace(" ", "")
    if not code:
        raise ValidationError(MESSAGES["required"], code="required")
    device = TOTPDevice(user=user, key=secret, name=DEVICE_NAME, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not code.isdigit() or not totp.verify(int(code), device.tolerance):
        raise ValidationError(MESSAGES["invalid"], code="invalid")
    # The code that confirmed the device cannot be used again to sign in.
    device.last_t = totp.t()
    device._history_user = user
    device.full_clean()
    device.save()
    return device


def device_remove(*, device: TOTPDevice, code: str, by) -> None:
    """Remove a device after a current code from it (so a stolen session alone cannot)."""
    code_verify(device=device, code=code)
    device._history_user = by
    device.delete()
