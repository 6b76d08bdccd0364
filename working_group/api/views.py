"""Endpoints of the working group's API.

Public endpoints read the same selectors as the public page (``selectors.public_*``), so
they can never show more. Member endpoints follow the members' area: an active ``Member``
linked to the user (``services.member_for``), and every write is a call to ``services.py``
whose refusals become the API's error shape (403, 409, 400).
"""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.settings import api_settings

from core.api.ordering import StrictOrderingFilter
from core.api.pagination import StandardPagination, StreamPagination
from core.translated import errors_on_source_columns
from working_group import selectors, services
from working_group.api import filters
from working_group.api import serializers as wg_serializers
from working_group.models import Comment, Member, Task

TAG = "working group"
MEMBERS_TAG = "working group (members)"


# Public ---------------------------------------------------------------------------------


@extend_schema(tags=[TAG])
class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.AllowAny]
    pagination_class = StandardPagination
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]


@extend_schema_view(
    list=extend_schema(
        summary="List the tracks and their public progress",
        description="The working group's lines of work. Progress counts public tasks only "
        "(weighted, cancelled tasks left out); null while no public task counts.",
    ),
    retrieve=extend_schema(summary="One track and its public progress"),
)
class PublicTrackViewSet(PublicViewSet):
    serializer_class = wg_serializers.PublicTrackSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    ordering = ["order", "slug", "pk"]
    ordering_choices = {"order": "order", "slug": "slug"}

    def get_queryset(self):
        return selectors.public_tracks()


@extend_schema_view(
    list=extend_schema(
        summary="List the public milestones",
        description="Dated goals the group made public, with progress from public tasks.",
    ),
    retrieve=extend_schema(summary="One public milestone"),
)
class PublicMilestoneViewSet(PublicViewSet):
    serializer_class = wg_serializers.PublicMilestoneSerializer
    filterset_class = filters.PublicMilestoneFilter
    ordering = ["date", "pk"]
    ordering_choices = {"date": "date"}

    def get_queryset(self):
        return selectors.public_milestones()


@extend_schema_view(
    list=extend_schema(
        summary="List the public tasks",
        description="Tasks the group made public. They are identified by an opaque id: "
        "the internal WG- numbers are not shown, because they would reveal how many "
        "internal tasks exist. A milestone is shown only when it is public too.",
    ),
    retrieve=extend_schema(summary="One public task"),
)
class PublicTaskViewSet(PublicViewSet):
    serializer_class = wg_serializers.PublicTaskSerializer
    filterset_class = filters.PublicTaskFilter
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    ordering = ["track__order", "due_date", "public_id"]
    ordering_choices = {"due_date": "due_date", "progress": "progress"}
    # Random, so the order of ties says nothing about when tasks were created.
    ordering_tiebreakers = ("public_id",)

    def get_queryset(self):
        return selectors.public_tasks()

    def paginate_queryset(self, queryset):
        # In the default order, with no filter but the track, a page is read along the
        # index a track at a time (the sort key starts with the track's order, another
        # table), and counted from the tallies, rather than sorting every public task.
        params = self.request.query_params
        if not ({"state", "milestone", "ordering"} & params.keys()):
            queryset = selectors.TasksByTrack(queryset, track_slug=params.get("track"))
        return super().paginate_queryset(queryset)


@extend_schema_view(
    list=extend_schema(
        summary="List the public decisions",
        description="Decisions the group made public, taken in public meetings, newest "
        "first, with their public tasks.",
    ),
    retrieve=extend_schema(summary="One public decision"),
)
class PublicDecisionViewSet(PublicViewSet):
    serializer_class = wg_serializers.PublicDecisionSerializer
    filterset_class = filters.PublicDecisionFilter
    ordering = ["-meeting__date", "pk"]
    ordering_choices = {"meeting__date": "meeting__date"}

    def get_queryset(self):
        return selectors.public_decisions()


# Members -------------------------------------------------------------------------------


class IsActiveMember(permissions.BasePermission):
    """The members' area rule (ADR 0004): an active Member linked to the user."""

    message = _("The members' API is for active members of the working group.")

    def has_permission(self, request, view):
        return services.member_for(request.user) is not None


