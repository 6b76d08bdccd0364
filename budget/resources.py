"""CSV import/export of review lines in the admin (django-import-export).

The columns are the line's id, then the public export's columns (``budget.exports.COLUMNS``).
An import passes every row through ``full_clean()``, the permission rule of the service and
the rules that span a review's lines; an invalid row is shown with its message and the file
cannot be confirmed, so nothing is imported.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from budget import services
from budget.exports import COLUMNS
from budget.models import CURRENCY, ReviewChange, ReviewLine, YearlyReview
from budget.money import export_amount


class ExactDecimalWidget(widgets.Widget):
    """Dot decimal in and out, through ``Decimal`` only (no locale guessing, no float)."""

    def clean(self, value, row=None, **kwargs):
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation as error:
            raise ValueError(
                _("“%(value)s” is not an amount: write digits with a dot before the cents.")
                % {"value": text}
            ) from error

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else export_amount(value)


class ReviewLineResource(resources.ModelResource):
    legislature = fields.Field(column_name="legislature", attribute="review__legislature__name")
    year = fields.Field(column_name="year", attribute="review__year")
    state = fields.Field(column_name="state", attribute="review__state", readonly=True)
    outcome = fields.Field(column_name="outcome", attribute="review__outcome", readonly=True)
    kind = fields.Field(column_name="kind", attribute="kind")
    purpose = fields.Field(column_name="purpose", attribute="purpose")
    requested = fields.Field(
        column_name="requested", attribute="amount_requested", widget=ExactDecimalWidget()
    )
    granted = fields.Field(
        column_name="granted", attribute="amount_granted", widget=ExactDecimalWidget()
    )
    currency = fields.Field(column_name="currency", readonly=True)
    is_example_data = fields.Field(
        column_name="is_example_data", attribute="review__is_example_data", readonly=True
    )

    class Meta:
        model = ReviewLine
        fields = ("id", *COLUMNS)
        export_order = fields
        import_id_fields = ("id",)
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True

    def dehydrate_currency(self, line):
        return CURRENCY

    def get_queryset(self):
        return ReviewLine.objects.select_related("review__legislature")

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # legislature and year locate the review; they are not attributes to write.
        if field.column_name in ("legislature", "year"):
            return
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        review = (
            YearlyReview.objects.select_related("legislature")
            .filter(legislature__name=row.get("legislature"), year=row.get("year"))
            .first()
        )
        if review is None:
            raise ValidationError(
                _("There is no review for %(year)s in legislature %(legislature)s.")
                % {"year": row.get("year"), "legislature": row.get("legislature")}
            )
        if instance.pk and instance.review_id != review.pk:
            raise ValidationError(_("A line cannot move to another review."))
        instance.review = review
        user = kwargs.get("user")
        if user is None or not services.can_change_review(user, review.state):
            raise ValidationError(
                _("Only a Publisher may change a decided review.")
                if review.is_decided
                else _("You may not change yearly reviews.")
            )
        if review.is_decided and not kwargs.get("change_note", "").strip():
            raise ValidationError(
                _("Explain publicly why a decided review changes: fill in the change note.")
            )

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.changed_reviews = {}

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self.changed_reviews[instance.review_id] = instance.review

    def after_import(self, dataset, result, **kwargs):
        """Like ``services.review_save``: move each changed review's version on (so an
        editor's open form reports a conflict) and publish the note on decided ones."""
        super().after_import(dataset, result, **kwargs)
        note = kwargs.get("change_note", "").strip()
        for review in self.changed_reviews.values():
            YearlyReview.objects.filter(pk=review.pk).update(version=F("version") + 1)
            if review.is_decided:
                ReviewChange.objects.create(review=review, changed_by=kwargs.get("user"), note=note)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        super().validate_instance(instance, import_validation_errors, validate_unique)
        # Rows are saved one by one inside the import's transaction, so the stored lines
        # already include the earlier rows of this file: the row that crosses a rule is
        # the one that gets the message.
        review = instance.review
        lines = [line for line in review.lines.all() if line.pk != instance.pk] + [instance]
        errors = services.line_rule_errors(review, lines)
        if errors:
            raise ValidationError(errors)
