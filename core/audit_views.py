"""Superuser pages over the audit log (see core/audit.py)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core import audit

ENTRIES_PER_PAGE = 50


def superuser_required(view):
    def check(user):
        if user.is_authenticated and not user.is_superuser:
            raise PermissionDenied
        return user.is_authenticated

    return user_passes_test(check, login_url="admin:login")(view)


class AuditFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("Model"), required=False)
    user = forms.CharField(label=_("User name contains"), required=False, max_length=150)
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("All")), ("+", _("Created")), ("~", _("Changed")), ("-", _("Deleted"))],
    )
    date_from = forms.DateField(label=_("From (YYYY-MM-DD)"), required=False)
    date_to = forms.DateField(label=_("To (YYYY-MM-DD)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("All"))] + [
            (
                model._meta.label_lower,
                f"{model._meta.app_config.verbose_name} · {model._meta.verbose_name}",
            )
            for model in audit.audited_models()
        ]


@superuser_required
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    filters = {}
    if form.is_valid():
        filters = {
            "model_label": form.cleaned_data["model"],
            "username": form.cleaned_data["user"],
            "action": form.cleaned_data["action"],
            "date_from": form.cleaned_data["date_from"],
            "date_to": form.cleaned_data["date_to"],
        }
    entries = audit.audit_entries(**filters)
    page = Paginator(entries if entries is not None else [], ENTRIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = list(page.object_list)
    users = get_user_model().objects.in_bulk({row["history_user_id"] for row in rows} - {None})
    names = {model._meta.label_lower: model._meta.verbose_name for model in audit.audited_models()}
    for row in rows:
        row["user"] = users.get(row["history_user_id"])
        row["model_name"] = names.get(row["model_label"], row["model_label"])
        row["action"] = dict(AuditFilterForm.base_fields["action"].choices).get(row["history_type"])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/audit_log.html",
        {
            **admin.site.each_context(request),
            "title": _("Audit log"),
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
        },
    )


def _record(model_label, history_id):
    model = audit.audited_model(model_label)
    if model is None:
        raise Http404
    record = model.history.model.objects.filter(history_id=history_id).first()
    if record is None:
        raise Http404
    return record


@superuser_required
def audit_entry(request, model_label, history_id):
    record = _record(model_label, history_id)
    return render(
        request,
        "core/audit_entry.html",
        {
            **admin.site.each_context(request),
            "title": _("Audit entry"),
            "record": record,
            "model_label": model_label,
            "model_name": record.instance._meta.verbose_name,
            "changes": audit.entry_changes(record),
        },
    )


@require_POST
@superuser_required
def audit_revert(request, model_label, history_id):
    record = _record(model_label, history_id)
    try:
        audit.history_revert(record=record, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The object was restored to this version."))
    return redirect("audit-entry", model_label=model_label, history_id=history_id)
