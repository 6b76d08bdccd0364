"""Daily digest of each owner's overdue and due-soon tasks, sent at most once a day."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from working_group.models import Member, ReminderLog, Task

DUE_SOON_DAYS = 7


def send_task_reminders(*, today: date, due_soon_days: int = DUE_SOON_DAYS) -> int:
    """Email every active member with an address one digest; return how many were sent.

    The ``ReminderLog`` row is written in the same transaction as the send, and its
    unique (member, date) constraint makes a second run on the same day send nothing.
    """
    horizon = today + timedelta(days=due_soon_days)
    tasks = (
        Task.objects.open()
        .filter(owner__active=True, due_date__lte=horizon)
        .exclude(owner__user__isnull=True)
        .exclude(owner__user__email="")
        .exclude(owner__reminder_logs__date=today)
        .select_related("owner__user", "track")
        .order_by("owner_id", "due_date", "number")
    )
    by_member: dict[int, tuple[Member, list[Task]]] = {}
    for task in tasks:
        by_member.setdefault(task.owner_id, (task.owner, []))[1].append(task)

    sent = 0
    for member, member_tasks in by_member.values():
        try:
            with transaction.atomic():
                ReminderLog.objects.create(member=member, date=today, task_count=len(member_tasks))
                _send_digest(member, member_tasks, today)
        except IntegrityError:
            continue  # Another run sent today's digest in the meantime.
        sent += 1
    return sent


def _send_digest(member: Member, tasks: list[Task], today: date) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "member": member,
            "overdue": [task for task in tasks if task.due_date < today],
            "due_soon": [task for task in tasks if task.due_date >= today],
            "today": today,
        }
        body = render_to_string("working_group/email/task_reminder.txt", context)
        subject = _("Working group: %(count)s task(s) need your attention") % {"count": len(tasks)}
    send_mail(subject, body, None, [member.user.email])
