"""Enrolment and removal of a device are in the audit log; its secret never is."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.staff_otp.helpers import (
    PAGE_URL,
    REMOVE_URL,
    code_for,
    code_for_secret,
    device_for,
    pending_secret,
    sign_in,
    wrong_code,
)

pytestmark = pytest.mark.django_db


def enrol(client, user):
    client.force_login(user)
    client.post(PAGE_URL, {"code": code_for_secret(pending_secret(client))})
    return TOTPDevice.objects.get(user=user)


def test_enrolment_is_recorded_with_its_author(client, editor):
    device = enrol(client, editor)

    entry = device.history.get()
    assert (entry.history_type, entry.history_user, entry.confirmed) == ("+", editor, True)


def test_removal_is_recorded_with_its_author(client, editor):
    device = enrol(client, editor)

    client.post(REMOVE_URL, {"code": code_for(device, steps_ahead=1)})

    entry = TOTPDevice.history.model.objects.filter(id=device.pk).first()
    assert (entry.history_type, entry.history_user) == ("-", editor)


def test_signing_in_with_codes_adds_no_audit_entries(client, editor):
    device = device_for(editor)
    sign_in(client, editor, wrong_code(device))
    sign_in(client, editor, code_for(device, steps_ahead=1))

    assert device.history.count() == 1


def test_the_audit_entry_of_a_device_never_shows_its_secret(client, editor, superuser):
    device = enrol(client, editor)
    client.force_login(superuser)

    response = client.get(f"/en/admin/audit/otp_totp.totpdevice/{device.history.get().pk}/")

    assert response.status_code == 200
    assert device.key not in response.text


def test_a_device_cannot_be_restored_from_the_audit_log(client, editor, superuser):
    device = enrol(client, editor)
    client.post(REMOVE_URL, {"code": code_for(device, steps_ahead=1)})
    removal = TOTPDevice.history.model.objects.filter(id=device.pk).first()
    client.force_login(superuser)

    client.post(f"/en/admin/audit/otp_totp.totpdevice/{removal.pk}/revert/")

    assert not TOTPDevice.objects.filter(user=editor).exists()
