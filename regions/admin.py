"""The editors' product: analyses with their workflow, revisions, compare, revert, share links.

The admin never sets a state itself: every button and bulk action calls a service, which
checks the permission and the state and explains a refusal in a message. Which buttons and
actions are offered is read from the same table the services check
(``services.ANALYSIS_WORKFLOW``), so the two cannot disagree.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core import messages as shared_messages
from core.admin_changelist import StrictChangeListMixin
from core.admin_widgets import SafeAutocompleteAdminMixin
from core.services import ServiceError
from core.translated import SourceColumnErrorsMixin
from regions import parity, services
from regions.diff import compare_revisions
from regions.models import (
    Analysis,
    AnalysisRevision,
    AnalysisSlugRedirect,
    AnalysisState,
    Country,
    KeyFigure,
    Organisation,
    Region,
    ShareLink,
    Source,
    Topic,
)
from regions.selectors import revision_with_content
from regions.sharing import share_url


class TaxonomyAdmin(
    StrictChangeListMixin, SafeAutocompleteAdminMixin, TranslationAdmin, SimpleHistoryAdmin
):
    """Regions, topics, organisations and countries: plain reference data with history."""

    show_full_result_count = False


@admin.register(Region)
class RegionAdmin(TaxonomyAdmin):
    list_display = ["name", "kind", "group", "parent", "order"]
    list_filter = ["kind", "group"]
    search_fields = ["name_nl", "name_en", "slug"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name_nl"]}


@admin.register(Topic)
class TopicAdmin(TaxonomyAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_nl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}


@admin.register(Organisation)
class OrganisationAdmin(TaxonomyAdmin):
    list_display = ["acronym", "name"]
    search_fields = ["acronym", "name_nl", "name_en"]


@admin.register(Country)
class CountryAdmin(TaxonomyAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name_nl", "name_en"]


# --- Analyses -----------------------------------------------------------------------------


class AnalysisCreateForm(forms.ModelForm):
    """Creating an analysis asks for the first draft's essentials; the rest comes later."""

    title = forms.CharField(label=_("Title (Dutch)"), max_length=200)
    summary = forms.CharField(label=_("Summary (Dutch)"), widget=forms.Textarea)
    body = forms.CharField(label=_("Body (Dutch, Markdown)"), widget=forms.Textarea)
    trend = forms.ChoiceField(
        label=_("Assessed trend"), choices=AnalysisRevision._meta.get_field("trend").choices
    )

    class Meta:
        model = Analysis
        fields = ["region", "slug"]


class AnalysisChangeForm(forms.ModelForm):
    """Only the address is edited here; content is edited as a new revision."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Analysis
        fields = ["slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_version"].initial = self.instance.version

    def clean_expected_version(self):
        started_from = self.cleaned_data["expected_version"]
        current = Analysis.objects.filter(pk=self.instance.pk).values_list("version", flat=True)
        if current and current[0] != started_from:
            raise ValidationError(
                shared_messages.conflict(
                    item=self.instance, yours=started_from, current=current[0]
                ),
                code="conflict",
            )
        return started_from


WORKFLOW = services.ANALYSIS_WORKFLOW

# The service behind each workflow button; withdrawing asks for a reason on its own page.
BUTTONS = {
    "submit": lambda a, u: services.analysis_submit(analysis=a, by=u),
    "publish": lambda a, u: services.analysis_publish(analysis=a, by=u),
    "force_publish": lambda a, u: services.analysis_publish(analysis=a, by=u, force=True),
    "reject": lambda a, u: services.analysis_reject(analysis=a, by=u),
    "unpublish": lambda a, u: services.analysis_unpublish(analysis=a, by=u),
    "confirm_review": lambda a, u: services.analysis_confirm_review(analysis=a, by=u),
}


def _run_transition(modeladmin, request, analyses, name) -> None:
    service, label = BUTTONS[name], WORKFLOW[name].label
    done = 0
    for analysis in analyses:
        try:
            with transaction.atomic():
                service(analysis, request.user)
            done += 1
        except (ServiceError, ValidationError) as error:
            message = getattr(error, "message", None) or "; ".join(error.messages)
            modeladmin.message_user(request, f"{analysis}: {message}", messages.ERROR)
    if done:
        modeladmin.message_user(
            request,
            ngettext(
                "%(action)s: done for %(count)d analysis.",
                "%(action)s: done for %(count)d analyses.",
                done,
            )
            % {"action": label, "count": done},
            messages.SUCCESS,
        )


def _bulk(name):
    # Offered only to users with the transition's permission: see AnalysisAdmin.get_actions.
    @admin.action(description=WORKFLOW[name].label)
    def action(modeladmin, request, queryset):
        _run_transition(modeladmin, request, queryset, name)

    action.__name__ = f"{name}_selected"
    return action


class StateFilter(admin.SimpleListFilter):
    title = _("needs attention")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [
            ("review", _("In review")),
            ("retrospective", _("Force-published, awaiting retrospective review")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.filter(state=AnalysisState.IN_REVIEW)
        if self.value() == "retrospective":
            return queryset.filter(awaiting_retrospective_review=True)
        return queryset


@admin.register(Analysis)
class AnalysisAdmin(StrictChangeListMixin, SimpleHistoryAdmin):
    show_full_result_count = False
    list_display = [
        "region",
        "state",
        "is_live",
        "live_trend",
        "last_published_at",
        "retrospective_review",
        "translations",
        "preview_link",
    ]
    list_filter = [
        StateFilter,
        "state",
        "region__group",
        "region",
        "live_revision__topics",
        "live_revision__trend",
    ]
    search_fields = [
        "slug",
        "region__name_nl",
        "region__name_en",
        "live_revision__title_nl",
        "draft_revision__title_nl",
    ]
    list_select_related = ["region", "live_revision", "draft_revision"]
    actions = [_bulk(name) for name in BUTTONS]
    change_form_template = "admin/regions/analysis/change_form.html"
    readonly_fields = [
        "region",
        "state",
        "live_revision",
        "draft_revision",
        "publish_at",
        "first_published_at",
        "last_published_at",
        "submitted_by",
        "submitted_at",
        "force_published_by",
        "awaiting_retrospective_review",
        "withdrawn_at",
        "withdrawal_reason",
        "version",
        "translations",
    ]
    fieldsets = [
        (None, {"fields": ["region", "slug", "expected_version", "state", "version"]}),
        (_("Translations"), {"fields": ["translations"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "live_revision",
                    "draft_revision",
                    "publish_at",
                    "first_published_at",
                    "last_published_at",
                    "submitted_by",
                    "submitted_at",
                ]
            },
        ),
        (
            _("Emergency and withdrawal"),
            {
                "classes": ["collapse"],
                "fields": [
                    "force_published_by",
                    "awaiting_retrospective_review",
                    "withdrawn_at",
                    "withdrawal_reason",
                ],
            },
        ),
    ]

    # --- permissions: the workflow's, read from its table ---
    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        for name in BUTTONS:
            if not WORKFLOW.permitted(name, request.user):
                actions.pop(f"{name}_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        # Analyses are withdrawn or unpublished, never deleted: their history must remain.
        return False

    def revert_disabled(self, request, obj=None):
        # simple-history's revert would bypass the workflow; reverts make a new revision.
        return True

    # --- list columns ---
    @admin.display(boolean=True, description=_("live"))
    def is_live(self, obj):
        return obj.live_revision_id is not None and obj.publish_at <= timezone.now()

    @admin.display(description=_("trend"), ordering="live_revision__trend")
    def live_trend(self, obj):
        return obj.live_revision.get_trend_display() if obj.live_revision else "—"

    @admin.display(description=_("retrospective review"), ordering="awaiting_retrospective_review")
    def retrospective_review(self, obj):
        if obj.awaiting_retrospective_review:
            return format_html(
                "<strong>⚠ {}</strong>", _("Force-published, awaiting retrospective review")
            )
        return "—"

    @admin.display(description=_("translations of the working copy"))
    def translations(self, obj):
        """Each language's state against the Dutch source, in words (not colour alone)."""
        revision = obj.working_revision
        if revision is None:
            return "—"
        return format_html_join(
            mark_safe("<br>"),
            '<span class="parity-{}">{}: {}</span>',
            (
                (status, code.upper(), parity.STATUS_LABELS[status])
                for code, status in revision.translation_status().items()
            ),
        )

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if obj.working_revision is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("regions:preview", args=[obj.pk]), _("Preview")
        )

    # --- forms ---
    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = AnalysisChangeForm if obj else AnalysisCreateForm
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["region", "slug", "title", "summary", "body", "trend"]})]
        return self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def save_model(self, request, obj, form, change):
        if not change:
            created = services.analysis_create(
                region=form.cleaned_data["region"],
                slug=form.cleaned_data["slug"],
                content={
                    "title_nl": form.cleaned_data["title"],
                    "summary_nl": form.cleaned_data["summary"],
                    "body_nl": form.cleaned_data["body"],
                    "trend": form.cleaned_data["trend"],
                },
                by=request.user,
            )
            obj.pk = created.pk
            return
        if "slug" in form.changed_data:
            new_slug = obj.slug
            obj.slug = form.initial["slug"]
            services.analysis_change_slug(
                analysis=obj,
                slug=new_slug,
                expected_version=form.cleaned_data["expected_version"],
                by=request.user,
            )

    def save_related(self, request, form, formsets, change):
        # Relations belong to revisions, which the services write.
        return None

    # --- workflow views ---
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/transition/<str:name>/",
                wrap(self.transition_view),
                name="regions_analysis_transition",
            ),
            path("<int:pk>/withdraw/", wrap(self.withdraw_view), name="regions_analysis_withdraw"),
            path("<int:pk>/compare/", wrap(self.compare_view), name="regions_analysis_compare"),
            path(
                "<int:pk>/revert/<int:revision_pk>/",
                wrap(self.revert_view),
                name="regions_analysis_revert",
            ),
            path("<int:pk>/share/", wrap(self.share_view), name="regions_analysis_share"),
            *super().get_urls(),
        ]

    def _analysis_or_403(self, request, pk):
        analysis = get_object_or_404(Analysis, pk=pk)
        if not self.has_view_permission(request, analysis):
            raise PermissionDenied
        return analysis

    def _back(self, analysis):
        return HttpResponseRedirect(reverse("admin:regions_analysis_change", args=[analysis.pk]))

    def _report(self, request, action):
        try:
            with transaction.atomic():
                result = action()
        except (ServiceError, ValidationError) as error:
            message = getattr(error, "message", None) or "; ".join(error.messages)
            self.message_user(request, message, messages.ERROR)
            return None
        return result

    def transition_view(self, request, pk, name):
        analysis = self._analysis_or_403(request, pk)
        if request.method != "POST" or name not in BUTTONS:
            return self._back(analysis)
        _run_transition(self, request, [analysis], name)
        return self._back(analysis)

    def withdraw_view(self, request, pk):
        analysis = self._analysis_or_403(request, pk)
        if not WORKFLOW.permitted("archive", request.user):
            raise PermissionDenied
        form = WithdrawForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            done = self._report(
                request,
                lambda: services.analysis_archive(
                    analysis=analysis, reason=form.cleaned_data["reason"], by=request.user
                ),
            )
            if done is not None:
                self.message_user(request, _("The analysis was withdrawn."), messages.SUCCESS)
            return self._back(analysis)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "analysis": analysis,
            "form": form,
            "title": _("Withdraw %(analysis)s") % {"analysis": analysis},
        }
        return TemplateResponse(request, "admin/regions/analysis/withdraw.html", context)

    def compare_view(self, request, pk):
        analysis = self._analysis_or_403(request, pk)
        revisions = list(analysis.revisions.select_related("author").order_by("-number"))
        by_pk = {str(r.pk): r for r in revisions}
        new = by_pk.get(request.GET.get("new")) or (revisions[0] if revisions else None)
        old = by_pk.get(request.GET.get("old")) or analysis.live_revision
        changes = compare_revisions(
            old and revision_with_content(old.pk), new and revision_with_content(new.pk)
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "analysis": analysis,
            "revisions": revisions,
            "old": old,
            "new": new,
            "changes": changes,
            "title": _("Compare revisions of %(analysis)s") % {"analysis": analysis},
        }
        return TemplateResponse(request, "admin/regions/analysis/compare.html", context)

    def revert_view(self, request, pk, revision_pk):
        analysis = self._analysis_or_403(request, pk)
        if request.method == "POST":
            revision = get_object_or_404(AnalysisRevision, pk=revision_pk, analysis=analysis)
            try:
                started_from = int(request.POST.get("expected_version", ""))
            except ValueError:
                started_from = -1  # reported as a conflict: the page was not the current one
            created = self._report(
                request,
                lambda: services.analysis_revert(
                    analysis=analysis,
                    revision=revision,
                    expected_version=started_from,
                    by=request.user,
                ),
            )
            if created is not None:
                self.message_user(
                    request,
                    _("Revision %(number)s is now the working draft, copied from %(old)s.")
                    % {"number": created.number, "old": revision.number},
                    messages.SUCCESS,
                )
        return self._back(analysis)

    def share_view(self, request, pk):
        analysis = self._analysis_or_403(request, pk)
        if request.method == "POST":
            link = self._report(
                request, lambda: services.share_link_create(analysis=analysis, by=request.user)
            )
            if link is not None:
                self.message_user(
                    request,
                    format_html(
                        "{} <a href='{}'>{}</a>",
                        _("Share link created, valid until %(until)s:")
                        % {"until": timezone.localtime(link.expires_at).strftime("%Y-%m-%d %H:%M")},
                        request.build_absolute_uri(share_url(link)),
                        request.build_absolute_uri(share_url(link)),
                    ),
                    messages.SUCCESS,
                )
        return self._back(analysis)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        analysis = self.get_object(request, object_id)
        if analysis is None:
            return super().change_view(request, object_id, form_url, extra_context)
        user = request.user
        offered = WORKFLOW.offered(analysis, user)
        extra_context = {
            **(extra_context or {}),
            "revisions": analysis.revisions.select_related("author").order_by("-number")[:50],
            "transitions": [(t.name, t.label) for t in offered if t.name in BUTTONS],
            "can_withdraw": any(t.name == "archive" for t in offered),
            "can_edit": user.has_perm("regions.add_analysisrevision")
            and analysis.state != AnalysisState.ARCHIVED,
            "can_share": user.has_perm("regions.add_sharelink")
            and analysis.draft_revision_id is not None,
            "share_links": analysis.share_links.filter(revoked_at__isnull=True),
        }
        return super().change_view(request, object_id, form_url, extra_context)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Public reason for the withdrawal"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown above the analysis, which stays readable at its address."),
    )


