"""The political working group's tracker: members, tracks, tasks, milestones, meetings.

Visibility is defined once, on the QuerySets (``.public()``); comments and reminder logs
are never public. Writes go through ``services.py``.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import ExpressionWrapper, F, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

OPEN_STATES = ("todo", "in_progress", "blocked")


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Internal (members only)")
    PUBLIC = "public", _("Public")


class ExampleDataMixin(models.Model):
    is_example_data = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_("Invented for the demonstration; pages label it as example data."),
    )

    class Meta:
        abstract = True


class WorkingGroup(ExampleDataMixin):
    """The group itself. Its chair is the member whose role is ``chair`` (stored once)."""

    slug = models.SlugField(_("short name"), unique=True, help_text=_("Used in addresses."))
    name = models.CharField(_("name"), max_length=200)
    mandate = models.TextField(
        _("mandate"), help_text=_("What the group was asked to do, in plain words.")
    )
    start_date = models.DateField(_("start date"))

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["start_date", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("working_group:index")


class Member(ExampleDataMixin):
    """A person in the group; the linked user account opens the members' area."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary")
        EXPERT = "expert", _("Expert")

    group = models.ForeignKey(
        WorkingGroup, on_delete=models.PROTECT, related_name="members", verbose_name=_("group")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_group_member",
        verbose_name=_("user account"),
        help_text=_("The account this member signs in with; without one, no access."),
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    party_or_organisation = models.CharField(_("party or organisation"), max_length=200, blank=True)
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive members keep their history but lose access."),
    )

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group"],
                condition=Q(role="chair", active=True),
                name="wg_member_one_active_chair_per_group",
                violation_error_message=_("The group already has an active chair."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def may_reassign_any_task(self) -> bool:
        return self.role in (self.Role.CHAIR, self.Role.SECRETARY)


class Track(models.Model):
    """One of the group's lines of work (budgetary, capability, organisational)."""

    group = models.ForeignKey(
        WorkingGroup, on_delete=models.PROTECT, related_name="tracks", verbose_name=_("group")
    )
    slug = models.SlugField(_("short name"))
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Tracks are listed from low to high.")
    )

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["order", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["group", "slug"], name="wg_track_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("working_group:index") + f"#track-{self.slug}"


class MilestoneQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)


class Milestone(ExampleDataMixin):
    """A dated goal; its progress is derived from its tasks, never stored."""

    title = models.CharField(_("title"), max_length=250)
    date = models.DateField(_("date"))
    track = models.ForeignKey(
        Track,
        on_delete=models.PROTECT,
        related_name="milestones",
        verbose_name=_("track"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a milestone of the whole group."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.INTERNAL
    )

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["visibility", "date"], name="wg_milestone_vis_date")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.visibility == Visibility.PUBLIC:
            return reverse("working_group:index") + f"#milestone-{self.pk}"
        return reverse("working_group:milestones") + f"#milestone-{self.pk}"


def with_progress(queryset, *, public_only: bool = False):
    """Annotate the points and weight that ``progress_of`` turns into a percentage.

    The one definition of derived progress (tracks, milestones): weighted where weights
    are set (an unset weight counts as 1), cancelled tasks left out. Read from the
    ``TaskTally`` rows of each track or milestone (a few per row, however many tasks), so
    a page costs one small query whatever the number of tasks.
    """
    counted = ~Q(tallies__state="cancelled")
    if public_only:
        counted &= Q(tallies__visibility=Visibility.PUBLIC)
    return queryset.annotate(
        progress_points=Sum("tallies__points", filter=counted),
        progress_weight=Sum("tallies__weight", filter=counted),
    )


def progress_of(annotated) -> int | None:
    """Percentage from ``with_progress``; ``None`` when no task counts (not a false 0 %)."""
    if not annotated.progress_weight:
        return None
    return round(annotated.progress_points / annotated.progress_weight)


# The board's order: urgent first, then by due date (none last), then by number. "None
# last" is spelt as an expression, not NULLS LAST, so that one index serves it on SQLite
# too (SQLite indexes cannot hold NULLS LAST) and the board reads its first cards in order.
BOARD_ORDER = (
    F("priority").desc(),
    ExpressionWrapper(Q(due_date__isnull=True), output_field=models.BooleanField()).asc(),
    F("due_date").asc(),
    F("number").asc(),
)


def task_reference(number: int) -> str:
    """How members quote a task: "WG-42" (also for rows read without a model instance)."""
    return f"WG-{number}"


class TaskQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


PROGRESS_IS_A_PERCENTAGE = _("Progress is a percentage between 0 and 100.")


class Task(ExampleDataMixin):
    """A piece of the group's work.

    Its rules live here once: field validators and ``clean()`` say what is wrong in words
    (the members' form shows them on the field, the API in ``field_errors``), and the
    constraints below hold the same rules in the database.
    """

    class State(models.TextChoices):
        TODO = "todo", _("To do")
        IN_PROGRESS = "in_progress", _("In progress")
        BLOCKED = "blocked", _("Blocked")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    class Priority(models.IntegerChoices):
        LOW = 1, _("Low")
        NORMAL = 2, _("Normal")
        HIGH = 3, _("High")
        URGENT = 4, _("Urgent")

    number = models.PositiveIntegerField(
        _("reference number"),
        unique=True,
        editable=False,
        help_text=_("Shown as WG-<number>; never reused or changed."),
    )
    # The identifier the public API shows: ``number`` and the primary key are sequences
    # over all tasks, so they would tell how many internal tasks exist (ADR 0004).
    public_id = models.UUIDField(
        _("public identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    track = models.ForeignKey(
        Track, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("track")
    )
    owner = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("owner")
    )
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.TODO)
    blocked_reason = models.CharField(
        _("reason for the block"),
        max_length=500,
        blank=True,
        help_text=_("Required while the task is blocked."),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority, default=Priority.NORMAL
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[
            MinValueValidator(0, message=PROGRESS_IS_A_PERCENTAGE),
            MaxValueValidator(100, message=PROGRESS_IS_A_PERCENTAGE),
        ],
    )
    dependencies = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="dependents",
        verbose_name=_("depends on"),
        help_text=_("Tasks that must be done before this one can be done."),
    )
    # Traceability across the portal: which analyses and budget reviews a task serves.
    analyses = models.ManyToManyField(
        "regions.Analysis",
        blank=True,
        related_name="tasks",
        verbose_name=_("related analyses"),
        help_text=_("Security-environment analyses this task builds on."),
    )
    budget_reviews = models.ManyToManyField(
        "budget.YearlyReview",
        blank=True,
        related_name="tasks",
        verbose_name=_("related budget reviews"),
        help_text=_("Yearly budget reviews this task prepares or follows up."),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility,
        default=Visibility.INTERNAL,
        help_text=_("Public tasks count towards the progress shown on the public page."),
    )
    milestone = models.ForeignKey(
        Milestone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("milestone"),
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Share in the milestone's progress; empty counts as 1."),
    )
    # Links to region analyses and budget reviews are added at integration (ADR 0004).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["number"]
        indexes = [
            models.Index(fields=["state", "due_date"], name="wg_task_state_due"),
            models.Index(fields=["due_date", "public_id"], name="wg_task_due_public_id"),
            models.Index(fields=["-priority", "due_date"], name="wg_task_priority_due"),
            # The board: one column per state (and optionally one track), in BOARD_ORDER.
            models.Index(F("state"), *BOARD_ORDER, name="wg_task_board"),
            models.Index(F("track"), F("state"), *BOARD_ORDER, name="wg_task_track_board"),
            # Public lists, by track (page, API): no index starts with the visibility, which
            # holds two values; one that did would lure SQLite's planner away from better ones.
            models.Index(
                fields=["track", "visibility", "due_date", "public_id"],
                name="wg_task_track_vis_due",
            ),
            models.Index(fields=["progress", "public_id"], name="wg_task_progress"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100),
                name="wg_task_progress_0_100",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(due_date__isnull=True)
                | Q(due_date__gte=models.F("start_date")),
                name="wg_task_due_not_before_start",
            ),
            models.CheckConstraint(
                condition=~Q(state="done") | Q(progress=100),
                name="wg_task_done_means_100",
            ),
            models.CheckConstraint(
                condition=~Q(state="blocked") | ~Q(blocked_reason=""),
                name="wg_task_blocked_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gte=1, weight__lte=100),
                name="wg_task_weight_1_100",
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse("working_group:task_detail", kwargs={"number": self.number})

    @property
    def reference(self) -> str:
        return task_reference(self.number)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def clean(self):
        errors = {}
        if self.start_date and self.due_date and self.due_date < self.start_date:
            errors["due_date"] = _("The due date cannot be before the start date.")
        if self.state == self.State.DONE and self.progress != 100:
            errors["progress"] = _("A done task is at 100 %; reopen it before lowering progress.")
        if self.state == self.State.BLOCKED and not self.blocked_reason.strip():
            errors["blocked_reason"] = _("Say why the task is blocked.")
        if errors:
            raise ValidationError(errors)


class TaskTally(models.Model):
    """Derived, never edited: how many tasks a track or a milestone holds per visibility
    and state, and the sums their progress is computed from.

    Kept by ``working_group.progress`` whenever a task is saved or deleted, so pages read a
    few rows instead of every task; ``progress.recount_all()`` rebuilds it from the tasks.
    """

    track = models.ForeignKey(
        Track,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tallies",
        verbose_name=_("track"),
    )
    milestone = models.ForeignKey(
        Milestone,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tallies",
        verbose_name=_("milestone"),
    )
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility)
    state = models.CharField(_("state"), max_length=20, choices=Task.State)
    tasks = models.PositiveIntegerField(_("tasks"), default=0)
    # Sum of progress × weight, and of the weights (an unset weight counts as 1).
    points = models.PositiveBigIntegerField(_("points"), default=0)
    weight = models.PositiveBigIntegerField(_("weight"), default=0)

    class Meta:
        verbose_name = _("task tally")
        verbose_name_plural = _("task tallies")
        constraints = [
            models.CheckConstraint(
                condition=Q(track__isnull=False, milestone__isnull=True)
                | Q(track__isnull=True, milestone__isnull=False),
                name="wg_tally_track_or_milestone",
            ),
            models.UniqueConstraint(
                fields=["track", "visibility", "state"],
                condition=Q(track__isnull=False),
                name="wg_tally_unique_track",
            ),
            models.UniqueConstraint(
                fields=["milestone", "visibility", "state"],
                condition=Q(milestone__isnull=False),
                name="wg_tally_unique_milestone",
            ),
        ]

    def __str__(self):
        return f"{self.track or self.milestone} · {self.visibility} · {self.state}: {self.tasks}"


