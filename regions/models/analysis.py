"""Analyses and their immutable revisions (content, key figures, sources)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions.models.taxonomy import Country, Organisation, Region, Topic


class Trend(models.TextChoices):
    IMPROVING = "improving", _("Improving")
    STABLE = "stable", _("Stable")
    DETERIORATING = "deteriorating", _("Deteriorating")


class AnalysisState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Withdrawn")


class AnalysisQuerySet(models.QuerySet):
    """The only definition of what the public may read."""

    def _live(self):
        # Scheduled publishing is enforced here: a future publish_at hides the analysis
        # until that moment, no background job is needed for correctness.
        return self.filter(live_revision__isnull=False, publish_at__lte=timezone.now())

    def public(self):
        """Listed everywhere: index, topic pages, search, feed, sitemap, API."""
        return self._live().exclude(state=AnalysisState.ARCHIVED)

    def withdrawn(self):
        """Withdrawn analyses: readable only at their own address, under a notice."""
        return self._live().filter(state=AnalysisState.ARCHIVED)

    def readable_at_address(self):
        return self._live()

    def with_live_content(self):
        """Everything a public page shows, in a fixed number of queries."""
        return self.select_related("region", "live_revision").prefetch_related(
            "live_revision__topics",
            "live_revision__organisations",
            "live_revision__countries",
            "live_revision__key_figures",
            "live_revision__sources",
        )


class Analysis(models.Model):
    region = models.OneToOneField(
        Region,
        verbose_name=_("region or theme"),
        on_delete=models.PROTECT,
        related_name="analysis",
        help_text=_("Each region or theme has one analysis."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Part of the public address. Changing it leaves a permanent redirect."),
    )
    state = models.CharField(
        _("workflow state"),
        max_length=20,
        choices=AnalysisState,
        default=AnalysisState.DRAFT,
        help_text=_("Where the working copy stands; the public reads the live revision."),
    )
    live_revision = models.ForeignKey(
        "AnalysisRevision",
        verbose_name=_("live revision"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    draft_revision = models.ForeignKey(
        "AnalysisRevision",
        verbose_name=_("working draft"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("The analysis stays hidden until this moment, even once published."),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    last_published_at = models.DateTimeField(_("last updated"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    force_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("force-published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    awaiting_retrospective_review = models.BooleanField(
        _("awaiting retrospective review"),
        default=False,
        help_text=_("Set when a publisher skipped the review; cleared by a second publisher."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"),
        blank=True,
        help_text=_("Shown publicly above a withdrawn analysis."),
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Increases on every change; detects lost updates.")
    )

    objects = AnalysisQuerySet.as_manager()

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")
        ordering = ["region__group", "region__order", "slug"]
        indexes = [
            models.Index(fields=["state", "publish_at"]),
            # The API's and the feed's order, newest first with the key as tie-breaker: with
            # the key in the index SQLite walks it and stops at a page instead of sorting.
            models.Index(fields=["-last_published_at", "-id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=AnalysisState.ARCHIVED) | Q(live_revision__isnull=False),
                name="regions_analysis_withdrawn_has_live_revision",
                violation_error_message=_("Only a published analysis can be withdrawn."),
            ),
            models.CheckConstraint(
                condition=Q(live_revision__isnull=True) | Q(publish_at__isnull=False),
                name="regions_analysis_live_has_publish_at",
                violation_error_message=_("A live analysis needs a publication time."),
            ),
            models.CheckConstraint(
                condition=~Q(state=AnalysisState.ARCHIVED) | ~Q(withdrawal_reason=""),
                name="regions_analysis_withdrawn_has_reason",
                violation_error_message=_("A withdrawn analysis needs a public reason."),
            ),
        ]
        permissions = [
            ("submit_analysis", _("Can submit an analysis for review")),
            ("publish_analysis", _("Can publish an analysis")),
            ("force_publish_analysis", _("Can force-publish an analysis without review")),
            ("unpublish_analysis", _("Can unpublish an analysis")),
            ("archive_analysis", _("Can withdraw an analysis")),
        ]

    def __str__(self):
        return str(self.region)

    def get_absolute_url(self):
        return reverse("regions:analysis", kwargs={"slug": self.slug})

    @property
    def is_withdrawn(self):
        return self.state == AnalysisState.ARCHIVED

    @property
    def working_revision(self):
        """What editors continue from: the draft if there is one, else the live content."""
        return self.draft_revision or self.live_revision


class AnalysisRevision(models.Model):
    """One saved state of an analysis' content. Never changed after it is written."""

    analysis = models.ForeignKey(
        Analysis,
        verbose_name=_("analysis"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    number = models.PositiveIntegerField(_("revision number"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences shown on the index page.")
    )
    body = models.TextField(
        _("body"), help_text=_("Markdown. Raw HTML and scripts are removed when shown.")
    )
    horizon_year = models.PositiveSmallIntegerField(
        _("horizon year"),
        default=2030,
        validators=[MinValueValidator(2015), MaxValueValidator(2100)],
        help_text=_("The year the assessment looks ahead to."),
    )
    trend = models.CharField(_("assessed trend"), max_length=20, choices=Trend)
    change_note = models.TextField(
        _("change note"),
        blank=True,
        help_text=_("Public note for the change history. Required for a major change."),
    )
    is_major = models.BooleanField(
        _("major change"),
        default=False,
        help_text=_("Major changes are listed publicly with their change note."),
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True
    )
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The revision this one was copied from when reverting."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    published_at = models.DateTimeField(
        _("published at"), null=True, blank=True, help_text=_("When this revision went live.")
    )
    translation_sources = models.JSONField(
        _("translation sources"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_(
            "Per language, a fingerprint of its text and of the Dutch text it was written "
            "against; kept by the services (see docs/decisions/0007-translation-parity.md)."
        ),
    )

    class Meta:
        verbose_name = _("analysis revision")
        verbose_name_plural = _("analysis revisions")
        # By the column, not the analysis: "analysis" would join the analysis and region
        # tables into every query for their own default ordering.
        ordering = ["analysis_id", "-number"]
        indexes = [models.Index(fields=["analysis", "-published_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "number"], name="regions_revision_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(is_major=False) | ~Q(change_note=""),
                name="regions_revision_major_has_note",
                violation_error_message=_("A major change needs a public change note."),
            ),
            models.CheckConstraint(
                condition=Q(horizon_year__gte=2015) & Q(horizon_year__lte=2100),
                name="regions_revision_horizon_range",
                violation_error_message=_("The horizon year lies between 2015 and 2100."),
            ),
        ]

    def __str__(self):
        return _("%(analysis)s, revision %(number)s") % {
            "analysis": self.analysis_id and self.analysis,
            "number": self.number,
        }

    def get_absolute_url(self):
        return reverse("regions:preview", kwargs={"pk": self.analysis_id}) + f"?rev={self.pk}"

    def translation_status(self) -> dict[str, str]:
        """Per language other than Dutch: "current", "outdated" or "missing" (no query)."""
        from regions.parity import status_from_record

        return status_from_record(self.translation_sources)

    def clean(self):
        if self.is_major and not (self.change_note or "").strip():
            raise ValidationError({"change_note": _("A major change needs a public change note.")})


class KeyFigure(models.Model):
    revision = models.ForeignKey(
        AnalysisRevision,
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="key_figures",
    )
    label = models.CharField(
        _("label"), max_length=200, help_text=_("What the figure measures, in one line.")
    )
    value = models.CharField(
        _("value"), max_length=40, help_text=_("As written, for example 40, 20–25 or 22nd.")
    )
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example % or km; empty for a rank.")
    )
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("Where the figure comes from.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["revision_id", "order", "pk"]

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}".strip()

    def get_absolute_url(self):
        return self.revision.analysis.get_absolute_url()


class Source(models.Model):
    revision = models.ForeignKey(
        AnalysisRevision,
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="sources",
    )
    title = models.CharField(
        _("title"), max_length=300, help_text=_("The document's own title, in its own language.")
    )
    url = models.URLField(
        _("address"), blank=True, help_text=_("An http or https address, if online.")
    )
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Publication date of the source.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["revision_id", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(url="") | Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="regions_source_url_http",
                violation_error_message=_("A source address starts with http:// or https://."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url or self.revision.analysis.get_absolute_url()
