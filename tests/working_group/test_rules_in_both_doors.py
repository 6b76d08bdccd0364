"""Each task rule is stated once, by the model, and both doors enforce it in its words.

The members' form shows the model's message on the field concerned; the API answers 400
with the same message under that field in ``field_errors``.
"""

import pytest
from django.utils import translation

from tests.api.working_group_support import API, api_client
from tests.working_group.factories import MemberFactory, TaskFactory
from tests.working_group.helpers import task_url, url
from working_group.api.serializers import CommentSerializer, TaskCreateSerializer
from working_group.forms import CommentForm, OwnerForm, TaskForm
from working_group.models import Comment, Task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_api_throttling")]


@pytest.fixture
def member_api(member):
    return api_client(member.user)


def page_errors(response, form_name="form") -> dict[str, list[str]]:
    assert response.status_code == 400, response.status_code
    return {field: list(errors) for field, errors in response.context[form_name].errors.items()}


def api_errors(response) -> dict[str, list[str]]:
    assert response.status_code == 400, response.content
    return response.json()["field_errors"]


def test_a_due_date_before_the_start_date_is_refused_on_the_due_date_by_both_creating_doors(
    member_client, member_api, member, track
):
    dates = {"start_date": "2026-03-10", "due_date": "2026-03-01"}

    page = member_client.post(
        url("task_create"),
        {"title_nl": "Taak", "track": track.pk, "owner": member.pk, "priority": 2,
         "visibility": "internal", **dates},
    )  # fmt: skip
    api = member_api.post(
        f"{API}/tasks/?lang=en", {"title_nl": "Taak", "track": track.pk, **dates}, format="json"
    )

    expected = ["The due date cannot be before the start date."]
    assert page_errors(page)["due_date"] == api_errors(api)["due_date"] == expected
    assert not Task.objects.exists()


def test_a_due_date_before_the_start_date_is_refused_on_the_due_date_by_both_editing_doors(
    member_client, member_api, member, track
):
    task = TaskFactory(track=track, owner=member)
    dates = {"start_date": "2026-03-10", "due_date": "2026-03-01"}

    page = member_client.post(
        task_url("task_edit", task),
        {"version": 1, "title_nl": task.title_nl, "track": track.pk, "priority": 2,
         "visibility": "internal", **dates},
    )  # fmt: skip
    api = member_api.patch(
        f"{API}/tasks/{task.number}/?lang=en", {"version": 1, **dates}, format="json"
    )

    expected = ["The due date cannot be before the start date."]
    assert page_errors(page)["due_date"] == api_errors(api)["due_date"] == expected
    task.refresh_from_db()
    assert (task.start_date, task.due_date, task.version) == (None, None, 1)


@pytest.mark.parametrize("weight", [0, 101])
def test_a_weight_outside_1_to_100_is_refused_in_the_same_words_by_both_doors(
    member_client, member_api, member, track, weight
):
    page = member_client.post(
        url("task_create"),
        {"title_nl": "Taak", "track": track.pk, "owner": member.pk, "priority": 2,
         "visibility": "internal", "weight": weight},
    )  # fmt: skip
    api = member_api.post(
        f"{API}/tasks/?lang=en",
        {"title_nl": "Taak", "track": track.pk, "weight": weight},
        format="json",
    )

    assert page_errors(page)["weight"] == api_errors(api)["weight"]
    assert not Task.objects.exists()


@pytest.mark.parametrize("progress", [-1, 101])
def test_progress_outside_0_to_100_is_refused_in_the_model_words_by_both_doors(
    member_client, member_api, member, track, progress
):
    task = TaskFactory(track=track, owner=member, progress=20)

    page = member_client.post(task_url("task_progress", task), {"version": 1, "progress": progress})
    api = member_api.post(
        f"{API}/tasks/{task.number}/progress/?lang=en",
        {"version": 1, "progress": progress},
        format="json",
    )

    expected = ["Progress is a percentage between 0 and 100."]
    assert page_errors(page, "progress_form")["progress"] == api_errors(api)["progress"]
    assert api_errors(api)["progress"] == expected
    task.refresh_from_db()
    assert task.progress == 20


def test_lowering_the_progress_of_a_done_task_is_refused_in_the_same_words_by_both_doors(
    member_client, member_api, member, track
):
    task = TaskFactory(track=track, owner=member, state=Task.State.DONE, progress=100)

    page = member_client.post(task_url("task_progress", task), {"version": 1, "progress": 80})
    api = member_api.post(
        f"{API}/tasks/{task.number}/progress/?lang=en",
        {"version": 1, "progress": 80},
        format="json",
    )

    expected = ["A done task is at 100 %; reopen it before lowering progress."]
    assert page_errors(page, "progress_form")["progress"] == api_errors(api)["progress"]
    assert api_errors(api)["progress"] == expected


