"""Helpers for the apps' demo loaders (``python manage.py load_demo``)."""


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
