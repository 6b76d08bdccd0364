"""Backup and restore lose nothing: after restoring a backup into an emptied database,
every public page and API response is byte for byte what it was."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from budget.models import YearlyReview
from regions.models import Analysis, Topic

pytestmark = pytest.mark.django_db(transaction=True)


def public_addresses():
    addresses = [
        "/nl/", "/fr/security-environment/", "/en/security-environment/feed/", "/sitemap.xml",
        "/sitemap-regions.xml",
        "/nl/budget/", "/nl/budget/export/lines.csv", "/nl/budget/export/lines.json",
        "/nl/budget/export/datapackage.json", "/de/working-group/",
        "/nl/working-group/public-tasks.csv", "/api/v1/legislatures/", "/api/v1/budget-reviews/",
    ]  # fmt: skip
    addresses += [analysis.get_absolute_url() for analysis in Analysis.objects.public()]
    addresses += [f"/nl/security-environment/topics/{topic.slug}/" for topic in Topic.objects.all()]
    addresses += [review.get_absolute_url() for review in YearlyReview.objects.public()]
    addresses += [f"/api/v1/budget-reviews/{review.pk}/" for review in YearlyReview.objects.all()]
    return addresses


def snapshot(addresses):
    client = Client()
    pages = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        pages[address] = response.getvalue()  # Also reads the streamed CSV exports.
    return pages


def test_restored_backup_serves_every_public_page_and_api_response_identically(tmp_path):
    call_command("load_demo", stdout=StringIO())
    addresses = public_addresses()
    before = snapshot(addresses)
    call_command("backup_portal", directory=str(tmp_path), stdout=StringIO())
    call_command("flush", interactive=False, verbosity=0)
    assert not Analysis.objects.exists()

    call_command(
        "restore_portal", str(next(tmp_path.glob("*.json.gz"))), noinput=True, stdout=StringIO()
    )

    after = snapshot(addresses)
    assert [a for a in addresses if before[a] != after[a]] == []
    assert connection.vendor in ("sqlite", "postgresql")
