"""Members' area forms. They validate input and hand it to services; they never save."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from budget.models import YearlyReview
from regions.models import Analysis
from working_group.models import Member, Milestone, Task, Track


class VersionedForm(forms.Form):
    """Carries the version the member saw, so services can detect a concurrent change."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def apply_error(form: forms.Form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form's fields (or to the form)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.error_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)


TRANSLATED_LANGUAGES = ("fr", "de", "en")


class TaskForm(forms.Form):
    """Create or edit a task's details. Dutch is required; the other languages are optional
    (worth filling for public tasks, which the public page shows in every language)."""

    title_nl = forms.CharField(label=_("Title (Dutch)"), max_length=250)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=250, required=False)
    title_de = forms.CharField(label=_("Title (German)"), max_length=250, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=250, required=False)
    description_nl = forms.CharField(
        label=_("Description (Dutch)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    description_fr = forms.CharField(
        label=_("Description (French)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    description_de = forms.CharField(
        label=_("Description (German)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    track = forms.ModelChoiceField(label=_("Track"), queryset=Track.objects.all())
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Member.objects.filter(active=True))
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Task.Priority.choices, coerce=int, initial=2
    )
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"), choices=Task._meta.get_field("visibility").choices
    )
    milestone = forms.ModelChoiceField(
        label=_("Milestone"), queryset=Milestone.objects.all(), required=False
    )
    weight = forms.IntegerField(
        label=_("Weight in the milestone"), min_value=1, max_value=100, required=False
    )
    dependencies = forms.ModelMultipleChoiceField(
        label=_("Depends on"),
        queryset=Task.objects.order_by("number"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    analyses = forms.ModelMultipleChoiceField(
        label=_("Related analyses"),
        queryset=Analysis.objects.none(),  # set per form: "published" depends on the time
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Published security-environment analyses this task builds on."),
    )
    budget_reviews = forms.ModelMultipleChoiceField(
        label=_("Related budget reviews"),
        queryset=YearlyReview.objects.none(),  # set per form, like the analyses
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
        help_text=_("Yearly budget reviews this task prepares or follows up."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analyses"].queryset = Analysis.objects.public().select_related("region")
        self.fields["budget_reviews"].queryset = YearlyReview.objects.public().select_related(
            "legislature"
        )

    def clean(self):
        cleaned = super().clean()
        start, due = cleaned.get("start_date"), cleaned.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", _("The due date cannot be before the start date."))
        return cleaned

    def translations(self) -> dict[str, str]:
        """The optional French, German and English columns, as services take them."""
        return {
            f"{field}_{code}": self.cleaned_data[f"{field}_{code}"]
            for field in ("title", "description")
            for code in TRANSLATED_LANGUAGES
        }


class TaskEditForm(TaskForm, VersionedForm):
    pass


class StateForm(VersionedForm):
    state = forms.ChoiceField(label=_("New state"), choices=Task.State.choices)
    blocked_reason = forms.CharField(
        label=_("Reason for the block"),
        max_length=500,
        required=False,
        help_text=_("Required when the new state is “Blocked”."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("state") == Task.State.BLOCKED
            and not cleaned.get("blocked_reason", "").strip()
        ):
            self.add_error("blocked_reason", _("Say why the task is blocked."))
        return cleaned


class ProgressForm(VersionedForm):
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("Progress is a percentage between 0 and 100."),
            "max_value": _("Progress is a percentage between 0 and 100."),
        },
    )


class OwnerForm(VersionedForm):
    owner = forms.ModelChoiceField(
        label=_("New owner"), queryset=Member.objects.filter(active=True)
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class TaskFilter(django_filters.FilterSet):
    track = django_filters.ModelChoiceFilter(label=_("Track"), queryset=Track.objects.all())
    owner = django_filters.ModelChoiceFilter(label=_("Owner"), queryset=Member.objects.all())
    state = django_filters.ChoiceFilter(label=_("State"), choices=Task.State.choices)
    milestone = django_filters.ModelChoiceFilter(
        label=_("Milestone"), queryset=Milestone.objects.all()
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"), method="filter_overdue", widget=forms.CheckboxInput
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("due_date", "due_date"), ("priority", "priority"), ("number", "number")),
        field_labels={
            "due_date": _("Due date"),
            "priority": _("Priority"),
            "number": _("Reference number"),
        },
    )

    class Meta:
        model = Task
        fields = ["track", "owner", "state", "milestone"]

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(timezone.localdate()) if value else queryset
