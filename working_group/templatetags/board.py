"""The members' board cards, written in Python: up to 100 per page, never cached.

In the template the cards were three quarters of the board's cost (variable lookups,
translations and filters per card). Here the words every card repeats are translated
once per column, and each card is one f-string of escaped values: every value from the
database or a catalogue goes through ``escape`` (the standard library's, as Django's
own ``escape`` does, without its lazy-string check per call).
"""

from html import escape

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from core.addresses import address_maker
from working_group.models import Task, Visibility

register = template.Library()


@register.simple_tag
def board_cards(tasks, today) -> SafeString:
    if not tasks:
        # Not inside an f-string: makemessages does not look there.
        return format_html("<p>{}</p>", gettext("No tasks."))
    words = {
        key: escape(text)
        for key, text in {
            "priority": gettext("priority"),
            "due": gettext("due"),
            "overdue": gettext("Overdue"),
            "blocked": gettext("Blocked:"),
            Visibility.PUBLIC: gettext("Public"),
            Visibility.INTERNAL: gettext("Internal"),
            "example": gettext("Example data"),
        }.items()
    }
    address = address_maker("working_group:task_detail", "number", 987654321)
    return mark_safe("\n".join(_card(task, today, words, address) for task in tasks))


def _card(task: Task, today, words: dict, address) -> str:
    url = address(task.number)
    progress = escape(gettext("%(progress)s %% done") % {"progress": task.progress})
    due = overdue = blocked = example = ""
    if task.due_date:
        shown = escape(formats.date_format(task.due_date, "SHORT_DATE_FORMAT"))
        due = f' · {words["due"]} <time datetime="{task.due_date.isoformat()}">{shown}</time>'
        if task.due_date < today and task.is_open:
            overdue = f' · <strong class="wg-overdue">{words["overdue"]}</strong>'
    if task.state == Task.State.BLOCKED:
        blocked = f"<p>{words['blocked']} {escape(task.blocked_reason)}</p>"
    if task.is_example_data:
        example = f' · <span class="example-data">{words["example"]}</span>'
    priority = escape(str(Task.Priority(task.priority).label))
    visibility = words.get(task.visibility, words[Visibility.INTERNAL])
    return (
        '<article class="wg-card">\n'
        f'  <h3><a href="{url}">{escape(task.reference)} {escape(task.title)}</a></h3>\n'
        f"  <p>{escape(task.owner.name)} · {escape(task.track.name)} · "
        f"{words['priority']}: {priority}</p>\n"
        f"  <p>{progress}{due}{overdue}</p>\n"
        f"  {blocked}\n"
        f"  <p>{visibility}{example}</p>\n"
        "</article>"
    )
