"""The reminders as a Django task, for deployments that configure a ``TASKS`` backend.

A periodic trigger (cron, systemd timer) enqueues it; without a worker backend the
management command ``send_task_reminders`` does the same thing directly.
"""

from django.tasks import task
from django.utils import timezone

from working_group.reminders import send_task_reminders


@task
def send_task_reminders_task() -> int:
    return send_task_reminders(today=timezone.localdate())
