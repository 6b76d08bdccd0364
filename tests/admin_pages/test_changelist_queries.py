"""Issue 9: every admin changelist runs the same number of queries at two data sizes."""

import itertools
from datetime import date

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regions import services as regions_services
from tests.budget.factories import legislature_with_years
from tests.regions.factories import (
    CountryFactory,
    OrganisationFactory,
    TopicFactory,
    published_analysis,
)
from tests.working_group.factories import (
    CommentFactory,
    DecisionFactory,
    MeetingFactory,
    MemberFactory,
    MilestoneFactory,
    TaskFactory,
    TrackFactory,
    WorkingGroupFactory,
)
from working_group.models import ReminderLog

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("regions", "budget", "working_group")
CHANGELISTS = sorted(
    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
    for model in admin.site._registry
    if model._meta.app_label in CONTENT_APPS
)
serial = itertools.count()


def add_content(rounds: int) -> None:
    """``rounds`` more rows of every content model, with their relations filled in."""
    for _ in range(rounds):
        n = next(serial)
        analysis = published_analysis(slug=f"analyse-{n}")
        revision = analysis.live_revision
        revision.topics.add(TopicFactory())
        revision.organisations.add(OrganisationFactory())
        revision.countries.add(CountryFactory())
        regions_services.analysis_save_draft(
            analysis=analysis,
            expected_version=analysis.version,
            content={"title_nl": "Werk", "summary_nl": "s", "body_nl": "b", "trend": "stable"},
            by=revision.author,
        )
        regions_services.share_link_create(analysis=analysis, by=revision.author)
        regions_services.analysis_change_slug(
            analysis=analysis,
            slug=f"nieuw-{n}",
            expected_version=analysis.version,
            by=revision.author,
        )
        legislature_with_years(2, slug=f"legislatuur-{n}", name=f"Legislatuur {n}")
        group = WorkingGroupFactory()
        member = MemberFactory(group=group)
        track = TrackFactory(group=group)
        milestone = MilestoneFactory(track=track)
        task = TaskFactory(track=track, owner=member, milestone=milestone)
        CommentFactory(task=task, author=member)
        DecisionFactory(meeting=MeetingFactory(group=group)).tasks.add(task)
        ReminderLog.objects.create(member=member, date=date(2016, 1, 1), task_count=1)


def changelist_queries(client, name: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", CHANGELISTS)
def test_changelist_query_count_does_not_grow_with_the_data(client, superuser, name):
    client.force_login(superuser)
    add_content(1)
    small = changelist_queries(client, name)

    add_content(3)
    large = changelist_queries(client, name)

    assert large == small


CONTENT_ADMINS = sorted(
    (
        (model._meta.label, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in CONTENT_APPS
    ),
    key=lambda pair: pair[0],
)


@pytest.mark.parametrize(
    ("label", "model_admin"), CONTENT_ADMINS, ids=[label for label, _admin in CONTENT_ADMINS]
)
def test_filtered_changelist_does_not_count_the_whole_table(label, model_admin):
    # Django's default adds a COUNT(*) of the unfiltered table to every filtered list.
    assert model_admin.show_full_result_count is False


def test_filtered_task_changelist_counts_only_the_matching_tasks(client, superuser):
    client.force_login(superuser)
    add_content(2)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:working_group_task_changelist"), {"state": "open"})

    assert response.status_code == 200
    counts = [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]
    assert len(counts) == 1
    assert "WHERE" in counts[0]
