"""The newest-first order of the API and the feed comes from an index, not a sort.

The plan is asked with sorting discouraged (PostgreSQL) or of the bare table (SQLite), so
the answer does not depend on how few rows a test database holds.
"""

import pytest
from django.db import connection

from regions.models import Analysis

pytestmark = pytest.mark.django_db


def query_plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_newest_first_with_key_tie_breaker_is_read_along_an_index():
    newest_first = Analysis.objects.order_by("-last_published_at", "-pk").values("pk")[:26]

    plan = query_plan(newest_first)

    assert "regions_ana_last_pu_6a8688_idx" in plan
    assert "TEMP B-TREE" not in plan
    assert "Sort" not in plan