# --- Revisions: written once, by the services ---------------------------------------------


class KeyFigureInline(TranslationTabularInline):
    model = KeyFigure
    fields = ["label", "value", "unit", "source", "order"]
    extra = 1


class SourceInline(admin.TabularInline):
    model = Source
    fields = ["title", "url", "date", "order"]
    extra = 1


class RevisionForm(SourceColumnErrorsMixin, forms.ModelForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = AnalysisRevision
        fields = [
            "analysis",
            "title",
            "summary",
            "body",
            "horizon_year",
            "trend",
            "topics",
            "organisations",
            "countries",
            "is_major",
            "change_note",
        ]

    def clean(self):
        cleaned = super().clean()
        analysis = cleaned.get("analysis")
        if analysis is None:
            return cleaned
        started_from = cleaned.get("expected_version")
        if analysis.version != started_from:
            raise ValidationError(
                shared_messages.conflict(
                    item=analysis, yours=started_from, current=analysis.version
                ),
                code="conflict",
            )
        if analysis.state == AnalysisState.ARCHIVED:
            raise ValidationError(_("A withdrawn analysis cannot be edited."))
        return cleaned


@admin.register(AnalysisRevision)
class AnalysisRevisionAdmin(StrictChangeListMixin, SafeAutocompleteAdminMixin, TranslationAdmin):
    """Adding a revision saves a new working draft; existing revisions are read-only."""

    show_full_result_count = False
    form = RevisionForm
    inlines = [KeyFigureInline, SourceInline]
    list_display = ["__str__", "author", "created_at", "published_at", "is_major"]
    list_filter = ["analysis__region__group", "is_major", "trend"]
    list_select_related = ["analysis__region", "author"]
    search_fields = ["title_nl", "title_en", "analysis__slug"]
    autocomplete_fields = ["topics", "organisations", "countries"]
    fields = [
        "analysis",
        "expected_version",
        "title",
        "summary",
        "body",
        "horizon_year",
        "trend",
        "topics",
        "organisations",
        "countries",
        "is_major",
        "change_note",
    ]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return request.user.has_perm("regions.add_analysisrevision") and request.user.has_perm(
            "regions.change_analysis"
        )

    def _base(self, request):
        # A hand-edited ``?analysis=`` that is no id means no analysis, not an error page.
        pk = request.GET.get("analysis", "")
        analysis = Analysis.objects.filter(pk=pk).first() if pk.isdigit() else None
        return analysis, analysis.working_revision if analysis else None

    def get_changeform_initial_data(self, request):
        """Start from the working copy so an edit changes only what the editor changes."""
        initial = super().get_changeform_initial_data(request)
        analysis, base = self._base(request)
        if analysis is None:
            return initial
        initial["expected_version"] = analysis.version
        if base is not None:
            for field in AnalysisRevision._meta.get_fields():
                name = field.name
                if name.startswith(("title", "summary", "body")) or name in (
                    "horizon_year",
                    "trend",
                ):
                    initial[name] = getattr(base, name)
            initial["topics"] = list(base.topics.values_list("pk", flat=True))
            initial["organisations"] = list(base.organisations.values_list("pk", flat=True))
            initial["countries"] = list(base.countries.values_list("pk", flat=True))
        return initial

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if request.method == "GET":
            _analysis, base = self._base(request)
            if base is not None:
                kwargs["initial"] = _inline_initial(base, inline.model)
        return kwargs

    def get_inline_instances(self, request, obj=None):
        instances = super().get_inline_instances(request, obj)
        _analysis, base = self._base(request)
        for inline in instances:
            if base is not None and request.method == "GET":
                inline.extra = len(_inline_initial(base, inline.model)) + 1
        return instances

    def save_model(self, request, obj, form, change):
        services.analysis_store_draft_revision(
            revision=obj, expected_version=form.cleaned_data["expected_version"], by=request.user
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Key-figure labels are part of what translators translate, so track after inlines.
        services.revision_track_translations(revision=form.instance)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(request, _("The working draft was saved."), messages.SUCCESS)
        return HttpResponseRedirect(
            reverse("admin:regions_analysis_change", args=[obj.analysis_id])
        )


def _inline_initial(base, model) -> list[dict]:
    if model is KeyFigure:
        return [
            {
                **{
                    f.name: getattr(figure, f.name)
                    for f in KeyFigure._meta.fields
                    if f.name.startswith(("label", "unit"))
                },
                "value": figure.value,
                "source": figure.source,
                "order": figure.order,
            }
            for figure in base.key_figures.all()
        ]
    return [
        {"title": s.title, "url": s.url, "date": s.date, "order": s.order}
        for s in base.sources.all()
    ]


@admin.register(ShareLink)
class ShareLinkAdmin(StrictChangeListMixin, SimpleHistoryAdmin):
    show_full_result_count = False
    list_display = ["revision", "created_by", "created_at", "expires_at", "revoked_at"]
    list_filter = ["revoked_at"]
    list_select_related = ["revision__analysis__region", "created_by"]
    readonly_fields = [
        "analysis",
        "revision",
        "created_by",
        "created_at",
        "expires_at",
        "revoked_at",
    ]
    actions = ["revoke_selected"]

    def has_add_permission(self, request):
        return False  # created from the analysis page, for its current draft

    def has_delete_permission(self, request, obj=None):
        return False

    def has_revoke_permission(self, request):
        return request.user.has_perm("regions.change_sharelink")

    @admin.action(description=_("Revoke selected share links"), permissions=["revoke"])
    def revoke_selected(self, request, queryset):
        for link in queryset.filter(revoked_at__isnull=True):
            services.share_link_revoke(link=link, by=request.user)
        self.message_user(request, _("The selected share links were revoked."), messages.SUCCESS)


@admin.register(AnalysisSlugRedirect)
class AnalysisSlugRedirectAdmin(StrictChangeListMixin, admin.ModelAdmin):
    show_full_result_count = False
    list_display = ["old_slug", "analysis", "created_at"]
    search_fields = ["old_slug", "analysis__slug"]
    list_select_related = ["analysis__region"]

    def has_add_permission(self, request):
        return False  # made by the slug change service

    def has_change_permission(self, request, obj=None):
        return False