class Comment(models.Model):
    """A member's note on a task. Comments are internal: they have no ``.public()``."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="comments", verbose_name=_("task")
    )
    author = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="comments", verbose_name=_("author")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    text = models.TextField(_("text"), max_length=5000)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} · {self.task.reference}"

    def get_absolute_url(self):
        return self.task.get_absolute_url() + f"#comment-{self.pk}"


class MeetingQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)


class Meeting(ExampleDataMixin):
    group = models.ForeignKey(
        WorkingGroup, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("group")
    )
    title = models.CharField(_("title"), max_length=250)
    date = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("Markdown."))
    minutes = models.TextField(
        _("minutes"), blank=True, help_text=_("Markdown; HTML is removed when shown.")
    )
    attendees = models.ManyToManyField(
        Member, blank=True, related_name="meetings", verbose_name=_("attendees")
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.INTERNAL
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["visibility", "date"], name="wg_meeting_vis_date")]

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("working_group:meeting_detail", kwargs={"pk": self.pk})


class DecisionQuerySet(models.QuerySet):
    def public(self):
        # A public decision of an internal meeting would reveal that meeting: both must be public.
        return self.filter(visibility=Visibility.PUBLIC, meeting__visibility=Visibility.PUBLIC)


class Decision(ExampleDataMixin):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("meeting")
    )
    text = models.TextField(_("decision"))
    tasks = models.ManyToManyField(
        Task, blank=True, related_name="decisions", verbose_name=_("tasks")
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility,
        default=Visibility.INTERNAL,
        help_text=_("Shown publicly only when its meeting is public too."),
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-meeting__date", "pk"]
        indexes = [models.Index(fields=["visibility"], name="wg_decision_vis")]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        if self.visibility == Visibility.PUBLIC:
            return reverse("working_group:index") + f"#decision-{self.pk}"
        return self.meeting.get_absolute_url() + f"#decision-{self.pk}"


class ReminderLog(models.Model):
    """One row per member and day a reminder digest went out; makes sending idempotent."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="reminder_logs", verbose_name=_("member")
    )
    date = models.DateField(_("date"))
    task_count = models.PositiveIntegerField(_("tasks in the digest"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder log")
        verbose_name_plural = _("reminder logs")
        ordering = ["-date", "member"]
        constraints = [
            models.UniqueConstraint(fields=["member", "date"], name="wg_reminder_once_per_day"),
        ]

    def __str__(self):
        return f"{self.member} · {self.date}"
