"""Admin for the group's secretariat (superusers and staff with the model permissions).

Tasks and comments are read-only here: their rules (membership, reassignment, dependencies,
conflicts) live in the members' area, which goes through ``services.py``. The admin still
shows each task's full history.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_changelist import StrictChangeListMixin
from core.admin_widgets import SafeAutocompleteAdminMixin
from working_group.models import (
    Comment,
    Decision,
    Meeting,
    Member,
    Milestone,
    ReminderLog,
    Task,
    Track,
    WorkingGroup,
)


class HistoryTranslationAdmin(StrictChangeListMixin, SimpleHistoryAdmin, TranslationAdmin):
    show_full_result_count = False


@admin.register(WorkingGroup)
class WorkingGroupAdmin(SafeAutocompleteAdminMixin, HistoryTranslationAdmin):
    list_display = ("name", "start_date", "is_example_data")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Member)
class MemberAdmin(StrictChangeListMixin, SafeAutocompleteAdminMixin, SimpleHistoryAdmin):
    show_full_result_count = False
    list_display = ("name", "role", "party_or_organisation", "user", "active", "is_example_data")
    list_filter = ("role", "active", "group")
    list_select_related = ("user",)
    search_fields = ("name", "party_or_organisation", "user__username")
    autocomplete_fields = ("user",)


@admin.register(Track)
class TrackAdmin(HistoryTranslationAdmin):
    list_display = ("name", "slug", "order", "group")
    list_select_related = ("group",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class ReadOnlyAdmin(StrictChangeListMixin, admin.ModelAdmin):
    show_full_result_count = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CommentInline(admin.TabularInline):
    model = Comment
    fields = ("created_at", "author", "text")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ("reference_display", "title", "track", "owner", "state", "priority",
                    "progress", "due_date", "visibility", "is_example_data")  # fmt: skip
    list_filter = ("state", "track", "visibility", "priority", "milestone", "is_example_data")
    list_select_related = ("track", "owner")
    search_fields = ("title", "description")
    date_hierarchy = "due_date"
    inlines = [CommentInline]

    def get_search_results(self, request, queryset, search_term):
        # Members quote tasks as "WG-42": find them by that reference too.
        reference = search_term.strip().upper().removeprefix("WG-")
        if reference.isdigit():
            return queryset.filter(number=int(reference)), False
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description=_("reference"), ordering="number")
    def reference_display(self, task):
        return task.reference


@admin.register(Milestone)
class MilestoneAdmin(SafeAutocompleteAdminMixin, HistoryTranslationAdmin):
    list_display = ("title", "date", "track", "visibility", "is_example_data")
    list_filter = ("visibility", "track", "is_example_data")
    list_select_related = ("track",)
    search_fields = ("title",)
    date_hierarchy = "date"


class DecisionInline(SafeAutocompleteAdminMixin, admin.StackedInline):
    model = Decision
    extra = 0
    fields = ("text_nl", "text_fr", "text_de", "text_en", "tasks", "visibility", "is_example_data")
    autocomplete_fields = ("tasks",)


@admin.register(Meeting)
class MeetingAdmin(HistoryTranslationAdmin):
    list_display = ("title", "date", "visibility", "is_example_data")
    list_filter = ("visibility", "is_example_data")
    search_fields = ("title", "agenda", "minutes")
    date_hierarchy = "date"
    filter_horizontal = ("attendees",)
    inlines = [DecisionInline]
    fieldsets = (
        (None, {"fields": ("group", "title", "date", "visibility", "attendees")}),
        (_("Agenda and minutes"), {"fields": ("agenda", "minutes")}),
        (_("Advanced"), {"classes": ("collapse",), "fields": ("is_example_data",)}),
    )


@admin.register(Decision)
class DecisionAdmin(SafeAutocompleteAdminMixin, HistoryTranslationAdmin):
    list_display = ("__str__", "meeting", "visibility", "is_example_data")
    list_filter = ("visibility", "is_example_data")
    list_select_related = ("meeting",)
    search_fields = ("text",)
    autocomplete_fields = ("tasks",)


@admin.register(ReminderLog)
class ReminderLogAdmin(ReadOnlyAdmin):
    list_display = ("member", "date", "task_count", "sent_at")
    list_filter = ("date",)
    list_select_related = ("member",)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser
