"""The demo content loads from the repository and loading it twice adds nothing twice."""

import io

import pytest

from working_group import demo
from working_group.models import Decision, Meeting, Member, Milestone, Task, Track, WorkingGroup

pytestmark = pytest.mark.django_db

MODELS = (WorkingGroup, Member, Track, Milestone, Task, Meeting, Decision)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_the_demo_twice_creates_nothing_twice():
    demo.load(stdout=io.StringIO())
    first = counts()

    demo.load(stdout=io.StringIO())

    assert counts() == first
    assert first["Track"] == 3


def test_the_group_is_chaired_by_the_minister_of_defence_from_the_seed():
    demo.load(stdout=io.StringIO())

    chair = Member.objects.get(role=Member.Role.CHAIR)
    assert chair.name == "Steven Vandeput"
    assert not chair.is_example_data


def test_invented_tasks_milestones_and_meetings_are_flagged_as_example_data():
    demo.load(stdout=io.StringIO())

    for model in (Task, Milestone, Meeting, Decision):
        assert not model.objects.filter(is_example_data=False).exists(), model.__name__


def test_the_public_page_labels_example_data(client):
    demo.load(stdout=io.StringIO())

    assert "Example data" in client.get("/en/working-group/").text
