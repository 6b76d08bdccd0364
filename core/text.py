"""Input hygiene for text: control characters pasted from word processors are dropped.

XML 1.0 (the Atom feed) cannot carry C0 control characters other than tab, line feed and
carriage return, and no reader ever means to type them. They are removed from every text
field of every model before it is saved, so forms, the admin, the API and services all
store clean text without each having to remember it.
"""

import re

from django.db import models

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def strip_control_characters(text):
    """``text`` without the control characters XML 1.0 refuses; other values unchanged."""
    if isinstance(text, str):
        return CONTROL_CHARACTERS.sub("", text)
    return text


def strip_control_characters_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save`` receiver; fixtures (``raw``) are loaded exactly as written.

    Only the columns being written are read, so a deferred field never costs a query.
    """
    if raw:
        return
    deferred = instance.get_deferred_fields()
    for field in sender._meta.concrete_fields:
        if field.attname in deferred or (update_fields and field.name not in update_fields):
            continue
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            cleaned = strip_control_characters(value)
            if cleaned != value:
                setattr(instance, field.attname, cleaned)
