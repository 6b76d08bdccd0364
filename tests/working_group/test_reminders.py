"""Acceptance 4: the reminder digest, once per owner and day, through locmem email."""

import datetime

import pytest
from django.core.management import call_command

from tests.factories import UserFactory
from tests.working_group.factories import MemberFactory, TaskFactory
from working_group.models import ReminderLog, Task
from working_group.reminders import send_task_reminders

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 27)


@pytest.fixture
def owner_with_tasks(member, track):
    TaskFactory(
        track=track, owner=member, title_nl="Te laat", due_date=TODAY - datetime.timedelta(days=3)
    )
    TaskFactory(
        track=track,
        owner=member,
        title_nl="Binnenkort",
        due_date=TODAY + datetime.timedelta(days=2),
    )
    TaskFactory(
        track=track, owner=member, title_nl="Later", due_date=TODAY + datetime.timedelta(days=30)
    )
    TaskFactory(
        track=track, owner=member, title_nl="Al klaar", state=Task.State.DONE, progress=100,
        due_date=TODAY - datetime.timedelta(days=1),
    )  # fmt: skip
    return member


def test_an_owner_gets_one_digest_of_overdue_and_due_soon_tasks(mailoutbox, owner_with_tasks):
    sent = send_task_reminders(today=TODAY)

    assert sent == 1
    (message,) = mailoutbox
    assert message.to == [owner_with_tasks.user.email]
    assert "Te laat" in message.body
    assert "Binnenkort" in message.body


def test_the_digest_leaves_out_done_and_far_away_tasks(mailoutbox, owner_with_tasks):
    send_task_reminders(today=TODAY)

    assert "Later" not in mailoutbox[0].body
    assert "Al klaar" not in mailoutbox[0].body


def test_the_digest_is_plain_text_in_the_portal_language(mailoutbox, owner_with_tasks, settings):
    settings.LANGUAGE_CODE = "en"

    send_task_reminders(today=TODAY)

    assert "Overdue:" in mailoutbox[0].body
    assert "Due soon:" in mailoutbox[0].body
    assert not mailoutbox[0].alternatives


def test_sending_twice_on_the_same_day_sends_nothing_twice(mailoutbox, owner_with_tasks):
    send_task_reminders(today=TODAY)
    second = send_task_reminders(today=TODAY)

    assert second == 0
    assert len(mailoutbox) == 1
    assert ReminderLog.objects.get().task_count == 2


def test_the_next_day_sends_a_new_digest(mailoutbox, owner_with_tasks):
    send_task_reminders(today=TODAY)
    send_task_reminders(today=TODAY + datetime.timedelta(days=1))

    assert len(mailoutbox) == 2


def test_members_without_an_email_address_are_skipped(mailoutbox, group, track):
    silent = MemberFactory(group=group, user=UserFactory(email=""))
    TaskFactory(track=track, owner=silent, due_date=TODAY)

    assert send_task_reminders(today=TODAY) == 0
    assert mailoutbox == []


def test_inactive_members_are_not_reminded(mailoutbox, owner_with_tasks):
    owner_with_tasks.active = False
    owner_with_tasks.save()

    assert send_task_reminders(today=TODAY) == 0


def test_the_management_command_is_idempotent_per_day(mailoutbox, owner_with_tasks):
    call_command("send_task_reminders")
    call_command("send_task_reminders")

    assert len(mailoutbox) == 1


def test_the_django_task_sends_the_same_digest(mailoutbox, owner_with_tasks):
    from working_group.tasks import send_task_reminders_task

    result = send_task_reminders_task.enqueue()

    assert result.return_value == 1
    assert len(mailoutbox) == 1
