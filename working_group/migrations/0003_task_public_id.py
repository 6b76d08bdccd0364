"""Give every task an opaque public identifier (ADR 0004, "Reference numbers stay inside").

Added in three steps so existing rows each get their own UUID before the column becomes
unique; their history rows get the same UUID as the task they record.
"""

import uuid

from django.db import migrations, models


def fill_public_ids(apps, schema_editor):
    Task = apps.get_model("working_group", "Task")
    HistoricalTask = apps.get_model("working_group", "HistoricalTask")
    for task in Task.objects.only("pk").iterator():
        public_id = uuid.uuid4()
        Task.objects.filter(pk=task.pk).update(public_id=public_id)
        HistoricalTask.objects.filter(id=task.pk).update(public_id=public_id)


class Migration(migrations.Migration):
    dependencies = [
        ("working_group", "0002_task_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="public_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="public identifier"),
        ),
        migrations.AddField(
            model_name="historicaltask",
            name="public_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="public identifier"),
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="task",
            name="public_id",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="public identifier"
            ),
        ),
        migrations.AlterField(
            model_name="historicaltask",
            name="public_id",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="public identifier"
            ),
        ),
    ]
