"""Helpers for loading content: the apps' demo loaders (``python manage.py load_demo``),
the benchmark's bulk seeding and restores."""

from django.db import connection


def sync_record(model, *, lookup: dict, values: dict):
    """Create the record found by ``lookup``, or update only the values that differ.

    Unlike ``update_or_create``, an unchanged record is not saved again, so a second
    ``load_demo`` writes nothing and adds no audit-history rows. Returns the record.
    """
    record = model._default_manager.filter(**lookup).first()
    if record is None:
        record = model(**{**lookup, **values})
    elif all(getattr(record, name) == value for name, value in values.items()):
        return record
    else:
        for name, value in values.items():
            setattr(record, name, value)
    record.full_clean()
    record.save()
    return record


def refresh_planner_statistics() -> None:
    """ANALYZE: give the query planner row counts that match a bulk load.

    Right after thousands of rows arrive at once the planner still plans for the empty
    tables it last saw (on PostgreSQL until autovacuum gets to them, on SQLite for good):
    a seq scan and hash join of 20,000 tasks for 26 dependencies. Both databases accept
    a plain ``ANALYZE`` of every table.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
