"""The members' board's cards as plain values; ``members/board.html`` lays them out.

Up to 125 cards a page, never cached. The template escapes every value; what makes it
affordable is done here once a page: one reverse() for all the addresses, the priority
labels and the progress wording translated once, each due date formatted once (a column
holds few distinct ones), and each card a dict (a template looks a name up in a dict
before trying an attribute).
"""

from datetime import date

from django.utils import formats
from django.utils.translation import gettext

from core.addresses import address_maker
from working_group.models import OPEN_STATES, Task, Visibility, task_reference


def board_columns(columns, *, tracks, today: date) -> list[tuple[Task.State, list[dict], int]]:
    """``selectors.board_tasks()``'s columns with each row made the card it shows.

    ``tracks``: every track (the page lists them anyway), for their names.
    """
    address = address_maker("working_group:task_detail", "number", 987654321)
    track_names = {track.pk: track.name for track in tracks}
    priorities = {value: str(label) for value, label in Task.Priority.choices}
    progress = gettext("%(progress)s %% done")
    shown_dates = {}

    def card(row: dict) -> dict:
        due_date = row["due_date"]
        if due_date is not None and due_date not in shown_dates:
            shown_dates[due_date] = formats.date_format(due_date, "SHORT_DATE_FORMAT")
        return {
            "address": address(row["number"]),
            "reference": task_reference(row["number"]),
            "title": row["title"],
            "owner": row["owner__name"],
            "track": track_names[row["track"]],
            "priority": priorities[row["priority"]],
            "progress": progress % {"progress": row["progress"]},
            "due_date": due_date,
            "due": shown_dates.get(due_date),
            "overdue": due_date is not None and due_date < today and row["state"] in OPEN_STATES,
            "blocked_reason": row["blocked_reason"] if row["state"] == Task.State.BLOCKED else "",
            "public": row["visibility"] == Visibility.PUBLIC,
            "example": row["is_example_data"],
        }

    return [(state, [card(row) for row in rows], total) for state, rows, total in columns]
