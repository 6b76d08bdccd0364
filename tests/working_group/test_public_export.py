"""The public CSV: each title in the request's language or Dutch, at a fixed query cost."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from tests.working_group.factories import MilestoneFactory, TaskFactory, bulk_tasks
from working_group.models import Visibility

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

PUBLIC = Visibility.PUBLIC


def export(client, language="fr"):
    with translation.override(language):
        address = reverse("working_group:public_tasks_csv")
    return client.get(address).getvalue().decode()


def export_rows(client):
    return list(csv.reader(io.StringIO(export(client, "nl").removeprefix("\ufeff"))))


def test_a_translated_title_is_exported_in_the_requests_language(client, member, track):
    TaskFactory(track=track, owner=member, visibility=PUBLIC, title_nl="Taak", title_fr="Tâche")

    assert "Tâche" in export(client)


def test_an_untranslated_title_is_exported_in_dutch(client, member, track):
    TaskFactory(track=track, owner=member, visibility=PUBLIC, title_nl="Alleen Nederlands")

    assert "Alleen Nederlands" in export(client)


def test_a_public_milestones_title_is_exported(client, member, track):
    milestone = MilestoneFactory(title_nl="Openbare mijlpaal")
    TaskFactory(track=track, owner=member, visibility=PUBLIC, milestone=milestone)

    assert "Openbare mijlpaal" in export(client, "nl")


def test_a_formula_in_a_title_is_exported_as_text(client, member, track):
    TaskFactory(track=track, owner=member, visibility=PUBLIC, title_nl="=SUM(A1:A9)")

    assert "'=SUM(A1:A9)" in export(client, "nl")


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_a_title_a_spreadsheet_would_run_is_exported_as_text(client, member, track, prefix):
    title = prefix + "cmd|' /C calc'!A0"
    TaskFactory(track=track, owner=member, visibility=PUBLIC, title_nl=title)

    assert export_rows(client)[1][0] == "'" + title


def test_the_export_starts_with_a_byte_order_mark_so_excel_reads_it_as_utf8(client):
    assert export(client, "nl").startswith("\ufeffTitel,")


@pytest.mark.parametrize("count", [5, 500])
def test_export_queries_do_not_grow_with_tasks(
    client, member, track, django_assert_num_queries, count
):
    milestone = MilestoneFactory()
    bulk_tasks(count, track=track, owner=member, visibility=PUBLIC, milestone=milestone)

    # Tracks, public milestones, then the tasks (one round trip per 2,000 rows).
    with django_assert_num_queries(3):
        text = export(client, "nl")

    assert text.count("\n") == count + 1
