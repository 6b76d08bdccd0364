from django.core.management.base import BaseCommand

from working_group.models import TaskTally
from working_group.progress import recount_all


class Command(BaseCommand):
    help = (
        "Rebuild the task tallies (progress and board totals) from the tasks; needed after "
        "bulk writes that skip model signals, such as bulk_create or QuerySet.update."
    )

    def handle(self, *args, **options):
        recount_all()
        self.stdout.write(f"Recounted: {TaskTally.objects.count()} tallies.")
