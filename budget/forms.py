"""Admin forms: the same rules as the service, shown to editors as field messages."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm, ImportForm

from budget import services
from budget.models import Legislature, ReviewLine, ReviewState, YearlyReview
from budget.money import MoneyField
from core import messages


class YearlyReviewForm(forms.ModelForm):
    # Whose moves the state field offers (``REVIEW_WORKFLOW``); the admin sets it per request.
    acting_user = None
    # The version the editor started from; a mismatch on save means someone else saved.
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    change_note = forms.CharField(
        label=_("Public change note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when you change a decided review: why it changes. Shown on the year page."
        ),
    )

    class Meta:
        model = YearlyReview
        fields = (
            "legislature",
            "year",
            "review_date",
            "state",
            "is_example_data",
            "outcome",
            "decision_date",
            "decision_reference",
            "justification",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_state = self.instance.state if self.instance.pk else None
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version
        if self.stored_state and "state" in self.fields:
            self._offer_allowed_states(self.fields["state"])

    def _offer_allowed_states(self, field):
        """List the stored state and those the workflow lets the acting user move to.

        The field still takes every state, so that a move outside the list (a stale page, a
        forged post) gets the workflow's refusal in ``clean()``, not "Select a valid choice".
        """
        offered = {
            transition.target
            for transition in services.REVIEW_WORKFLOW.offered(self.instance, self.acting_user)
        }
        field.widget.choices = [
            (state, label)
            for state, label in field.choices
            if state == self.stored_state or state in offered
        ]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        started_from = cleaned.get("expected_version")
        if started_from != self.instance.version:
            raise ValidationError(
                messages.conflict(
                    item=self.instance, yours=started_from, current=self.instance.version
                ),
                code="conflict",
            )
        new_state = cleaned.get("state")
        if new_state:
            # The instance still holds the stored state until the form is saved.
            error = services.state_change_error(self.instance, new_state)
            if error:
                self.add_error("state", error)
        if self.stored_state == ReviewState.DECIDED and not cleaned.get("change_note", "").strip():
            self.add_error("change_note", _("Explain publicly why a decided review changes."))
        return cleaned


class ReviewLineForm(forms.ModelForm):
    class Meta:
        model = ReviewLine
        fields = ("kind", "purpose", "amount_requested", "amount_granted")
        field_classes = {"amount_requested": MoneyField, "amount_granted": MoneyField}


class ReviewLineFormSet(BaseInlineFormSet):
    """Checks the rules that span lines (ceiling, zero when not granted) on what was sent."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form.instance
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not (self.can_delete and self._should_delete_form(form))
        ]
        errors = services.line_rule_errors(self.instance, kept)
        if errors:
            raise ValidationError(errors)


class LegislatureForm(forms.ModelForm):
    class Meta:
        model = Legislature
        fields = (
            "name",
            "slug",
            "government",
            "first_year",
            "last_year",
            "first_review_year",
            "annual_ceiling",
        )
        field_classes = {"annual_ceiling": MoneyField}

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.errors:
            # construct a copy with the new values: the form's instance is only filled later.
            candidate = Legislature(
                pk=self.instance.pk,
                **{
                    name: cleaned.get(name, getattr(self.instance, name))
                    for name in ("first_year", "last_year", "first_review_year", "annual_ceiling")
                },
            )
            errors = services.legislature_rule_errors(candidate)
            if errors:
                raise ValidationError(errors)
        return cleaned


_IMPORT_NOTE_HELP = _(
    "Required when the file changes a decided review (Publishers only): why the amounts "
    "change. Shown on the year page of each decided review the file changes."
)


class ReviewLineImportForm(ImportForm):
    change_note = forms.CharField(
        label=_("Public change note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_IMPORT_NOTE_HELP,
    )


class ReviewLineConfirmImportForm(ConfirmImportForm):
    change_note = forms.CharField(required=False, widget=forms.HiddenInput)
