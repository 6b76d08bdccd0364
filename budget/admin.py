"""The editors' product: reviews with inline lines and sources, validated like the service.

Saving goes through ``services.review_save`` once the review and its inlines are valid,
so the admin cannot bypass permissions, state rules, conflicts or the ceiling.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from budget import services
from budget.forms import (
    LegislatureForm,
    ReviewLineConfirmImportForm,
    ReviewLineForm,
    ReviewLineFormSet,
    ReviewLineImportForm,
    YearlyReviewForm,
)
from budget.models import (
    ZERO,
    Legislature,
    LineKind,
    ReviewChange,
    ReviewLine,
    ReviewSource,
    YearlyReview,
)
from budget.money import format_money
from budget.resources import ReviewLineResource
from core.admin_changelist import StrictChangeListMixin
from core.services import ServiceError


def _may_change(request, review) -> bool:
    return services.can_change_review(request.user, review.state if review else None)


class ReviewInlineMixin:
    """Lines and sources of a decided review are locked like the review itself."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (
            obj is None or _may_change(request, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or _may_change(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or _may_change(request, obj)
        )


class ReviewLineInline(ReviewInlineMixin, admin.TabularInline):
    model = ReviewLine
    form = ReviewLineForm
    formset = ReviewLineFormSet
    extra = 0
    fields = ("kind", "purpose", "amount_requested", "amount_granted")


class ReviewSourceInline(ReviewInlineMixin, TranslationTabularInline):
    model = ReviewSource
    extra = 0
    fields = ("title", "url")


class ReviewChangeInline(admin.TabularInline):
    """Public notes are written with the change itself (the form's change note)."""

    model = ReviewChange
    extra = 0
    fields = ("changed_at", "changed_by", "note")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _money_total(kind=None, field="lines__amount_granted"):
    condition = Q(lines__kind=kind) if kind else Q()
    return Coalesce(
        Sum(field, filter=condition),
        Value(ZERO),
        output_field=DecimalField(max_digits=17, decimal_places=2),
    )


@admin.register(YearlyReview)
class YearlyReviewAdmin(StrictChangeListMixin, SimpleHistoryAdmin, TranslationAdmin):
    show_full_result_count = False
    form = YearlyReviewForm
    inlines = [ReviewLineInline, ReviewSourceInline, ReviewChangeInline]
    list_display = (
        "year",
        "legislature",
        "state",
        "outcome",
        "requested_column",
        "granted_payment_column",
        "granted_commitment_column",
        "granted_column",
        "is_example_data",
    )
    list_display_links = ("year",)
    list_filter = ("legislature", "year", "state", "outcome", "is_example_data")
    list_select_related = ("legislature",)
    search_fields = ("decision_reference", "justification")
    readonly_fields = ("version",)
    actions = ["start_examination"]
    fieldsets = (
        (None, {"fields": ("legislature", "year", "review_date", "state", "is_example_data")}),
        (
            _("Decision"),
            {"fields": ("outcome", "decision_date", "decision_reference", "justification")},
        ),
        (_("Change"), {"fields": ("change_note", "expected_version", "version")}),
    )

    def get_form(self, request, obj=None, **kwargs):
        # The state field offers the moves this user may make (YearlyReviewForm).
        form = super().get_form(request, obj, **kwargs)

        class ActingUserForm(form):
            acting_user = request.user

        return ActingUserForm

    def get_queryset(self, request):
        # Sums for the list columns; the amounts shown are cross-checked against Python
        # sums in tests (see test_exactness), so SQLite's aggregation cannot drift.
        return (
            super()
            .get_queryset(request)
            .annotate(
                requested_sum=_money_total(field="lines__amount_requested"),
                granted_sum=_money_total(),
                granted_payment_sum=_money_total(LineKind.PAYMENT),
                granted_commitment_sum=_money_total(LineKind.COMMITMENT),
            )
        )

    @admin.display(description=_("requested"), ordering="requested_sum")
    def requested_column(self, review):
        return format_money(review.requested_sum)

    @admin.display(description=_("granted: payment"), ordering="granted_payment_sum")
    def granted_payment_column(self, review):
        return format_money(review.granted_payment_sum)

    @admin.display(description=_("granted: commitment"), ordering="granted_commitment_sum")
    def granted_commitment_column(self, review):
        return format_money(review.granted_commitment_sum)

    @admin.display(description=_("granted"), ordering="granted_sum")
    def granted_column(self, review):
        return format_money(review.granted_sum)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or _may_change(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or _may_change(request, obj)
        )

    def save_model(self, request, obj, form, change):
        """Deferred to ``save_related``: the review and its lines are saved together."""

    def save_related(self, request, form, formsets, change):
        kwargs = {"lines": [], "deleted_lines": [], "sources": [], "deleted_sources": []}
        for formset in formsets:
            # commit=False collects the objects (and the admin's change message) unsaved.
            changed = formset.save(commit=False)
            if formset.model is ReviewLine:
                kwargs["lines"], kwargs["deleted_lines"] = changed, formset.deleted_objects
            elif formset.model is ReviewSource:
                kwargs["sources"], kwargs["deleted_sources"] = changed, formset.deleted_objects
        services.review_save(
            review=form.instance,
            expected_version=form.cleaned_data.get("expected_version"),
            change_note=form.cleaned_data.get("change_note", ""),
            by=request.user,
            **kwargs,
        )

    @admin.action(description=_("Start examining the selected planned reviews"))
    def start_examination(self, request, queryset):
        started = 0
        planned = services.REVIEW_WORKFLOW["start_examination"].sources
        for review in queryset.filter(state__in=planned):
            try:
                services.review_start_examination(
                    review=review, expected_version=review.version, by=request.user
                )
            except (ServiceError, ValidationError) as error:
                self.message_user(request, f"{review}: {error}", messages.ERROR)
            else:
                started += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d review is now under examination.",
                "%(count)d reviews are now under examination.",
                started,
            )
            % {"count": started},
        )


@admin.register(ReviewLine)
class ReviewLineAdmin(StrictChangeListMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    """The lines as one list: where the CSV import and export live."""

    show_full_result_count = False
    resource_classes = [ReviewLineResource]
    import_form_class = ReviewLineImportForm
    confirm_form_class = ReviewLineConfirmImportForm
    list_display = ("review", "kind", "purpose", "amount_requested", "amount_granted")
    list_filter = ("review__legislature", "review__year", "kind", "purpose", "review__state")
    list_select_related = ("review__legislature",)

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["change_note"] = import_form.cleaned_data.get("change_note", "")
        return initial

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["change_note"] = form.cleaned_data.get("change_note", "") if form else ""
        return kwargs

    def has_import_permission(self, request):
        return request.user.has_perm("budget.add_reviewline") and request.user.has_perm(
            "budget.change_reviewline"
        )

    def has_export_permission(self, request):
        return request.user.has_perm("budget.view_reviewline")

    def has_add_permission(self, request):
        # Lines are added with their review, where the rules that span lines are checked.
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Legislature)
class LegislatureAdmin(StrictChangeListMixin, SimpleHistoryAdmin):
    show_full_result_count = False
    form = LegislatureForm
    list_display = ("name", "government", "first_year", "last_year", "annual_ceiling")
    prepopulated_fields = {"slug": ("name",)}

    def save_model(self, request, obj, form, change):
        services.legislature_save(legislature=obj, by=request.user)