@pytest.mark.parametrize("reason", ["", "   "])
def test_blocking_without_a_reason_is_refused_on_the_reason_by_both_doors(
    member_client, member_api, member, track, reason
):
    task = TaskFactory(track=track, owner=member)

    page = member_client.post(
        task_url("task_state", task), {"version": 1, "state": "blocked", "blocked_reason": reason}
    )
    api = member_api.post(
        f"{API}/tasks/{task.number}/state/?lang=en",
        {"version": 1, "state": "blocked", "blocked_reason": reason},
        format="json",
    )

    expected = ["Say why the task is blocked."]
    assert page_errors(page, "state_form")["blocked_reason"] == expected
    assert api_errors(api)["blocked_reason"] == expected
    task.refresh_from_db()
    assert task.state == Task.State.TODO


def test_the_task_form_applies_the_model_rule_itself(member, track):
    form = TaskForm(
        {"title_nl": "Taak", "track": track.pk, "owner": member.pk, "priority": 2,
         "visibility": "internal", "start_date": "2026-03-10", "due_date": "2026-03-01"}
    )  # fmt: skip

    with translation.override("en"):
        assert form.errors == {"due_date": ["The due date cannot be before the start date."]}


def test_the_task_serializer_leaves_the_model_rule_to_the_model(track):
    serializer = TaskCreateSerializer(
        data={"title_nl": "Taak", "track": track.pk, "start_date": "2026-03-10",
              "due_date": "2026-03-01"}
    )  # fmt: skip

    # The shape is fine; the rule is the model's, applied when the service saves.
    assert serializer.is_valid(), serializer.errors


def test_creating_a_task_for_an_inactive_member_is_refused_in_the_services_words_by_both_doors(
    member_client, member_api, group, track
):
    gone = MemberFactory(group=group, active=False)

    page = member_client.post(
        url("task_create"),
        {"title_nl": "Taak", "track": track.pk, "owner": gone.pk, "priority": 2,
         "visibility": "internal"},
    )  # fmt: skip
    api = member_api.post(
        f"{API}/tasks/?lang=en",
        {"title_nl": "Taak", "track": track.pk, "owner": gone.pk},
        format="json",
    )

    expected = ["Choose an active member of the group."]
    assert page_errors(page)["owner"] == api_errors(api)["owner"] == expected
    assert not Task.objects.exists()


def test_reassigning_to_an_inactive_member_is_refused_in_the_services_words_by_both_doors(
    member_client, member_api, member, group, track
):
    task = TaskFactory(track=track, owner=member)
    gone = MemberFactory(group=group, active=False)

    page = member_client.post(task_url("task_owner", task), {"version": 1, "owner": gone.pk})
    api = member_api.post(
        f"{API}/tasks/{task.number}/owner/?lang=en",
        {"version": 1, "owner": gone.pk},
        format="json",
    )

    expected = ["Choose an active member of the group."]
    assert page_errors(page, "owner_form")["owner"] == api_errors(api)["owner"] == expected
    task.refresh_from_db()
    assert task.owner == member


def listed_members(field) -> set[int]:
    return {int(str(value)) for value, _label in field.widget.choices if value != ""}


def test_the_task_form_lists_only_active_members_as_owners(member, group):
    MemberFactory(group=group, active=False)

    assert listed_members(TaskForm().fields["owner"]) == {member.pk}


def test_the_owner_form_lists_only_active_members(member, group):
    MemberFactory(group=group, active=False)

    assert listed_members(OwnerForm().fields["owner"]) == {member.pk}


def test_the_comment_length_is_the_models_in_both_doors():
    limit = Comment._meta.get_field("text").max_length

    assert CommentForm().fields["text"].max_length == limit
    assert CommentSerializer().fields["text"].max_length == limit


def test_a_comment_longer_than_the_model_allows_is_refused_on_its_text_by_both_doors(
    member_client, member_api, member, track
):
    task = TaskFactory(track=track, owner=member)
    too_long = "x" * (Comment._meta.get_field("text").max_length + 1)

    page = member_client.post(task_url("task_comment", task), {"text": too_long})
    api = member_api.post(
        f"{API}/tasks/{task.number}/comments/?lang=en", {"text": too_long}, format="json"
    )

    assert page_errors(page, "comment_form")["text"]
    assert api_errors(api)["text"]
    assert not Comment.objects.exists()
