"""Ordinary inputs that once answered 500: each is now accepted or refused with a clear 4xx.

Found by an outside test against PostgreSQL with DEBUG off; run these on both databases.
"""

import json

import pytest
from django.contrib import admin
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from budget import services as budget_services
from core.views import bad_request
from regions.models import AnalysisRevision
from tests.api.working_group_support import API, api_client
from tests.budget.factories import DecidedReviewFactory
from tests.regions.factories import draft_analysis, published_analysis
from tests.working_group.factories import MemberFactory, TaskFactory
from working_group import services as working_group_services
from working_group.models import Task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_api_throttling")]

PORTAL_APPS = ("regions", "budget", "working_group", "staff_otp")
API_ERROR_KEYS = {"code", "detail", "field_errors", "non_field_errors"}


def test_control_characters_pasted_into_an_analysis_title_are_dropped_on_save():
    analysis = draft_analysis(title_nl="Regio\x0b in beweging\x1f")

    assert analysis.draft_revision.title_nl == "Regio in beweging"


def test_tabs_and_line_breaks_in_text_are_kept():
    analysis = draft_analysis(body_nl="Eerste regel\r\n\tTweede regel")

    assert analysis.draft_revision.body_nl == "Eerste regel\r\n\tTweede regel"


def test_control_characters_in_a_task_title_sent_to_the_api_are_dropped(team):
    response = api_client(team.member.user).post(
        f"{API}/tasks/", {"title_nl": "Taak\x0b met tab", "track": team.track.pk}, format="json"
    )

    assert response.status_code == 201
    assert Task.objects.get(number=response.json()["number"]).title_nl == "Taak met tab"


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_feed_survives_a_control_character_already_stored_in_a_title(client, language):
    analysis = published_analysis()
    # A row stored before input was cleaned (update() bypasses the model's hygiene).
    AnalysisRevision.objects.filter(pk=analysis.live_revision_id).update(
        **{f"title_{language}": "Titel\x0b oud", f"change_note_{language}": "Nota\x0c oud"}
    )
    with translation.override(language):
        url = reverse("regions:feed")

    response = client.get(url)

    assert response.status_code == 200
    assert "Titel oud" in response.text


def test_a_long_change_note_on_a_decided_budget_review_is_audited_in_full(publisher):
    review = DecidedReviewFactory()
    review.decision_reference = "REF-LONG"
    note = "Correctie van de referentie. " * 17 + "Einde."
    assert len(note) > 490

    budget_services.review_save(review=review, expected_version=1, change_note=note, by=publisher)

    assert review.history.first().history_change_reason == note


def test_reassigning_a_task_to_a_member_with_a_long_name_is_audited(team):
    task = TaskFactory(track=team.track, owner=team.member)
    long_name = "Prinses " + "van Oranje-Nassau " * 10
    colleague = MemberFactory(group=team.group, name=long_name)

    working_group_services.task_reassign(
        task=task, expected_version=task.version, by=team.member.user, owner=colleague
    )

    assert long_name in task.history.first().history_change_reason


def test_add_revision_page_treats_a_malformed_analysis_as_none(client, superuser):
    client.force_login(superuser)

    response = client.get(reverse("admin:regions_analysisrevision_add"), {"analysis": "abc"})

    assert response.status_code == 200


@pytest.mark.parametrize("parameter", ["state", "state__exact", "q"])
def test_analysis_changelist_refuses_a_nul_character_as_an_invalid_filter(
    client, superuser, parameter
):
    client.force_login(superuser)

    response = client.get(reverse("admin:regions_analysis_changelist") + f"?{parameter}=%00")

    assert response.status_code == 302
    assert response.url.endswith("?e=1")


def _portal_list_filters():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PORTAL_APPS:
            continue
        for list_filter in model_admin.list_filter:
            if isinstance(list_filter, str):
                yield pytest.param(model, list_filter, id=f"{model._meta.label}.{list_filter}")


@pytest.mark.parametrize(("model", "parameter"), _portal_list_filters())
def test_every_portal_changelist_refuses_a_nul_character_in_a_filter(
    client, superuser, model, parameter
):
    client.force_login(superuser)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    response = client.get(f"{url}?{parameter}=%00")

    assert response.status_code == 302
    assert response.url.endswith("?e=1")


def test_analysis_changelist_still_filters_by_a_known_state(client, superuser):
    client.force_login(superuser)

    response = client.get(reverse("admin:regions_analysis_changelist"), {"state": "draft"})

    assert response.status_code == 200


def test_deeply_nested_json_is_refused_with_the_api_error_shape(team):
    body = "[" * 100_000 + "]" * 100_000

    response = api_client(team.member.user).post(
        f"{API}/tasks/", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert set(response.json()) >= API_ERROR_KEYS
    assert response.json()["code"] == "parse_error"


def test_an_oversized_api_body_is_refused_with_the_api_error_shape(team, settings):
    body = json.dumps({"title_nl": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})

    response = api_client(team.member.user).post(
        f"{API}/tasks/", body, content_type="application/json"
    )

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) >= API_ERROR_KEYS


def test_a_malformed_api_request_is_refused_with_the_api_error_shape():
    request = RequestFactory().get(f"{API}/tasks/")

    response = bad_request(request, SuspiciousOperation("malformed"))

    assert response.status_code == 400
    assert json.loads(response.content)["code"] == "bad_request"


def test_an_unexpected_api_error_answers_the_api_error_shape(team, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("rest_framework.views.APIView.initial", broken)
    client = api_client(team.member.user)
    client.raise_request_exception = False

    response = client.get(f"{API}/tasks/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "server_error"
    assert set(response.json()) >= API_ERROR_KEYS


def test_an_unexpected_page_error_still_answers_the_html_page(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("core.views.HomeView.get", broken)
    client.raise_request_exception = False

    response = client.get("/nl/")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
