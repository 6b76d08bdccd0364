"""Factories for the working group's tests."""

import datetime

import factory
from django.db.models import Max

from tests.factories import UserFactory
from working_group import progress
from working_group.models import (
    Comment,
    Decision,
    Meeting,
    Member,
    Milestone,
    Task,
    Track,
    Visibility,
    WorkingGroup,
)


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        django_get_or_create = ("slug",)

    slug = "werkgroep"
    name_nl = "Politieke werkgroep"
    mandate_nl = "Het plan uitwerken."
    start_date = datetime.date(2015, 5, 8)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Lid {n}")
    role = Member.Role.MEMBER


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track
        django_get_or_create = ("group", "slug")

    group = factory.SubFactory(WorkingGroupFactory)
    slug = "budgetary"
    name_nl = "Budgettair"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    title_nl = factory.Sequence(lambda n: f"Mijlpaal {n}")
    date = datetime.date(2030, 1, 1)
    visibility = Visibility.PUBLIC


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    # Next free number, like task_create, so factories and services can be mixed in a test.
    number = factory.LazyFunction(
        lambda: (Task.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1
    )
    title_nl = factory.Sequence(lambda n: f"Taak {n}")
    track = factory.SubFactory(TrackFactory)
    owner = factory.SubFactory(MemberFactory)
    visibility = Visibility.INTERNAL


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    task = factory.SubFactory(TaskFactory)
    author = factory.SubFactory(MemberFactory)
    text = "Een opmerking."


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(WorkingGroupFactory)
    title_nl = factory.Sequence(lambda n: f"Vergadering {n}")
    date = datetime.date(2015, 5, 20)
    visibility = Visibility.PUBLIC


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text_nl = factory.Sequence(lambda n: f"Besluit {n}")
    visibility = Visibility.PUBLIC


def bulk_tasks(count: int, *, track, owner, **fields) -> list[Task]:
    """Many tasks fast (no history rows, no signals) for query-count tests.

    ``bulk_create`` skips the signals that keep the tallies, so they are recounted after,
    as any bulk import must.
    """
    start = (Task.objects.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    tasks = Task.objects.bulk_create(
        Task(number=start + i, title_nl=f"Bulk {start + i}", track=track, owner=owner, **fields)
        for i in range(count)
    )
    milestone = fields.get("milestone")
    progress.recount(tracks=[track.pk], milestones=[milestone.pk] if milestone else [])
    return tasks
