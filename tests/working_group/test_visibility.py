"""Acceptance 2: anonymous visitors and signed-in non-members never see internal items."""

import pytest
from django.urls import reverse
from django.utils import translation

from core import roles
from tests.factories import UserFactory
from tests.working_group.factories import (
    CommentFactory,
    DecisionFactory,
    MeetingFactory,
    MemberFactory,
    MilestoneFactory,
    TaskFactory,
    TrackFactory,
)
from tests.working_group.helpers import task_url, url
from working_group.models import Decision, Meeting, Milestone, Task, Visibility

pytestmark = pytest.mark.django_db

INTERNAL = Visibility.INTERNAL
PUBLIC = Visibility.PUBLIC


@pytest.fixture
def mixed(group, track, member):
    """One public and one internal item of each kind, with telling titles."""
    internal_milestone = MilestoneFactory(title_nl="GEHEIME-MIJLPAAL", visibility=INTERNAL)
    public_milestone = MilestoneFactory(title_nl="Open mijlpaal", visibility=PUBLIC)
    public_task = TaskFactory(
        track=track, owner=member, title_nl="Open taak", visibility=PUBLIC, progress=40,
        milestone=internal_milestone,
    )  # fmt: skip
    internal_task = TaskFactory(
        track=track, owner=member, title_nl="GEHEIME-TAAK", visibility=INTERNAL, progress=90,
        milestone=public_milestone,
    )  # fmt: skip
    CommentFactory(task=public_task, author=member, text="GEHEIME-OPMERKING")
    public_meeting = MeetingFactory(group=group, title_nl="Open vergadering", visibility=PUBLIC)
    internal_meeting = MeetingFactory(
        group=group, title_nl="GEHEIME-VERGADERING", visibility=INTERNAL
    )
    public_decision = DecisionFactory(meeting=public_meeting, text_nl="Open besluit")
    public_decision.tasks.set([public_task, internal_task])
    DecisionFactory(meeting=public_meeting, text_nl="GEHEIM-BESLUIT", visibility=INTERNAL)
    DecisionFactory(meeting=internal_meeting, text_nl="GEHEIM-BESLUIT-VAN-INTERNE-VERGADERING")
    return {"public_task": public_task, "internal_task": internal_task}


SECRETS = ("GEHEIM", "GEHEIME")


def assert_no_secret(text):
    assert not any(secret in text for secret in SECRETS), "an internal item leaked"


def test_public_querysets_hold_public_items_only(mixed):
    assert list(Task.objects.public().values_list("title_nl", flat=True)) == ["Open taak"]
    assert list(Milestone.objects.public().values_list("title_nl", flat=True)) == ["Open mijlpaal"]
    assert list(Meeting.objects.public().values_list("title_nl", flat=True)) == ["Open vergadering"]
    assert list(Decision.objects.public().values_list("text_nl", flat=True)) == ["Open besluit"]


def test_a_public_decision_of_an_internal_meeting_is_not_public(group):
    decision = DecisionFactory(meeting=MeetingFactory(group=group, visibility=INTERNAL))

    assert decision not in Decision.objects.public()


def test_public_page_shows_public_items(client, mixed):
    text = client.get(url("index")).text

    assert "Open mijlpaal" in text
    assert "Open besluit" in text
    assert "Open taak" in text  # As a task linked to the public decision.


def test_public_page_shows_no_internal_item(client, mixed):
    assert_no_secret(client.get(url("index")).text)


def test_track_progress_on_the_public_page_counts_public_tasks_only(client, mixed):
    text = client.get(url("index")).text

    assert "Progress of public tasks: 40 %" in text


def test_milestone_progress_on_the_public_page_counts_public_tasks_only(client, mixed):
    # The public milestone holds only an internal task: no figure rather than a leak.
    text = client.get(url("index")).text

    assert "90 %" not in text


def test_public_export_is_in_the_language_of_the_request(client, mixed):
    with translation.override("fr"):
        address = reverse("working_group:public_tasks_csv")

    response = client.get(address)

    text = response.getvalue().decode()
    assert text.startswith("\ufeffTitre,")
    assert "Open taak" in text


