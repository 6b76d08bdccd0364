"""Traceability across the three apps: working-group tasks link analyses and budget reviews,
and the public pages show those links only through PUBLIC tasks."""

import pytest
from django.utils import translation

from tests.budget.factories import YearlyReviewFactory
from tests.regions.factories import published_analysis
from tests.working_group.factories import MemberFactory, TaskFactory, TrackFactory
from working_group import services
from working_group.models import Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def analysis():
    return published_analysis()


@pytest.fixture
def review():
    return YearlyReviewFactory()


def linked_task(analysis, review, *, visibility, title):
    task = TaskFactory(visibility=visibility, title_nl=title)
    task.analyses.add(analysis)
    task.budget_reviews.add(review)
    return task


def test_region_page_links_to_public_tasks_and_their_budget_reviews(client, analysis, review):
    linked_task(analysis, review, visibility=Visibility.PUBLIC, title="Publieke taak")

    html = client.get(analysis.get_absolute_url()).text

    assert "Publieke taak" in html
    assert f'href="{review.get_absolute_url()}"' in html


def test_year_page_links_to_public_tasks_and_their_analyses(client, analysis, review):
    linked_task(analysis, review, visibility=Visibility.PUBLIC, title="Publieke taak")

    html = client.get(review.get_absolute_url()).text

    assert "Publieke taak" in html
    assert f'href="{analysis.get_absolute_url()}"' in html


def test_internal_tasks_leave_no_trace_on_public_pages(client, analysis, review):
    linked_task(analysis, review, visibility=Visibility.INTERNAL, title="Geheime taak")

    region_html = client.get(analysis.get_absolute_url()).text
    year_html = client.get(review.get_absolute_url()).text

    assert "Geheime taak" not in region_html + year_html
    assert f'href="{review.get_absolute_url()}"' not in region_html


def test_member_links_a_task_through_the_service_and_history_keeps_it(
    analysis, review, working_group_member
):
    member = MemberFactory(user=working_group_member)
    task = TaskFactory(owner=member, track=TrackFactory(group=member.group))

    services.task_update(
        task=task,
        expected_version=task.version,
        by=working_group_member,
        analyses=[analysis],
        budget_reviews=[review],
    )

    task.refresh_from_db()
    assert list(task.analyses.all()) == [analysis]
    assert list(task.budget_reviews.all()) == [review]
    latest = task.history.latest()
    assert [link.analysis_id for link in latest.analyses.all()] == [analysis.pk]


def test_task_form_offers_only_published_analyses(analysis):
    from tests.regions.factories import draft_analysis
    from working_group.forms import TaskForm

    draft = draft_analysis()

    choices = set(TaskForm().fields["analyses"].queryset)

    assert analysis in choices and draft not in choices
