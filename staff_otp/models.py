"""No models of our own: django-otp's ``TOTPDevice`` is the device, audited from here.

The history leaves out the secret and the counters each sign-in updates, so the audit log
(core/audit.py) shows who enrolled or removed which device, and never a key.
"""

from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history import register
from simple_history.models import HistoricalRecords

# Tracked: id, user, name, confirmed, created_at. Everything else is secret or noise.
UNTRACKED_FIELDS = [
    "key",
    "step",
    "t0",
    "digits",
    "tolerance",
    "drift",
    "last_t",
    "last_used_at",
    "throttling_failure_timestamp",
    "throttling_failure_count",
]


class DeviceHistoricalRecords(HistoricalRecords):
    """Records enrolment, removal and changes of owner, name or confirmation only.

    django-otp saves the device on every verified or wrong code (drift, last use,
    throttling); recording those saves would bury the audit log in empty entries.
    """

    def post_save(self, instance, created, using=None, **kwargs):
        if not created:
            latest = instance.history.using(using).first()
            if latest is not None and all(
                getattr(latest, name) == getattr(instance, name)
                for name in ("user_id", "name", "confirmed")
            ):
                return
        super().post_save(instance, created, using=using, **kwargs)


register(
    TOTPDevice,
    app="staff_otp",
    records_class=DeviceHistoricalRecords,
    excluded_fields=UNTRACKED_FIELDS,
)