def test_a_track_with_only_internal_tasks_reveals_nothing(client, group, member):
    other = TrackFactory(group=group, slug="organisational", name_nl="Organisatorisch")
    TaskFactory(track=other, owner=member, visibility=INTERNAL, progress=50)

    text = client.get(url("index")).text

    assert "No public tasks yet." in text


def test_public_export_holds_public_tasks_only_and_hides_internal_milestones(client, mixed):
    response = client.get(url("public_tasks_csv"))

    assert response.status_code == 200
    text = response.getvalue().decode()
    assert "Open taak" in text
    assert_no_secret(text)


MEMBERS_PAGES = ("board", "task_list", "task_export", "meetings", "milestones", "task_create")


@pytest.mark.parametrize("page", MEMBERS_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in_from_members_pages(client, mixed, page):
    response = client.get(url(page))

    assert response.status_code == 302
    assert response.url.startswith(url("login"))


def test_anonymous_visitors_are_sent_to_sign_in_from_a_task_page(client, mixed):
    response = client.get(task_url("task_detail", mixed["internal_task"]))

    assert response.status_code == 302


NON_MEMBERS = ("user_without_role", "role_only_user", "editor", "publisher", "superuser")


@pytest.mark.parametrize("who", NON_MEMBERS)
@pytest.mark.parametrize("page", MEMBERS_PAGES)
def test_signed_in_non_members_are_refused_members_pages(client, request, mixed, who, page):
    client.force_login(request.getfixturevalue(who))

    response = client.get(url(page))

    assert response.status_code == 403
    assert_no_secret(response.text)


@pytest.mark.parametrize("who", NON_MEMBERS)
def test_signed_in_non_members_are_refused_task_and_meeting_pages(client, request, mixed, who):
    client.force_login(request.getfixturevalue(who))
    meeting = Meeting.objects.get(title_nl="GEHEIME-VERGADERING")

    for address in (
        task_url("task_detail", mixed["internal_task"]),
        url("meeting_detail", pk=meeting.pk),
    ):
        response = client.get(address)
        assert response.status_code == 403
        assert_no_secret(response.text)


def test_an_inactive_member_is_refused(client, group, mixed):
    former = MemberFactory(
        group=group, active=False, user=UserFactory(groups=[roles.WORKING_GROUP])
    )
    client.force_login(former.user)

    assert client.get(url("board")).status_code == 403


@pytest.mark.parametrize("action", ["task_state", "task_progress", "task_owner", "task_comment"])
@pytest.mark.parametrize("who", NON_MEMBERS)
def test_non_members_cannot_change_a_task(client, request, mixed, action, who):
    client.force_login(request.getfixturevalue(who))
    task = mixed["internal_task"]

    response = client.post(
        task_url(action, task),
        {"version": 1, "state": "done", "progress": 5, "owner": task.owner_id, "text": "x"},
    )

    assert response.status_code == 403
    task.refresh_from_db()
    assert (task.state, task.progress, task.version) == ("todo", 90, 1)
    assert task.comments.count() == 0


def test_members_see_internal_tasks_comments_and_meetings(member_client, mixed):
    task = mixed["public_task"]

    assert "GEHEIME-TAAK" in member_client.get(url("board")).text
    assert "GEHEIME-OPMERKING" in member_client.get(task_url("task_detail", task)).text
    assert "GEHEIME-VERGADERING" in member_client.get(url("meetings")).text
    assert "GEHEIME-TAAK" in member_client.get(url("task_export")).getvalue().decode()


def test_public_surfaces_show_no_reference_numbers_that_would_count_internal_tasks(client, mixed):
    page = client.get(url("index")).text
    export = client.get(url("public_tasks_csv")).getvalue().decode()

    assert mixed["public_task"].reference not in page
    assert "WG-" not in export


def test_the_public_page_shows_one_page_of_milestones_and_links_to_the_next(client, group):
    MilestoneFactory.create_batch(30)

    response = client.get(url("index"))

    assert len(response.context["milestone_progress"]) == 25
    assert 'href="?page=1&amp;milestones=2"' in response.text


def test_the_second_page_of_milestones_keeps_the_page_of_decisions(client, group):
    MilestoneFactory.create_batch(30)

    response = client.get(url("index") + "?milestones=2&page=1")

    assert len(response.context["milestone_progress"]) == 5
    assert 'href="?page=1&amp;milestones=1"' in response.text
