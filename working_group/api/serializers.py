"""Serializers of the working group's API.

Public serializers show what the public page and the public CSV show, nothing more: a
public task is identified by its ``public_id`` (never ``number`` or the primary key, which
count internal tasks), and a milestone only when it is public itself.

Member serializers are built from the model (``ModelSerializer``): fields, types, lengths and
ranges come from ``Task``, and the details a member writes are those ``services`` names.
They check the shape of input, strictly typed (JSON numbers are numbers, text is text); the
rules (``Task.clean()``, the services' checks, such as who may own a task) are applied by
``services.py``, whose ``ValidationError`` the views turn into ``field_errors``.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.translation import TranslatedFieldsMixin
from working_group.models import (
    Comment,
    Decision,
    Member,
    Milestone,
    Task,
    Track,
    Visibility,
    progress_of,
)
from working_group.services import SOURCE_COLUMNS, TEXT_COLUMNS, TEXT_FIELDS, UPDATABLE_COLUMNS

MAX_ID = 2_147_483_647  # Largest primary key or number PostgreSQL's integer column holds.
# Links to analyses and budget reviews are made in the members' area, which lists the
# published ones to choose from; the API writes the other details.
API_DETAIL_COLUMNS = [
    column for column in UPDATABLE_COLUMNS if column not in ("analyses", "budget_reviews")
]


class TextField(serializers.CharField):
    """A string, and only a string: DRF would turn ``0`` or ``true`` into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class WholeNumberField(serializers.IntegerField):
    """A JSON integer, and only that: DRF would also take ``"5"``, ``5.0`` or ``true``."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class IdField(serializers.PrimaryKeyRelatedField):
    """A related object's id as a JSON integer (not ``"5"``)."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


class StrictChoiceField(serializers.ChoiceField):
    """A choice given as its JSON type: DRF would also take ``"3"`` for the choice ``3``."""

    def to_internal_value(self, data):
        if not any(type(data) is type(choice) for choice in self.choices):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


RANGE_KINDS = {MinValueValidator: "min_value", MaxValueValidator: "max_value"}


class StrictModelSerializer(serializers.ModelSerializer):
    """Fields from the model, taking input strictly typed, in the model's words.

    DRF states a model's range validators as ``min_value``/``max_value`` in its own words;
    a message the model gives itself (a percentage) is kept, so the API says what the
    members' form says.
    """

    serializer_field_mapping = {
        model_field: {
            serializers.CharField: TextField,
            serializers.IntegerField: WholeNumberField,
        }.get(field, field)
        for model_field, field in serializers.ModelSerializer.serializer_field_mapping.items()
    }
    serializer_related_field = IdField
    serializer_choice_field = StrictChoiceField

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if "choices" in field_kwargs:
            # The choices bound the value; the validators of the database's integer range
            # would only document a bound that differs between backends.
            field_kwargs["validators"] = [
                validator
                for validator in field_kwargs.get("validators", [])
                if type(validator) not in RANGE_KINDS
            ]
        for validator in model_field.validators:
            kind = RANGE_KINDS.get(type(validator))
            if kind in field_kwargs and validator.message is not type(validator).message:
                field_kwargs.setdefault("error_messages", {})[kind] = validator.message
        return field_class, field_kwargs


