"""A task's details are named once, by the services; the members' form and the API take
their fields from that list, and their text columns from ``core.translated``."""

import pytest
from django.core.exceptions import ValidationError

from core.translated import source_column, translated_columns
from tests.working_group.factories import TaskFactory
from working_group import services
from working_group.api.serializers import TaskCreateSerializer, TaskUpdateSerializer
from working_group.forms import TaskEditForm, TaskForm
from working_group.models import Task

pytestmark = pytest.mark.django_db


def test_the_task_form_asks_for_every_detail_the_services_name():
    assert list(TaskForm.base_fields) == translated_columns(Task, *services.DETAIL_FIELDS)


def test_the_edit_form_hands_task_update_exactly_what_it_changes(member, track):
    task = TaskFactory(track=track, owner=member)
    form = TaskEditForm(
        {"version": 1, "title_nl": "Herzien", "track": track.pk, "priority": 2,
         "visibility": "internal"},
        instance=task,
    )  # fmt: skip

    assert form.is_valid(), form.errors
    assert list(form.update_arguments()) == services.UPDATABLE_COLUMNS


def test_the_api_writes_every_detail_but_the_links_to_analyses_and_budget_reviews():
    written = [name for name in TaskUpdateSerializer().fields if name != "version"]

    assert written == [
        column
        for column in services.UPDATABLE_COLUMNS
        if column not in ("analyses", "budget_reviews")
    ]


def test_the_form_and_the_api_take_the_same_text_columns():
    texts = translated_columns(Task, "title", "description")

    assert [name for name in TaskForm.base_fields if name in texts] == texts
    assert [name for name in TaskCreateSerializer().fields if name in texts] == texts


def test_task_update_refuses_the_owner_which_is_reassigned_under_its_own_rule(
    member, other_member, track
):
    task = TaskFactory(track=track, owner=member)

    with pytest.raises(ValueError, match="owner"):
        services.task_update(task=task, expected_version=1, by=member.user, owner=other_member)


def test_a_service_error_on_a_tasks_title_shows_at_the_dutch_title(member, track):
    form = TaskForm({"title_nl": "Titel", "track": track.pk})

    form.add_error(None, ValidationError({"title": "Give the task a title."}))

    assert form.errors[source_column("title")] == ["Give the task a title."]
