"""The members' task form: built from the model, every language from the settings, and edge
input answered with the form again (never a 500), holding what the member typed."""

import datetime

import pytest
from django.conf import settings

from tests.working_group.factories import MemberFactory, TaskFactory
from tests.working_group.helpers import task_url, url
from working_group.models import Task

pytestmark = pytest.mark.django_db


def required_fields(track, member, **overrides):
    return {"title_nl": "Nieuwe taak", "track": track.pk, "owner": member.pk, "priority": 2,
            "visibility": "internal", **overrides}  # fmt: skip


def test_the_form_has_a_title_and_a_description_in_every_language_of_the_portal(member_client):
    form = member_client.get(url("task_create")).context["form"]

    for code, name in settings.LANGUAGES:
        assert form.fields[f"title_{code}"].label == f"Title ({name})"
        assert form.fields[f"description_{code}"].label == f"Description ({name})"


def test_only_the_dutch_title_is_required(member_client):
    form = member_client.get(url("task_create")).context["form"]

    required = {name for name, field in form.fields.items() if field.required}
    assert required == {"title_nl", "track", "owner", "priority", "visibility"}


def test_labels_and_help_texts_come_from_the_model(member_client):
    form = member_client.get(url("task_create")).context["form"]

    assert form.fields["weight"].label == "Weight"
    assert form.fields["weight"].help_text == Task._meta.get_field("weight").help_text
    assert form.fields["dependencies"].label == "Depends on"


def test_a_task_with_every_optional_field_left_empty_is_created(member_client, member, track):
    empty = {name: "" for name in ("title_fr", "title_de", "title_en", "description_nl",
             "description_fr", "description_de", "description_en", "start_date", "due_date",
             "milestone", "weight")}  # fmt: skip

    response = member_client.post(url("task_create"), required_fields(track, member, **empty))

    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.title_fr, task.description_nl, task.due_date, task.milestone, task.weight) == (
        "", "", None, None, None,
    )  # fmt: skip


def test_an_empty_dutch_title_is_refused_on_the_field(member_client, member, track):
    response = member_client.post(url("task_create"), required_fields(track, member, title_nl=""))

    assert response.status_code == 400
    assert response.context["form"].errors["title_nl"] == ["This field is required."]


def test_a_refused_form_keeps_what_the_member_typed(member_client, member, track):
    response = member_client.post(
        url("task_create"),
        required_fields(
            track, member, title_fr="Nouvelle tâche", description_de="Beschreibung",
            start_date="2026-03-10", due_date="2026-03-01", weight="7",
        ),
    )  # fmt: skip

    assert response.status_code == 400
    text = response.text
    assert 'value="Nieuwe taak"' in text
    assert 'value="Nouvelle tâche"' in text
    assert "Beschreibung</textarea>" in text
    assert 'value="2026-03-10"' in text and 'value="2026-03-01"' in text
    assert 'value="7"' in text


@pytest.mark.parametrize(
    ("field", "value"),
    [("weight", "many"), ("due_date", "2015-02-30"), ("priority", "9"), ("track", "999999")],
)
def test_unreadable_input_is_refused_on_its_field_not_with_an_error_page(
    member_client, member, track, field, value
):
    data = required_fields(track, member)
    data[field] = value

    response = member_client.post(url("task_create"), data)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_the_edit_form_shows_the_stored_dates_in_every_language(
    member_client, member, track, language
):
    task = TaskFactory(
        track=track,
        owner=member,
        start_date=datetime.date(2026, 3, 1),
        due_date=datetime.date(2026, 4, 30),
    )
    address = task_url("task_edit", task).replace("/en/", f"/{language}/")

    text = member_client.get(address).text

    # The browser's date picker reads ISO dates only; a localised date would show empty
    # and be saved as "no date".
    assert 'value="2026-03-01"' in text and 'value="2026-04-30"' in text


def test_the_edit_form_shows_the_stored_values(member_client, member, track):
    first = TaskFactory(track=track, owner=member)
    task = TaskFactory(track=track, owner=member, title_nl="Oud", title_fr="Vieux", weight=3)
    task.dependencies.add(first)

    form = member_client.get(task_url("task_edit", task)).context["form"]

    assert (form["title_nl"].value(), form["title_fr"].value(), form["weight"].value()) == (
        "Oud", "Vieux", 3,
    )  # fmt: skip
    assert form["dependencies"].value() == [first.pk]
    assert form["version"].value() == 1
    assert form.fields["owner"].disabled


def test_editing_never_changes_the_owner(member_client, member, other_member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(
        task_url("task_edit", task),
        {"version": 1, "title_nl": "Herzien", "track": track.pk, "owner": other_member.pk,
         "priority": 2, "visibility": "internal"},
    )  # fmt: skip

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.title_nl, task.owner) == ("Herzien", member)


def test_a_task_whose_owner_left_the_group_can_still_be_edited(member_client, group, track):
    task = TaskFactory(track=track, owner=MemberFactory(group=group, active=False))

    response = member_client.post(
        task_url("task_edit", task),
        {"version": 1, "title_nl": "Herzien", "track": track.pk, "priority": 2,
         "visibility": "internal"},
    )  # fmt: skip

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.title_nl == "Herzien"


def test_a_stored_rule_breach_the_form_does_not_show_is_reported_above_the_form(
    member_client, member, track
):
    task = TaskFactory(track=track, owner=member)
    # Only whitespace as the reason: the database's constraint lets it pass, clean() not.
    Task.objects.filter(pk=task.pk).update(state=Task.State.BLOCKED, blocked_reason="  ")

    response = member_client.post(
        task_url("task_edit", task),
        {"version": 1, "title_nl": "Herzien", "track": track.pk, "priority": 2,
         "visibility": "internal"},
    )  # fmt: skip

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == ["Say why the task is blocked."]
    assert 'value="Herzien"' in response.text


def test_blocking_without_a_reason_keeps_the_chosen_state(member_client, member, track):
    task = TaskFactory(track=track, owner=member)

    response = member_client.post(
        task_url("task_state", task), {"version": 1, "state": "blocked", "blocked_reason": ""}
    )

    assert response.status_code == 400
    assert response.context["state_form"]["state"].value() == "blocked"