class ProgressField(serializers.SerializerMethodField):
    """Derived progress in percent, ``null`` when no task counts (ADR 0004)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", _("Percentage from public tasks; null while no public task counts.")
        )
        super().__init__(method_name="get_progress", **kwargs)


class ProgressMixin(serializers.Serializer):
    progress = ProgressField()

    @extend_schema_field({"type": "integer", "minimum": 0, "maximum": 100, "nullable": True})
    def get_progress(self, instance) -> int | None:
        return progress_of(instance)


class TrackSummarySerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Track
        fields = ["id", "slug", "name", "served_languages"]
        translated_fields = ["name"]


class PublicTrackSerializer(ProgressMixin, TranslatedFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Track
        fields = ["id", "slug", "name", "order", "progress", "served_languages"]
        translated_fields = ["name"]


class MilestoneSummarySerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "date", "served_languages"]
        translated_fields = ["title"]


class PublicMilestoneSerializer(ProgressMixin, TranslatedFieldsMixin, serializers.ModelSerializer):
    track = TrackSummarySerializer(allow_null=True)

    class Meta:
        model = Milestone
        fields = ["id", "title", "date", "track", "progress", "is_example_data", "served_languages"]
        translated_fields = ["title"]


class PublicMilestoneField(serializers.SerializerMethodField):
    """The task's milestone only when that milestone is public; an internal one is hidden."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("The public milestone; null when none or not public."))
        super().__init__(method_name="get_milestone", **kwargs)


class PublicTaskSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    track = TrackSummarySerializer()
    milestone = PublicMilestoneField()

    class Meta:
        model = Task
        fields = [
            "id",
            "title",
            "track",
            "state",
            "progress",
            "due_date",
            "milestone",
            "is_example_data",
            "served_languages",
        ]
        translated_fields = ["title"]

    @extend_schema_field(MilestoneSummarySerializer(allow_null=True))
    def get_milestone(self, task):
        milestone = task.milestone
        if milestone is None or milestone.visibility != Visibility.PUBLIC:
            return None
        # One nested serializer for the whole list: building one per row (its fields
        # anew each time) was a visible part of a page's cost.
        if not hasattr(self, "_milestone_serializer"):
            self._milestone_serializer = MilestoneSummarySerializer(context=self.context)
        return self._milestone_serializer.to_representation(milestone)


class PublicTaskSummarySerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = Task
        fields = ["id", "title", "served_languages"]
        translated_fields = ["title"]


class PublicDecisionSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    date = serializers.DateField(
        source="meeting.date", read_only=True, help_text=_("Meeting date.")
    )
    tasks = PublicTaskSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "date", "text", "tasks", "is_example_data", "served_languages"]
        translated_fields = ["text"]


# Members ------------------------------------------------------------------------------


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ["id", "name", "role", "party_or_organisation"]


class MemberSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ["id", "name"]


class TaskSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    """A task as members see it: every language column, so scripts can edit any of them."""

    reference = serializers.CharField(read_only=True, help_text=_("WG-<number>."))
    track = TrackSummarySerializer()
    owner = MemberSummarySerializer()
    milestone = MilestoneSummarySerializer(allow_null=True)
    dependencies = serializers.SlugRelatedField(
        slug_field="number",
        many=True,
        read_only=True,
        help_text=_("Numbers of the tasks this one depends on."),
    )

    class Meta:
        model = Task
        fields = [
            "number",
            "reference",
            "public_id",
            "title",
            "description",
            *TEXT_COLUMNS,
            "track",
            "owner",
            "state",
            "blocked_reason",
            "priority",
            "start_date",
            "due_date",
            "progress",
            "visibility",
            "milestone",
            "weight",
            "dependencies",
            "version",
            "is_example_data",
            "created_at",
            "updated_at",
            "served_languages",
        ]
        read_only_fields = fields
        translated_fields = TEXT_FIELDS


