"""Load the working group's demo content; idempotent (natural keys, update_or_create).

The loader writes directly rather than through ``services``: it is set-up data, not a
member's action, so there is no acting member to check. ``full_clean`` still runs.
"""

from django.db import transaction
from django.db.models import Max

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
    group, _created = WorkingGroup.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "start_date": data["start_date"],
            "is_example_data": data["is_example_data"],
            **_translated("name", data["name"]),
            **_translated("mandate", data["mandate"]),
        },
    )
    members = []
    for name, role, organisation, example in demo_data.MEMBERS:
        member, _created = Member.objects.update_or_create(
            group=group,
            name=name,
            defaults={
                "role": role,
                "party_or_organisation": organisation,
                "is_example_data": example,
            },
        )
        members.append(member)
    tracks = {}
    for slug, order, names in demo_data.TRACKS:
        tracks[slug], _created = Track.objects.update_or_create(
            group=group, slug=slug, defaults={"order": order, **_translated("name", names)}
        )
    milestones = {}
    for key, when, track, public, titles in demo_data.MILESTONES:
        milestones[key], _created = Milestone.objects.update_or_create(
            title_nl=titles["nl"],
            is_example_data=True,
            defaults={
                "date": when,
                "track": tracks.get(track),
                "visibility": _visibility(public),
                **_translated("title", titles),
            },
        )
    tasks = {}
    for item in demo_data.TASKS:
        task = Task.objects.filter(title_nl=item["title"]["nl"], is_example_data=True).first()
        if task is None:
            highest = Task.objects.aggregate(highest=Max("number"))["highest"] or 0
            task = Task(number=highest + 1, is_example_data=True)
        for name, value in {
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
        }.items():
            setattr(task, name, value)
        task.full_clean()
        task.save()
        tasks[item["key"]] = task
    for item in demo_data.TASKS:
        tasks[item["key"]].dependencies.set([tasks[key] for key in item["depends_on"]])

    meeting_data = demo_data.MEETING
    meeting, _created = Meeting.objects.update_or_create(
        group=group,
        date=meeting_data["date"],
        title_nl=meeting_data["title"]["nl"],
        defaults={
            "agenda": meeting_data["agenda"],
            "minutes": meeting_data["minutes"],
            "visibility": _visibility(meeting_data["public"]),
            "is_example_data": True,
            **_translated("title", meeting_data["title"]),
        },
    )
    meeting.attendees.set(members)
    for item in meeting_data["decisions"]:
        decision, _created = Decision.objects.update_or_create(
            meeting=meeting,
            text_nl=item["text"]["nl"],
            defaults={
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