def _api_errors(error: DjangoValidationError) -> dict:
    """A model or service ValidationError keyed like the API's input fields."""
    if not hasattr(error, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    # Services name a text by its field (``title``) and mean the source language's column.
    renamed = {NON_FIELD_ERRORS: api_settings.NON_FIELD_ERRORS_KEY}
    on_columns = errors_on_source_columns(error, Task)
    return {
        renamed.get(field, field): messages for field, messages in on_columns.message_dict.items()
    }


@contextmanager
def service_errors():
    """Key a service's ValidationError like the API's input fields (400).

    The API's exception handler answers the services' other refusals: 409 for a stale
    version (with ``current_version``), 403 for an action the member may not take.
    """
    try:
        yield
    except DjangoValidationError as error:
        raise serializers.ValidationError(_api_errors(error)) from error


TASK_NUMBER = OpenApiParameter(
    "number",
    {"type": "integer", "minimum": 1, "maximum": wg_serializers.MAX_ID},
    OpenApiParameter.PATH,
    description="The task's number (WG-<number>).",
)
CONFLICT_RESPONSE = OpenApiResponse(
    response={"$ref": "#/components/schemas/Error"},
    description="The task changed since you read `version`; nothing was saved.",
    examples=[
        OpenApiExample(
            "Stale version",
            value={
                "code": "conflict",
                "detail": "Someone else changed “WG-12 Draft the annual report” while you "
                "were editing it (your version 3, now 4). Your change was not saved: copy "
                "anything you want to keep, reload the page and make your change again.",
                "field_errors": {},
                "non_field_errors": [],
                "current_version": 4,
            },
        )
    ],
)


@extend_schema_view(
    list=extend_schema(
        summary="List all tasks (members)",
        description="Every task, internal and public, by number, with cursor pagination.",
    ),
    retrieve=extend_schema(summary="One task (members)", parameters=[TASK_NUMBER]),
)
@extend_schema(tags=[MEMBERS_TAG])
class TaskViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated, IsActiveMember]
    serializer_class = wg_serializers.TaskSerializer
    pagination_class = StreamPagination
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = filters.TaskFilter
    ordering = ["number"]
    ordering_choices = {"number": "number"}
    ordering_tiebreakers = ()  # Numbers are unique.
    lookup_field = "number"
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return selectors.task_list().prefetch_related("dependencies")

    def _respond(self, task: Task, status_code=status.HTTP_200_OK) -> Response:
        task = self.get_queryset().get(pk=task.pk)
        return Response(self.get_serializer(task).data, status=status_code)

    def _validated(self, serializer_class):
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @extend_schema(
        summary="Create a task",
        description="The acting member creates a task; it gets the next WG- number. "
        "`owner` defaults to the acting member.",
        request=wg_serializers.TaskCreateSerializer,
        responses={201: wg_serializers.TaskSerializer},
        examples=[
            OpenApiExample(
                "New internal task",
                request_only=True,
                value={
                    "title_nl": "Verdeling van de investeringen per jaar nagaan",
                    "title_fr": "Vérifier la répartition annuelle des investissements",
                    "track": 1,
                    "priority": 3,
                    "due_date": "2016-03-31",
                },
            )
        ],
    )
    def create(self, request):
        serializer = wg_serializers.TaskCreateSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        arguments = serializer.create_arguments()
        arguments.setdefault("owner", services.member_for(request.user))
        with service_errors():
            task = services.task_create(by=request.user, **arguments)
        return self._respond(task, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Change a task's details",
        description="Send `version` (the one you read) and the fields to change. Owner, "
        "state and progress have their own actions. A stale version answers 409 and "
        "nothing is saved.",
        parameters=[TASK_NUMBER],
        request=wg_serializers.TaskUpdateSerializer,
        responses={200: wg_serializers.TaskSerializer, 409: CONFLICT_RESPONSE},
    )
    def partial_update(self, request, number):
        task = self.get_object()
        data = self._validated(wg_serializers.TaskUpdateSerializer)
        version = data.pop("version")
        dependencies = data.pop("dependencies", None)
        with service_errors():
            task = services.task_update(
                task=task,
                expected_version=version,
                by=request.user,
                dependencies=dependencies,
                **data,
            )
        return self._respond(task)

    @extend_schema(
        summary="Change a task's state",
        description="Allowed moves follow the members' area (e.g. done only when the "
        "dependencies are done or cancelled; blocked needs a reason).",
        parameters=[TASK_NUMBER],
        request=wg_serializers.TaskStateSerializer,
        responses={200: wg_serializers.TaskSerializer, 409: CONFLICT_RESPONSE},
    )
    @action(detail=True, methods=["post"])
    def state(self, request, number):
        task = self.get_object()
        data = self._validated(wg_serializers.TaskStateSerializer)
        with service_errors():
            task = services.task_change_state(
                task=task,
                expected_version=data["version"],
                by=request.user,
                state=data["state"],
                blocked_reason=data.get("blocked_reason", ""),
            )
        return self._respond(task)

    @extend_schema(
        summary="Set a task's progress",
        parameters=[TASK_NUMBER],
        request=wg_serializers.TaskProgressSerializer,
        responses={200: wg_serializers.TaskSerializer, 409: CONFLICT_RESPONSE},
    )
    @action(detail=True, methods=["post"])
    def progress(self, request, number):
        task = self.get_object()
        data = self._validated(wg_serializers.TaskProgressSerializer)
        with service_errors():
            task = services.task_set_progress(
                task=task,
                expected_version=data["version"],
                by=request.user,
                progress=data["progress"],
            )
        return self._respond(task)

    @extend_schema(
        summary="Reassign a task",
        description="Only the task's owner, the chair or the secretary may reassign it "
        "(403 for anyone else); the new owner is an active member of the group.",
        parameters=[TASK_NUMBER],
        request=wg_serializers.TaskOwnerSerializer,
        responses={200: wg_serializers.TaskSerializer, 409: CONFLICT_RESPONSE},
    )
    @action(detail=True, methods=["post"])
    def owner(self, request, number):
        task = self.get_object()
        data = self._validated(wg_serializers.TaskOwnerSerializer)
        with service_errors():
            task = services.task_reassign(
                task=task, expected_version=data["version"], by=request.user, owner=data["owner"]
            )
        return self._respond(task)


