"""Structural accessibility checks of the working group's pages (axe runs in CI elsewhere)."""

import re

import pytest
from django.test import Client

from tests.working_group.factories import MeetingFactory, MilestoneFactory, TaskFactory
from tests.working_group.helpers import task_url, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(member, track, group):
    task = TaskFactory(track=track, owner=member, visibility="public")
    MilestoneFactory()
    meeting = MeetingFactory(group=group)
    return [
        url("board"),
        url("task_list"),
        url("task_create"),
        task_url("task_detail", task),
        task_url("task_edit", task),
        url("meetings"),
        url("meeting_detail", pk=meeting.pk),
        url("milestones"),
    ]


def test_every_page_has_exactly_one_h1(member_client, pages):
    anonymous = Client()
    texts = [anonymous.get(url("index")).text, anonymous.get(url("login")).text]
    texts += [member_client.get(address).text for address in pages]

    assert [len(re.findall(r"<h1[ >]", text)) for text in texts] == [1] * len(texts)


def test_every_table_has_a_caption(member_client, pages):
    for address in pages:
        text = member_client.get(address).text
        assert text.count("<table") == text.count("<caption"), address


def test_a_field_error_is_tied_to_its_input(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    text = member_client.post(
        task_url("task_progress", task), {"version": task.version, "progress": 150}
    ).text

    field = re.search(r'<input[^>]*name="progress"[^>]*>', text).group(0)
    assert 'aria-invalid="true"' in field
    assert "id_progress_error" in field
    assert 'id="id_progress_error"' in text
