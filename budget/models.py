"""The yearly reviews of the EUR 100 million reflow to Defence (seed: 8 May 2015).

A legislature carries the annual ceiling; a yearly review belongs to one legislature and
year; its lines hold the money. Totals are always derived from the lines (never stored
twice): a review page sums its lines in Python with ``Decimal``; lists sum them in the
database as whole cents (``budget.selectors``). Both stay exact on every database.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

ZERO = Decimal("0.00")
CURRENCY = "EUR"

# 13 digits before the decimal point: amounts up to EUR 9,999,999,999,999.99 (> 10^12).
MONEY_DIGITS = 15


def money_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=MONEY_DIGITS,
        decimal_places=2,
        validators=[MinValueValidator(ZERO, message=_("An amount cannot be negative."))],
        **kwargs,
    )


class Legislature(models.Model):
    name = models.CharField(
        _("name"), max_length=50, unique=True, help_text=_("For example “2014–2019”.")
    )
    slug = models.SlugField(
        _("address name"),
        max_length=50,
        unique=True,
        help_text=_("Used in page addresses, for example “2014-2019”."),
    )
    government = models.CharField(
        _("government"),
        max_length=100,
        help_text=_("The government in office, for example “Michel I”."),
    )
    first_year = models.PositiveSmallIntegerField(
        _("first year"), help_text=_("The year the legislature began, for example 2014.")
    )
    last_year = models.PositiveSmallIntegerField(
        _("last year"), help_text=_("The last year reviewed, for example 2019.")
    )
    first_review_year = models.PositiveSmallIntegerField(
        _("first review year"),
        help_text=_(
            "The first year reviewed under the reflow rule. The rule was agreed in May 2015, "
            "so for 2014–2019 the reviews run from 2015 to 2019."
        ),
    )
    annual_ceiling = money_field(
        _("annual ceiling (EUR)"),
        default=Decimal("100000000.00"),
        help_text=_("The most that may be granted in one year of this legislature."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legislature")
        verbose_name_plural = _("legislatures")
        ordering = ["first_year", "name"]
        indexes = [models.Index(fields=["first_year", "name"], name="budget_legislature_order_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__gte=F("first_year")),
                name="budget_legislature_years_in_order",
            ),
            models.CheckConstraint(
                condition=Q(first_review_year__gte=F("first_year"))
                & Q(first_review_year__lte=F("last_year")),
                name="budget_legislature_review_years_inside",
            ),
            models.CheckConstraint(
                condition=Q(annual_ceiling__gte=0), name="budget_legislature_ceiling_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.government})"

    def clean(self):
        errors = {}
        if self.first_year is not None and self.last_year is not None:
            if self.last_year < self.first_year:
                errors["last_year"] = _("The last year cannot come before the first year.")
            elif self.first_review_year is not None and not (
                self.first_year <= self.first_review_year <= self.last_year
            ):
                errors["first_review_year"] = _(
                    "The first review year must lie between the first and the last year."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def review_years(self) -> range:
        return range(self.first_review_year, self.last_year + 1)

    @property
    def maximum(self) -> Decimal:
        """The most the whole legislature may receive: one ceiling per reviewed year."""
        return self.annual_ceiling * len(self.review_years)


class ReviewState(models.TextChoices):
    PLANNED = "planned", _("planned")
    UNDER_REVIEW = "under_review", _("under review")
    DECIDED = "decided", _("decided")


class Outcome(models.TextChoices):
    GRANTED = "granted", _("granted")
    PARTIALLY_GRANTED = "partially_granted", _("partially granted")
    REFUSED = "refused", _("refused")
    DEFERRED = "deferred", _("deferred")


# Outcomes under which no money flows back: a granted amount would contradict them.
OUTCOMES_WITHOUT_MONEY = (Outcome.REFUSED, Outcome.DEFERRED)


class YearlyReviewQuerySet(models.QuerySet):
    def public(self):
        """Everything the public may see. Every review is public: the portal exists to show
        what was examined, even before a decision."""
        return self.all()


class YearlyReview(models.Model):
    legislature = models.ForeignKey(
        Legislature,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("legislature"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The budget year examined; it must lie inside the legislature.")
    )
    review_date = models.DateField(
        _("review date"),
        null=True,
        blank=True,
        help_text=_("When the government examines (or examined) this year."),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.PLANNED,
        help_text=_("Planned, then under review, then decided."),
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=20,
        choices=Outcome.choices,
        blank=True,
        help_text=_("Only for a decided review."),
    )
    decision_date = models.DateField(
        _("decision date"), null=True, blank=True, help_text=_("Required once decided.")
    )
    decision_reference = models.CharField(
        _("decision reference"),
        max_length=200,
        blank=True,
        help_text=_("For example the number of the Council of Ministers’ notification."),
    )
    justification = models.TextField(
        _("justification"),
        blank=True,
        help_text=_("Why the government decided as it did, in plain words. Shown publicly."),
    )
    is_example_data = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_(
            "Tick when the figures or the outcome are invented for demonstration; every page "
            "and export then marks them."
        ),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = YearlyReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("yearly review")
        verbose_name_plural = _("yearly reviews")
        ordering = ["legislature__first_year", "year"]
        permissions = [
            ("change_decided_review", _("Can change a decided review (with a public note)")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["legislature", "year"],
                name="budget_review_one_per_legislature_year",
                violation_error_message=_(
                    "There is already a review for this year in this legislature."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(state=ReviewState.DECIDED)
                | (~Q(outcome="") & Q(decision_date__isnull=False)),
                name="budget_review_decided_has_outcome_and_date",
            ),
            models.CheckConstraint(
                condition=Q(state=ReviewState.DECIDED) | Q(outcome=""),
                name="budget_review_outcome_only_when_decided",
            ),
            models.CheckConstraint(
                condition=Q(state__in=ReviewState.values), name="budget_review_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=[*Outcome.values, ""]), name="budget_review_outcome_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["year"], name="budget_review_year_idx"),
            models.Index(fields=["state", "outcome"], name="budget_review_state_idx"),
        ]

    def __str__(self):
        return f"{self.year} — {self.legislature.name}"

    def get_absolute_url(self):
        return reverse(
            "budget:year", kwargs={"legislature": self.legislature.slug, "year": self.year}
        )

    @property
    def is_decided(self) -> bool:
        return self.state == ReviewState.DECIDED

    def clean(self):
        errors = {}
        legislature = self.legislature if self.legislature_id else None
        if legislature is not None and self.year is not None:
            if self.year not in legislature.review_years:
                errors["year"] = _(
                    "The year %(year)s lies outside the reviewed years of legislature "
                    "%(legislature)s (%(first)s–%(last)s)."
                ) % {
                    "year": self.year,
                    "legislature": legislature.name,
                    "first": legislature.first_review_year,
                    "last": legislature.last_year,
                }
        if self.state == ReviewState.DECIDED:
            if not self.outcome:
                errors["outcome"] = _("A decided review needs an outcome.")
            if self.decision_date is None:
                errors["decision_date"] = _("A decided review needs a decision date.")
        elif self.outcome:
            errors["outcome"] = _("Only a decided review has an outcome.")
        if errors:
            raise ValidationError(errors)

    # Totals: derived from the (prefetched) lines in Python, exact with Decimal.
    def _total(self, attribute, kind=None) -> Decimal:
        return sum(
            (
                getattr(line, attribute)
                for line in self.lines.all()
                if kind is None or line.kind == kind
            ),
            ZERO,
        )

    @property
    def requested_total(self) -> Decimal:
        return self._total("amount_requested")

    @property
    def granted_total(self) -> Decimal:
        return self._total("amount_granted")

    @property
    def requested_payment(self) -> Decimal:
        return self._total("amount_requested", LineKind.PAYMENT)

    @property
    def granted_payment(self) -> Decimal:
        return self._total("amount_granted", LineKind.PAYMENT)

    @property
    def requested_commitment(self) -> Decimal:
        return self._total("amount_requested", LineKind.COMMITMENT)

    @property
    def granted_commitment(self) -> Decimal:
        return self._total("amount_granted", LineKind.COMMITMENT)


class LineKind(models.TextChoices):
    PAYMENT = "payment", _("payment appropriations")
    COMMITMENT = "commitment", _("commitment appropriations")


class LinePurpose(models.TextChoices):
    DEBT_REPAYMENT = "debt_repayment", _("debt repayment")
    INVESTMENT = "investment", _("investment")
    OTHER = "other", _("other")


class ReviewLine(models.Model):
    review = models.ForeignKey(
        YearlyReview, on_delete=models.CASCADE, related_name="lines", verbose_name=_("review")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=LineKind.choices,
        help_text=_(
            "Payment appropriations pay what is due (here: debts); commitment appropriations "
            "allow new obligations (here: investments)."
        ),
    )
    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=LinePurpose.choices,
        help_text=_("What the money is for: repaying debt, investing, or something else."),
    )
    amount_requested = money_field(_("amount requested (EUR)"))
    amount_granted = money_field(
        _("amount granted (EUR)"),
        default=ZERO,
        help_text=_("Zero until the review is decided; never more than requested."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review line")
        verbose_name_plural = _("review lines")
        ordering = ["kind", "purpose", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_requested__gte=0), name="budget_line_requested_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(amount_granted__gte=0), name="budget_line_granted_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(amount_granted__lte=F("amount_requested")),
                name="budget_line_granted_within_requested",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=LineKind.values), name="budget_line_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(purpose__in=LinePurpose.values), name="budget_line_purpose_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.get_purpose_display()}"

    def get_absolute_url(self):
        return self.review.get_absolute_url()

    def clean(self):
        if (
            self.amount_requested is not None
            and self.amount_granted is not None
            and self.amount_granted > self.amount_requested
        ):
            raise ValidationError(
                {"amount_granted": _("The amount granted cannot exceed the amount requested.")}
            )


class ReviewSource(models.Model):
    review = models.ForeignKey(
        YearlyReview, on_delete=models.CASCADE, related_name="sources", verbose_name=_("review")
    )
    title = models.CharField(
        _("title"), max_length=300, help_text=_("The document's title as the public sees it.")
    )
    url = models.URLField(
        _("address (URL)"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A public web address starting with https:// (or http://)."),
    )

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.review.get_absolute_url()


class ReviewChange(models.Model):
    """A public note explaining a change to a review after its decision.

    simple-history keeps the full before/after audit for editors; this is the short,
    translated explanation the public sees on the year page.
    """

    review = models.ForeignKey(
        YearlyReview, on_delete=models.CASCADE, related_name="changes", verbose_name=_("review")
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    note = models.TextField(_("change note"), help_text=_("Shown publicly on the year page."))

    class Meta:
        verbose_name = _("public change note")
        verbose_name_plural = _("public change notes")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["review", "-changed_at"], name="budget_change_review_idx")]

    def __str__(self):
        return date_format(self.changed_at, "DATETIME_FORMAT")

    def get_absolute_url(self):
        return self.review.get_absolute_url()
