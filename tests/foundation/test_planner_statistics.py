"""Bulk loads (the bench's seeding, restores) leave the planner statistics it needs."""

import pytest
from django.db import connection

from core.seeding import refresh_planner_statistics
from tests.regions.factories import RegionFactory

pytestmark = pytest.mark.django_db


def planner_rows(table: str) -> float:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchone()[0]:
            return -1
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        row = cursor.fetchone()
        return float(row[0].split()[0]) if row else -1


def test_refreshed_statistics_count_the_rows_just_loaded():
    RegionFactory.create_batch(3)

    refresh_planner_statistics()

    assert planner_rows("regions_region") >= 3
