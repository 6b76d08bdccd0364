"""Serializers of the working group's API.

Public serializers show what the public page and the public CSV show, nothing more: a
public task is identified by its ``public_id`` (never ``number`` or the primary key, which
count internal tasks), and a milestone only when it is public itself. Member serializers
validate the shape of input; the rules themselves are checked by ``services.py``.
"""

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

MAX_ID = 2_147_483_647  # Largest primary key or number PostgreSQL's integer column holds.


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


class PriorityField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Task.Priority.choices, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


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
            "title_nl",
            "title_fr",
            "title_de",
            "title_en",
            "description_nl",
            "description_fr",
            "description_de",
            "description_en",
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
        translated_fields = ["title", "description"]


class TaskNumberField(WholeNumberField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


def _optional_text(max_length=None):
    return TextField(required=False, allow_blank=True, max_length=max_length)


class TaskWriteSerializer(serializers.Serializer):
    """The details of a task, as ``services.task_create``/``task_update`` take them.

    ``title_nl`` and ``description_nl`` are the Dutch source; the other languages are
    optional. Dependencies are task numbers.
    """

    title_nl = TextField(max_length=250, help_text=_("Title in Dutch (source)."))
    title_fr = _optional_text(250)
    title_de = _optional_text(250)
    title_en = _optional_text(250)
    description_nl = _optional_text()
    description_fr = _optional_text()
    description_de = _optional_text()
    description_en = _optional_text()
    track = IdField(queryset=Track.objects.all())
    priority = PriorityField(required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    due_date = serializers.DateField(required=False, allow_null=True)
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)
    milestone = IdField(queryset=Milestone.objects.all(), required=False, allow_null=True)
    weight = WholeNumberField(min_value=1, max_value=100, required=False, allow_null=True)
    dependencies = serializers.ListField(
        child=TaskNumberField(), required=False, max_length=100, help_text=_("Task numbers.")
    )

    def validate_dependencies(self, numbers):
        tasks = list(Task.objects.filter(number__in=numbers))
        missing = sorted(set(numbers) - {task.number for task in tasks})
        if missing:
            raise serializers.ValidationError(
                _("No task has the number %(numbers)s.")
                % {"numbers": ", ".join(str(number) for number in missing)}
            )
        return tasks

    def validate(self, attrs):
        start, due = attrs.get("start_date"), attrs.get("due_date")
        if start and due and due < start:
            raise serializers.ValidationError(
                {"due_date": _("The due date cannot be before the start date.")}
            )
        return attrs


class TaskCreateSerializer(TaskWriteSerializer):
    owner = IdField(
        queryset=Member.objects.filter(active=True),
        required=False,
        help_text=_("Member id; the acting member when left out."),
    )


class VersionedSerializer(serializers.Serializer):
    version = WholeNumberField(
        min_value=1,
        max_value=MAX_ID,
        help_text=_("The version you started from; a stale one is refused with 409."),
    )


class TaskUpdateSerializer(VersionedSerializer, TaskWriteSerializer):
    """Any subset of the details (PATCH), always with ``version``; owner, state and
    progress have their own actions."""

    title_nl = TextField(max_length=250, required=False, help_text=_("Title in Dutch (source)."))
    track = IdField(queryset=Track.objects.all(), required=False)

    # Every detail is optional already; ``version`` never is. DRF's partial mode (and
    # drf-spectacular, which documents PATCH bodies as partial) would drop that.
    @property
    def partial(self):
        return False

    @partial.setter
    def partial(self, value):
        pass


class TaskStateSerializer(VersionedSerializer):
    state = serializers.ChoiceField(choices=Task.State.choices)
    blocked_reason = TextField(
        max_length=500,
        required=False,
        allow_blank=True,
        help_text=_("Required when the new state is “Blocked”."),
    )

    def validate(self, attrs):
        if attrs["state"] == Task.State.BLOCKED and not attrs.get("blocked_reason", "").strip():
            raise serializers.ValidationError({"blocked_reason": _("Say why the task is blocked.")})
        return attrs


class TaskProgressSerializer(VersionedSerializer):
    progress = WholeNumberField(min_value=0, max_value=100)


class TaskOwnerSerializer(VersionedSerializer):
    owner = IdField(queryset=Member.objects.filter(active=True))


class CommentSerializer(serializers.ModelSerializer):
    author = MemberSummarySerializer(read_only=True)
    text = TextField(max_length=5000)

    class Meta:
        model = Comment
        fields = ["id", "author", "created_at", "text"]
        read_only_fields = ["id", "author", "created_at"]
