"""Load the working group's demo content; idempotent (natural keys, ``sync_record``).

The loader writes directly rather than through ``services``: it is set-up data, not a
member's action, so there is no acting member to check. ``full_clean`` still runs.
"""

from django.db import transaction
from django.db.models import Max

from core.seeding import sync_record
from working_group import demo_data
from working_group.models import (
    Decision,
    Meeting,
    Member,
    Milestone,
    Task,
    Track,
    Visibility,
    WorkingGroup,
)


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": text for code, text in values.items()}


def _visibility(public: bool) -> str:
    return Visibility.PUBLIC if public else Visibility.INTERNAL


@transaction.atomic
def load(stdout) -> None:
    data = demo_data.GROUP
    group = sync_record(
        WorkingGroup,
        lookup={"slug": data["slug"]},
        values={
            "start_date": data["start_date"],
            "is_example_data": data["is_example_data"],
            **_translated("name", data["name"]),
            **_translated("mandate", data["mandate"]),
        },
    )
    members = []
    for name, role, organisation, example in demo_data.MEMBERS:
        member = sync_record(
            Member,
            lookup={"group": group, "name": name},
            values={
                "role": role,
                "party_or_organisation": organisation,
                "is_example_data": example,
            },
        )
        members.append(member)
    tracks = {}
    for slug, order, names in demo_data.TRACKS:
        tracks[slug] = sync_record(
            Track,
            lookup={"group": group, "slug": slug},
            values={"order": order, **_translated("name", names)},
        )
    milestones = {}
    for key, when, track, public, titles in demo_data.MILESTONES:
        milestones[key] = sync_record(
            Milestone,
            lookup={"title_nl": titles["nl"], "is_example_data": True},
            values={
                "date": when,
                "track": tracks.get(track),
                "visibility": _visibility(public),
                **_translated("title", titles),
            },
        )
    tasks = {}
    for item in demo_data.TASKS:
        lookup = {"title_nl": item["title"]["nl"], "is_example_data": True}
        values = {
            "track": tracks[item["track"]],
            "owner": members[item["owner"]],
            "state": item["state"],
            "progress": item["progress"],
            "start_date": item["start"],
            "due_date": item["due"],
            "visibility": _visibility(item["public"]),
            "milestone": milestones.get(item["milestone"]),
            "weight": item["weight"],
            "blocked_reason": item.get("blocked_reason", ""),
            **_translated("title", item["title"]),
        }
        if not Task.objects.filter(**lookup).exists():
            values["number"] = (Task.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1
        task = sync_record(Task, lookup=lookup, values=values)
        tasks[item["key"]] = task
    for item in demo_data.TASKS:
        tasks[item["key"]].dependencies.set([tasks[key] for key in item["depends_on"]])

    meeting_data = demo_data.MEETING
    meeting = sync_record(
        Meeting,
        lookup={
            "group": group,
            "date": meeting_data["date"],
            "title_nl": meeting_data["title"]["nl"],
        },
        values={
            "agenda": meeting_data["agenda"],
            "minutes": meeting_data["minutes"],
            "visibility": _visibility(meeting_data["public"]),
            "is_example_data": True,
            **_translated("title", meeting_data["title"]),
        },
    )
    meeting.attendees.set(members)
    for item in meeting_data["decisions"]:
        decision = sync_record(
            Decision,
            lookup={"meeting": meeting, "text_nl": item["text"]["nl"]},
            values={
                "visibility": _visibility(item["public"]),
                "is_example_data": True,
                **_translated("text", item["text"]),
            },
        )
        decision.tasks.set([tasks[key] for key in item["tasks"]])
    stdout.write(
        f"  working group: {len(members)} members, {len(tracks)} tracks, {len(tasks)} tasks, "
        f"{len(milestones)} milestones, 1 meeting"
    )
