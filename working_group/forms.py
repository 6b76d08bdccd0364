"""Members' area forms. They validate input and hand it to services; they never save.

The task form is a ``ModelForm``: its fields are the details ``services.DETAIL_FIELDS``
names, its labels and help texts come from ``Task``, and so do its rules (field validators
and ``Task.clean()``, which the ``ModelForm`` runs and shows on the field concerned). The
action forms (state, progress, owner) take fields from the model too; their rules depend on
the stored task, so the services check them.

A list of choices (owners, next states) offers what the services allow, but its field
accepts more: a stale page or a forged post then reaches the service, whose refusal says
what is wrong, rather than the field's "Select a valid choice".
"""

import django_filters
from django import forms
from django.conf import settings
from django.db import models
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from budget.models import YearlyReview
from core.translated import errors_on_source_columns
from regions.models import Analysis
from working_group.models import Comment, Member, Milestone, Task, Track
from working_group.services import (
    DETAIL_COLUMNS,
    SOURCE_COLUMNS,
    TEXT_COLUMNS,
    UPDATABLE_COLUMNS,
    task_next_states,
)

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def model_formfield(field, **kwargs):
    """A model field's form field, as the model states it.

    Django gives positive integer fields a form minimum of 0 in its own words; the model's
    validators (a percentage, a weight from 1) say it in the model's words. modeltranslation
    makes every language's column nullable, but an empty text is stored as the translated
    field stores it (``""`` for a title), not as ``NULL``.
    """
    if isinstance(field, models.IntegerField):
        kwargs.setdefault("min_value", None)
    if getattr(field, "empty_value", None) == "":
        kwargs.setdefault("empty_value", "")
    return field.formfield(**kwargs)


def _list_active_members(field: forms.ModelChoiceField) -> None:
    """List the active members in ``field``, which still takes any member: whether one may
    own a task is the services' rule, in their words."""
    choices = ModelChoiceIterator(field)
    choices.queryset = Member.objects.filter(active=True)
    field.widget.choices = choices


class ServiceErrorsMixin:
    """``add_error(None, error)`` takes a model's or a service's ``ValidationError`` whole.

    Each message goes to its field, or above the form when the form does not show that
    field (a rule about the stored task's state, say) rather than failing.
    """

    def add_error(self, field, error):
        if field is None and hasattr(error, "error_dict"):
            # A task's text is named by its field (``title``) and typed at its Dutch input.
            for name, messages in errors_on_source_columns(error, Task).error_dict.items():
                super().add_error(name if name in self.fields else None, messages)
        else:
            super().add_error(field, error)


class VersionedForm(ServiceErrorsMixin, forms.Form):
    """Carries the version the member saw, so services can detect a concurrent change."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _language_label(column: str):
    field = Task._meta.get_field(column)
    return format_lazy(
        "{} ({})", capfirst(field.translated_field.verbose_name), LANGUAGE_NAMES[field.language]
    )


def _text_widget(column: str):
    # The source language gets room; the other languages are optional and often short.
    rows = 4 if column in SOURCE_COLUMNS.values() else 2
    return forms.Textarea(attrs={"rows": rows})


# The browser's date picker reads and sends ISO dates, whatever the page's language.
DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class TaskForm(ServiceErrorsMixin, forms.ModelForm):
    """Create or edit a task's details. Dutch is required; the other languages are optional
    (worth filling for public tasks, which the public page shows in every language)."""

    class Meta:
        model = Task
        fields = DETAIL_COLUMNS
        labels = {column: _language_label(column) for column in TEXT_COLUMNS}
        widgets = {
            **{
                column: _text_widget(column)
                for column in TEXT_COLUMNS
                if isinstance(Task._meta.get_field(column), models.TextField)
            },
            "start_date": DATE_WIDGET,
            "due_date": DATE_WIDGET,
            "dependencies": forms.SelectMultiple(attrs={"size": 6}),
            "analyses": forms.SelectMultiple(attrs={"size": 6}),
            "budget_reviews": forms.SelectMultiple(attrs={"size": 5}),
        }
        formfield_callback = model_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, column in SOURCE_COLUMNS.items():
            # modeltranslation makes every language optional; the source language is
            # required where the model's field is (a task needs a Dutch title).
            self.fields[column].required = not Task._meta.get_field(field).blank
        _list_active_members(self.fields["owner"])
        # Only what is published can be linked; "published" depends on the time.
        self.fields["analyses"].queryset = Analysis.objects.public().select_related("region")
        self.fields["budget_reviews"].queryset = YearlyReview.objects.public().select_related(
            "legislature"
        )

    def create_arguments(self) -> dict:
        """The cleaned input as ``services.task_create`` takes it: the source language's
        texts as ``title``/``description``, the other languages as ``translations``."""
        arguments = dict(self.cleaned_data)
        arguments["translations"] = {column: arguments.pop(column) for column in TEXT_COLUMNS}
        for field, column in SOURCE_COLUMNS.items():
            arguments[field] = arguments["translations"].pop(column)
        return arguments


class TaskEditForm(TaskForm, VersionedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["owner"].disabled = True  # Reassigning has its own rule and form.

    def update_arguments(self) -> dict:
        """The cleaned details as ``services.task_update`` takes them (every language by
        its column); the owner is not one of them."""
        return {
            name: value for name, value in self.cleaned_data.items() if name in UPDATABLE_COLUMNS
        }


class StateForm(VersionedForm):
    """The task's state and the states ``user`` may move it to (``TASK_WORKFLOW``)."""

    state = forms.ChoiceField(label=_("New state"), choices=Task.State.choices)
    blocked_reason = Task._meta.get_field("blocked_reason").formfield(
        help_text=_("Required when the new state is “Blocked”.")
    )

    def __init__(self, *args, task: Task, user, **kwargs):
        super().__init__(*args, **kwargs)
        offered = {task.state, *task_next_states(task, user)}
        self.fields["state"].widget.choices = [
            (state, label) for state, label in Task.State.choices if state in offered
        ]


class ProgressForm(VersionedForm):
    progress = model_formfield(Task._meta.get_field("progress"))


class OwnerForm(VersionedForm):
    owner = forms.ModelChoiceField(label=_("New owner"), queryset=Member.objects.all())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _list_active_members(self.fields["owner"])


class CommentForm(ServiceErrorsMixin, forms.ModelForm):
    """A comment's text, as long as ``Comment.text`` allows."""

    class Meta:
        model = Comment
        fields = ["text"]
        labels = {"text": _("Comment")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


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
