"""Indexes for the board (one bounded read per state column) and the public lists.

No index starts with ``visibility`` any more: it holds two values, and SQLite's planner
(without statistics) preferred such an index even where a join was far more selective.
"""

from django.db import migrations, models

# The board's order (working_group.models.BOARD_ORDER, frozen here): priority down, no due
# date last (as an expression, which SQLite can index), due date, number.
BOARD_ORDER = (
    models.OrderBy(models.F("priority"), descending=True),
    models.OrderBy(
        models.ExpressionWrapper(
            models.Q(("due_date__isnull", True)), output_field=models.BooleanField()
        )
    ),
    models.OrderBy(models.F("due_date")),
    models.OrderBy(models.F("number")),
)


class Migration(migrations.Migration):
    dependencies = [
        ("working_group", "0004_task_tally"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="task", name="wg_task_due"),
        migrations.RemoveIndex(model_name="task", name="wg_task_vis_track"),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["due_date", "public_id"], name="wg_task_due_public_id"),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(models.F("state"), *BOARD_ORDER, name="wg_task_board"),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                models.F("track"), models.F("state"), *BOARD_ORDER, name="wg_task_track_board"
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["track", "visibility", "due_date", "public_id"],
                name="wg_task_track_vis_due",
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["progress", "public_id"], name="wg_task_progress"),
        ),
    ]
