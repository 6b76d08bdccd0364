"""The audit log: every change recorded by django-simple-history, across all apps.

Superusers read it at /<lang>/admin/audit/ (filter by model, user, action and date),
open one entry to see what changed against the entry before it, and revert an object
to that entry. A revert is an ordinary save, so it is itself audited.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.models import registered_models


def audited_models() -> list[type[models.Model]]:
    """Models with a history table (not the many-to-many helper tables)."""
    return sorted(
        (model for model in registered_models.values() if hasattr(model, "history")),
        key=lambda model: model._meta.label,
    )


def audited_model(label: str) -> type[models.Model] | None:
    return next((model for model in audited_models() if model._meta.label_lower == label), None)


def audit_entries(*, model_label="", username="", action="", date_from=None, date_to=None):
    """All history rows as one queryset (a UNION across history tables), newest first.

    Each row: history_id, history_date, history_type, history_user_id,
    history_change_reason, model_label, object_id. Counting and one page cost one
    query each, whatever the number of tables or rows.
    """
    user_ids = None
    if username:
        user_ids = get_user_model().objects.filter(username__icontains=username).values("pk")
    parts = []
    for model in audited_models():
        if model_label and model._meta.label_lower != model_label:
            continue
        history = model.history.model.objects.order_by()  # no ORDER BY inside a UNION
        if user_ids is not None:
            history = history.filter(history_user_id__in=user_ids)
        if action:
            history = history.filter(history_type=action)
        if date_from:
            history = history.filter(history_date__date__gte=date_from)
        if date_to:
            history = history.filter(history_date__date__lte=date_to)
        parts.append(
            history.annotate(
                model_label=models.Value(model._meta.label_lower, output_field=models.CharField()),
                object_id=Cast(model._meta.pk.attname, output_field=models.CharField()),
            ).values(
                "history_id",
                "history_date",
                "history_type",
                "history_user_id",
                "history_change_reason",
                "model_label",
                "object_id",
            )
        )
    if not parts:
        return None
    return parts[0].union(*parts[1:], all=True).order_by("-history_date", "-history_id")


def entry_changes(record) -> list[dict]:
    """Field-by-field before/after against the previous history row of the same object."""
    previous = record.prev_record
    if previous is None:
        # Fields the history leaves out (secrets) are not on the record: never show them.
        tracked = {field.attname for field in record._meta.concrete_fields}
        return [
            {"field": field.verbose_name, "old": "", "new": getattr(record, field.attname)}
            for field in record.instance_type._meta.concrete_fields
            if field.attname in tracked
        ]
    delta = record.diff_against(previous)
    fields = {field.name: field for field in record.instance._meta.concrete_fields}
    return [
        {
            "field": fields[change.field].verbose_name if change.field in fields else change.field,
            "old": change.old,
            "new": change.new,
        }
        for change in delta.changes
    ]


@transaction.atomic
def history_revert(*, record, by) -> models.Model:
    """Put the object back as it was in ``record`` (re-creating it if it was deleted).

    Many-to-many links are not part of a history row and stay as they are now. Objects
    with a ``version`` move to a new version, so editors with an open form get a
    conflict instead of silently overwriting the revert.
    """
    if record._history_excluded_fields:
        raise ValidationError(
            _("This history leaves out secret fields, so it cannot be restored from it.")
        )
    instance = record.instance
    model = type(instance)
    current = model._default_manager.filter(pk=instance.pk).first()
    if current is not None and hasattr(current, "version"):
        instance.version = current.version + 1
    try:
        instance.full_clean(validate_unique=current is None)
    except ValidationError as error:
        raise ValidationError(
            _("This version cannot be restored as it is: %(errors)s")
            % {"errors": "; ".join(error.messages)}
        ) from error
    instance._history_user = by
    # Stored in the source language, like the apps' other change reasons.
    with translation.override(settings.LANGUAGE_CODE):
        instance._change_reason = _("Reverted to the version of %(date)s (audit entry %(id)s)") % {
            "date": record.history_date.strftime("%Y-%m-%d %H:%M"),
            "id": record.history_id,
        }
    instance.save()
    return instance