class TaskNumberField(WholeNumberField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


def _text_column_kwargs(*, partial: bool) -> dict:
    """modeltranslation makes every language's column nullable and optional; the API takes
    text (empty for none), and the source language's column where the model's field needs
    text (a task's Dutch title), required unless ``partial``."""
    kwargs = {column: {"allow_null": False} for column in TEXT_COLUMNS}
    for field, column in SOURCE_COLUMNS.items():
        if not Task._meta.get_field(field).blank:
            kwargs[column].update(required=not partial, allow_blank=False)
    kwargs[SOURCE_COLUMNS["title"]]["help_text"] = _("Title in Dutch (source).")
    return kwargs


class TaskWriteSerializer(StrictModelSerializer):
    """The details of a task, as ``services.task_create``/``task_update`` take them.

    ``title_nl`` and ``description_nl`` are the Dutch source; the other languages are
    optional. Dependencies are task numbers.
    """

    dependencies = serializers.ListField(
        child=TaskNumberField(), required=False, max_length=100, help_text=_("Task numbers.")
    )

    class Meta:
        model = Task
        fields = API_DETAIL_COLUMNS
        extra_kwargs = _text_column_kwargs(partial=False)

    def validate_dependencies(self, numbers):
        tasks = list(Task.objects.filter(number__in=numbers))
        missing = sorted(set(numbers) - {task.number for task in tasks})
        if missing:
            raise serializers.ValidationError(
                _("No task has the number %(numbers)s.")
                % {"numbers": ", ".join(str(number) for number in missing)}
            )
        return tasks

    def create_arguments(self) -> dict:
        """The validated input as ``services.task_create`` takes it: the source language's
        texts as ``title``/``description``, the other languages as ``translations``."""
        arguments = dict(self.validated_data)
        arguments["translations"] = {
            column: arguments.pop(column) for column in TEXT_COLUMNS if column in arguments
        }
        for field, column in SOURCE_COLUMNS.items():
            arguments[field] = arguments["translations"].pop(column, "")
        return arguments


class TaskCreateSerializer(TaskWriteSerializer):
    class Meta(TaskWriteSerializer.Meta):
        fields = [*TaskWriteSerializer.Meta.fields, "owner"]
        extra_kwargs = {
            **TaskWriteSerializer.Meta.extra_kwargs,
            # Any member: who may own a task is the services' rule, in their words.
            "owner": {
                "queryset": Member.objects.all(),
                "required": False,
                "help_text": _("Member id; the acting member when left out."),
            },
        }


class VersionedSerializer(serializers.Serializer):
    version = WholeNumberField(
        min_value=1,
        max_value=MAX_ID,
        help_text=_("The version you started from; a stale one is refused with 409."),
    )


class TaskUpdateSerializer(VersionedSerializer, TaskWriteSerializer):
    """Any subset of the details (PATCH), always with ``version``; owner, state and
    progress have their own actions."""

    class Meta(TaskWriteSerializer.Meta):
        fields = ["version", *TaskWriteSerializer.Meta.fields]
        extra_kwargs = {**_text_column_kwargs(partial=True), "track": {"required": False}}

    # Every detail is optional already; ``version`` never is. DRF's partial mode (and
    # drf-spectacular, which documents PATCH bodies as partial) would drop that.
    @property
    def partial(self):
        return False

    @partial.setter
    def partial(self, value):
        pass


class TaskStateSerializer(VersionedSerializer, StrictModelSerializer):
    """The state to move to, with a reason when it is “Blocked”."""

    class Meta:
        model = Task
        fields = ["version", "state", "blocked_reason"]
        extra_kwargs = {
            "state": {"required": True},
            "blocked_reason": {"help_text": _("Required when the new state is “Blocked”.")},
        }


class TaskProgressSerializer(VersionedSerializer, StrictModelSerializer):
    """The new progress, a percentage."""

    class Meta:
        model = Task
        fields = ["version", "progress"]
        extra_kwargs = {"progress": {"required": True}}


class TaskOwnerSerializer(VersionedSerializer, StrictModelSerializer):
    """The member who takes the task over."""

    class Meta:
        model = Task
        fields = ["version", "owner"]
        # Any member: who may own a task is the services' rule, in their words.
        extra_kwargs = {"owner": {"queryset": Member.objects.all()}}


class CommentSerializer(StrictModelSerializer):
    author = MemberSummarySerializer(read_only=True)

    class Meta:
        model = Comment
        fields = ["id", "author", "created_at", "text"]
        read_only_fields = ["id", "author", "created_at"]
