from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from budget.models import Legislature
from regions.models import Region, RegionGroup
from tests.budget.factories import LegislatureFactory
from tests.regions.factories import RegionFactory

pytestmark = pytest.mark.django_db

AUDIT_URL = "/en/admin/audit/"


@pytest.fixture
def legislature():
    return LegislatureFactory(annual_ceiling=Decimal("100000000.00"))


def history_of(legislature):
    return list(legislature.history.order_by("history_id"))


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(AUDIT_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response.url


@pytest.mark.parametrize(
    "role", ["user_without_role", "editor", "publisher", "working_group_member"]
)
def test_only_superusers_read_the_audit_log(client, request, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(AUDIT_URL).status_code == 403


def test_superuser_sees_changes_from_every_app(client, superuser, legislature):
    client.force_login(superuser)

    response = client.get(AUDIT_URL)

    assert response.status_code == 200
    assert f'href="{AUDIT_URL}budget.legislature/' in response.text


def test_audit_log_filters_by_model(client, superuser, legislature):
    client.force_login(superuser)

    response = client.get(AUDIT_URL, {"model": "working_group.task"})

    assert f'href="{AUDIT_URL}budget.legislature/' not in response.text


def test_audit_log_runs_a_constant_number_of_queries(client, superuser):
    client.force_login(superuser)
    LegislatureFactory.create_batch(2)
    client.get(AUDIT_URL)  # warm the session and content-type caches
    with CaptureQueriesContext(connection) as small:
        client.get(AUDIT_URL)
    LegislatureFactory.create_batch(60)

    with CaptureQueriesContext(connection) as large:
        client.get(AUDIT_URL)

    # session, user, count, one page of the UNION, and the page's users: never per row.
    assert len(large.captured_queries) == len(small.captured_queries) <= 5


def test_entry_shows_before_and_after(client, superuser, legislature):
    legislature.government = "Michel II"
    legislature.save()
    change = history_of(legislature)[-1]
    client.force_login(superuser)

    response = client.get(f"{AUDIT_URL}budget.legislature/{change.history_id}/")

    assert response.status_code == 200
    assert "Michel II" in response.text


def test_revert_restores_the_earlier_version_and_is_itself_audited(client, superuser, legislature):
    original_government = legislature.government
    legislature.government = "Michel II"
    legislature.save()
    first = history_of(legislature)[0]
    client.force_login(superuser)

    client.post(f"{AUDIT_URL}budget.legislature/{first.history_id}/revert/")

    legislature.refresh_from_db()
    assert legislature.government == original_government
    latest = history_of(legislature)[-1]
    assert latest.history_user == superuser
    assert (
        "Reverted" in latest.history_change_reason or "Teruggezet" in latest.history_change_reason
    )


def test_revert_recreates_a_deleted_object(client, superuser, legislature):
    pk = legislature.pk
    legislature.delete()
    last_state = Legislature.history.filter(id=pk).order_by("history_id").first()
    client.force_login(superuser)

    client.post(f"{AUDIT_URL}budget.legislature/{last_state.history_id}/revert/")

    assert Legislature.objects.filter(pk=pk).exists()


def test_editor_cannot_revert(client, editor, legislature):
    first = history_of(legislature)[0]
    client.force_login(editor)

    response = client.post(f"{AUDIT_URL}budget.legislature/{first.history_id}/revert/")

    assert response.status_code == 403


def test_revert_of_a_region_moves_it_back_to_its_group(client, superuser):
    region = RegionFactory(group=RegionGroup.SOUTHERN_PERIPHERY)
    region.group = RegionGroup.NORTHERN_PERIPHERY
    region.save()
    first = region.history.order_by("history_id").first()
    client.force_login(superuser)

    client.post(f"{AUDIT_URL}regions.region/{first.history_id}/revert/")

    region = Region.objects.get(pk=region.pk)
    assert region.group == RegionGroup.SOUTHERN_PERIPHERY
