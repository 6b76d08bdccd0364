from django.core.management.base import BaseCommand
from django.utils import timezone

from working_group.reminders import DUE_SOON_DAYS, send_task_reminders


class Command(BaseCommand):
    help = "Email each task owner a digest of overdue and due-soon tasks (once per day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=DUE_SOON_DAYS,
            help="How many days ahead count as 'due soon' (default %(default)s).",
        )

    def handle(self, *args, days, **options):
        sent = send_task_reminders(today=timezone.localdate(), due_soon_days=days)
        self.stdout.write(f"Sent {sent} reminder digest(s).")