@extend_schema_view(
    list=extend_schema(
        summary="List a task's comments (members)",
        description="Comments are internal: no public endpoint shows them.",
        parameters=[TASK_NUMBER],
    ),
    create=extend_schema(
        summary="Comment on a task",
        parameters=[TASK_NUMBER],
        responses={201: wg_serializers.CommentSerializer},
    ),
)
@extend_schema(tags=[MEMBERS_TAG])
class TaskCommentViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated, IsActiveMember]
    serializer_class = wg_serializers.CommentSerializer
    pagination_class = StreamPagination
    filter_backends = [StrictOrderingFilter]
    ordering = ["created_at", "pk"]
    ordering_choices = {"created_at": "created_at"}

    def get_task(self) -> Task:
        if not hasattr(self, "_task"):
            self._task = get_object_or_404(Task, number=self.kwargs["number"])
        return self._task

    def get_queryset(self):
        return Comment.objects.filter(task=self.get_task()).select_related("author")

    def create(self, request, number):
        task = self.get_task()  # An unknown task is 404 whatever the body.
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            comment = services.task_comment(
                task=task, by=request.user, text=serializer.validated_data["text"]
            )
        return Response(self.get_serializer(comment).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="List the active members (members)",
        description="Who can own a task: use an `id` as a task's `owner`.",
    ),
)
@extend_schema(tags=[MEMBERS_TAG])
class MemberViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated, IsActiveMember]
    serializer_class = wg_serializers.MemberSerializer
    pagination_class = StandardPagination
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = filters.MemberFilter
    ordering = ["name", "pk"]
    ordering_choices = {"name": "name"}

    def get_queryset(self):
        return Member.objects.filter(active=True)
