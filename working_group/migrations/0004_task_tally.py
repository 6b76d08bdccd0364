"""Tallies of tasks per track and milestone, visibility and state: what progress is read from.

The tallies are filled from the existing tasks here; afterwards ``working_group.progress``
keeps them with every task write.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, F, Sum, Value
from django.db.models.functions import Coalesce


def fill_tallies(apps, schema_editor):
    Task = apps.get_model("working_group", "Task")
    TaskTally = apps.get_model("working_group", "TaskTally")
    weight = Coalesce(F("weight"), Value(1))
    for key, tasks in (
        ("track", Task.objects.all()),
        ("milestone", Task.objects.filter(milestone__isnull=False)),
    ):
        rows = (
            tasks.order_by()
            .values(key, "visibility", "state")
            .annotate(count=Count("pk"), points=Sum(F("progress") * weight), total=Sum(weight))
        )
        TaskTally.objects.bulk_create(
            TaskTally(
                **{f"{key}_id": row[key]},
                visibility=row["visibility"],
                state=row["state"],
                tasks=row["count"],
                points=row["points"] or 0,
                weight=row["total"] or 0,
            )
            for row in rows
        )


class Migration(migrations.Migration):
    dependencies = [
        ("working_group", "0003_task_public_id"),
    ]

    operations = [
        migrations.CreateModel(
            name="TaskTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[("internal", "Internal (members only)"), ("public", "Public")],
                        max_length=10,
                        verbose_name="visibility",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("todo", "To do"),
                            ("in_progress", "In progress"),
                            ("blocked", "Blocked"),
                            ("done", "Done"),
                            ("cancelled", "Cancelled"),
                        ],
                        max_length=20,
                        verbose_name="state",
                    ),
                ),
                ("tasks", models.PositiveIntegerField(default=0, verbose_name="tasks")),
                ("points", models.PositiveBigIntegerField(default=0, verbose_name="points")),
                ("weight", models.PositiveBigIntegerField(default=0, verbose_name="weight")),
                (
                    "milestone",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tallies",
                        to="working_group.milestone",
                        verbose_name="milestone",
                    ),
                ),
                (
                    "track",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tallies",
                        to="working_group.track",
                        verbose_name="track",
                    ),
                ),
            ],
            options={
                "verbose_name": "task tally",
                "verbose_name_plural": "task tallies",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("milestone__isnull", True), ("track__isnull", False)),
                            models.Q(("milestone__isnull", False), ("track__isnull", True)),
                            _connector="OR",
                        ),
                        name="wg_tally_track_or_milestone",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("track__isnull", False)),
                        fields=("track", "visibility", "state"),
                        name="wg_tally_unique_track",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("milestone__isnull", False)),
                        fields=("milestone", "visibility", "state"),
                        name="wg_tally_unique_milestone",
                    ),
                ],
            },
        ),
        migrations.RunPython(fill_tallies, migrations.RunPython.noop),
    ]
