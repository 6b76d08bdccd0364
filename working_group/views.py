"""Public page, public export and the members' area.

The members' area needs a signed-in user linked to an *active* ``Member`` (ADR 0004);
anyone else gets a sign-in redirect (anonymous) or 403 (signed in, not a member).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from core.exports import csv_response
from core.markdown import render_markdown
from core.services import Conflict, NotPermitted
from core.translated import current_language
from working_group import selectors, services
from working_group.board import board_columns
from working_group.forms import (
    CommentForm,
    OwnerForm,
    ProgressForm,
    StateForm,
    TaskEditForm,
    TaskFilter,
    TaskForm,
)
from working_group.models import Meeting, Milestone, Task, Track, progress_of

PAGE_SIZE = 25
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# Rows fetched per database round trip while an export streams.
EXPORT_CHUNK_SIZE = 2000


class IndexView(TemplateView):
    """The public page: mandate, tracks, milestones and decisions, public items only."""

    template_name = "working_group/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = selectors.public_overview()
        if overview["group"] is not None:
            # Two lists grow with the group's life: each is paged, each keeps the other's page.
            decisions_page = self.request.GET.get("page")
            milestones_page = self.request.GET.get("milestones")
            overview["decisions"] = Paginator(overview["decisions"], PAGE_SIZE).get_page(
                decisions_page
            )
            milestones = Paginator(overview["milestones"], PAGE_SIZE).get_page(milestones_page)
            overview["milestones"] = milestones
            overview["milestone_progress"] = [
                (milestone, progress_of(milestone)) for milestone in milestones
            ]
            overview["decisions_query"] = urlencode({"milestones": milestones.number})
            overview["milestones_query"] = urlencode({"page": overview["decisions"].number})
        context.update(overview)
        return context


def public_tasks_csv(request):
    """Public tasks as CSV; the only export anonymous visitors can reach."""

    def rows():
        # Names and labels are looked up once, not per row: tracks and state labels are
        # few, and a public task may sit under an internal milestone, whose title must
        # not leak, so only public milestones' titles are known here.
        tracks = {track.pk: track.name for track in Track.objects.all()}
        states = {value: str(label) for value, label in Task.State.choices}
        milestones = {m.pk: m.title for m in Milestone.objects.public().only("pk", "title")}
        # The title's columns in fallback order, read as plain values (modeltranslation's
        # per-row fallback was half the cost of a large export): the first one filled wins.
        languages = dict.fromkeys(
            (current_language(), *settings.MODELTRANSLATION_FALLBACK_LANGUAGES)
        )
        titles = [f"title_{code}" for code in languages if code in LANGUAGE_CODES]
        tasks = (
            Task.objects.public()
            .rewrite(False)
            .order_by("track__order", "due_date", "pk")
            .values_list("track_id", "state", "progress", "due_date", "milestone_id", *titles)
        )
        for track_id, state, progress, due_date, milestone_id, *title in tasks.iterator(
            chunk_size=EXPORT_CHUNK_SIZE
        ):
            yield (
                next(filter(None, title), ""),
                tracks[track_id],
                states[state],
                progress,
                due_date.isoformat() if due_date else "",
                milestones.get(milestone_id, ""),
            )

    # No WG- reference: its gaps and its highest value would reveal how many internal tasks exist.
    # Built whole, not streamed: the same for every visitor, so the page cache keeps it.
    return csv_response(
        "working-group-public-tasks.csv",
        [_("Title"), _("Track"), _("State"), _("Progress (%)"), _("Due date"), _("Milestone")],
        rows(),
        streaming=False,
    )


class LoginView(auth_views.LoginView):
    """Members are not staff, so they sign in here rather than on the admin's page."""

    template_name = "working_group/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("working_group:board")


class MemberRequiredMixin(AccessMixin):
    """Anonymous visitors are sent to sign in; signed-in non-members get 403."""

    login_url = reverse_lazy("working_group:login")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.member = services.member_for(request.user)
        if self.member is None:
            raise PermissionDenied(
                gettext_lazy("The members' area is for active members of the working group.")
            )
        return super().dispatch(request, *args, **kwargs)


class MembersPage(MemberRequiredMixin, TemplateView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["member"] = self.member
        context["today"] = timezone.localdate()
        return context


class BoardView(MembersPage):
    template_name = "working_group/members/board.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tracks = list(Track.objects.all())
        track = next((t for t in tracks if t.slug == self.request.GET.get("track")), None)
        context.update(
            tracks=tracks,
            current_track=track,
            columns=board_columns(
                selectors.board_tasks(track=track), tracks=tracks, today=context["today"]
            ),
        )
        return context


class TaskListView(MembersPage):
    template_name = "working_group/members/task_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        task_filter = TaskFilter(self.request.GET or None, queryset=selectors.task_list())
        page = Paginator(task_filter.qs, PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter=task_filter, page_obj=page, query=query.urlencode(), my_id=self.member.pk
        )
        return context


class TaskExportView(MemberRequiredMixin, View):
    """Every task as CSV, for members only (anonymous and non-members never get it)."""

    def get(self, request):
        return csv_response(
            "working-group-tasks.csv",
            [_("Reference"), _("Title"), _("Track"), _("Owner"), _("State"), _("Priority"),
             _("Progress (%)"), _("Due date"), _("Visibility")],
            ([task.reference, task.title, task.track.name, task.owner.name,
              task.get_state_display(), task.get_priority_display(), task.progress,
              task.due_date.isoformat() if task.due_date else "", task.get_visibility_display()]
             for task in selectors.task_list().order_by("number").iterator(
                 chunk_size=EXPORT_CHUNK_SIZE)),
            streaming=True,
        )  # fmt: skip


class TaskCreateView(MembersPage):
    template_name = "working_group/members/task_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", TaskForm(initial={"owner": self.member}))
        return context

    def post(self, request, *args, **kwargs):
        form = TaskForm(request.POST)
        if form.is_valid():
            try:
                task = services.task_create(by=request.user, **form.create_arguments())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("%(reference)s created.") % {"reference": task.reference}
                )
                return redirect(task)
        return self.render_to_response(self.get_context_data(form=form), status=400)


def _task_or_404(number: int) -> Task:
    try:
        return selectors.task_detail(number)
    except Task.DoesNotExist as missing:
        raise Http404(_("No such task.")) from missing


class TaskDetailView(MembersPage):
    """The task page; the action views below re-render it with their bound form on error."""

    template_name = "working_group/members/task_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        task = kwargs.get("task") or _task_or_404(self.kwargs["number"])
        version = {"version": task.version}
        context.update(
            task=task,
            history=selectors.task_history(task),
            may_reassign=self.member.pk == task.owner_id or self.member.may_reassign_any_task,
            state_form=kwargs.get("state_form")
            or StateForm(
                initial={**version, "state": task.state}, task=task, user=self.request.user
            ),
            progress_form=kwargs.get("progress_form")
            or ProgressForm(initial={**version, "progress": task.progress}),
            owner_form=kwargs.get("owner_form")
            or OwnerForm(initial={**version, "owner": task.owner_id}),
            comment_form=kwargs.get("comment_form") or CommentForm(),
        )
        return context


class TaskActionView(MemberRequiredMixin, View):
    """POST-only: validate one form, call one service, redirect or show the error."""

    form_class = None
    form_name = ""
    success_message = ""

    def call_service(self, task, data):
        raise NotImplementedError

    def get_form_kwargs(self, task) -> dict:
        return {}

    def post(self, request, number):
        task = _task_or_404(number)
        form = self.form_class(request.POST, **self.get_form_kwargs(task))
        if form.is_valid():
            try:
                self.call_service(task, form.cleaned_data)
            except Conflict as conflict:
                # Show the stored task with fresh forms (new version) and say what happened.
                return self.render_page(
                    task=_task_or_404(number), error=conflict.message, status=409
                )
            except NotPermitted as refused:
                return self.render_page(task=task, error=refused.message, status=403)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, self.success_message)
                return redirect("working_group:task_detail", number=number)
        return self.render_page(task=task, form=form, status=400)

    def render_page(self, *, task, status, form=None, error=None):
        page = TaskDetailView()
        page.setup(self.request, number=task.number)
        page.member = self.member
        context = page.get_context_data(task=task, **({self.form_name: form} if form else {}))
        context["alert"] = error
        return render(self.request, page.template_name, context, status=status)


class TaskStateView(TaskActionView):
    form_class, form_name = StateForm, "state_form"
    success_message = gettext_lazy("State changed.")

    def get_form_kwargs(self, task) -> dict:
        return {"task": task, "user": self.request.user}

    def call_service(self, task, data):
        services.task_change_state(
            task=task,
            expected_version=data["version"],
            by=self.request.user,
            state=data["state"],
            blocked_reason=data["blocked_reason"],
        )


class TaskProgressView(TaskActionView):
    form_class, form_name = ProgressForm, "progress_form"
    success_message = gettext_lazy("Progress saved.")

    def call_service(self, task, data):
        services.task_set_progress(
            task=task,
            expected_version=data["version"],
            by=self.request.user,
            progress=data["progress"],
        )


class TaskOwnerView(TaskActionView):
    form_class, form_name = OwnerForm, "owner_form"
    success_message = gettext_lazy("Owner changed.")

    def call_service(self, task, data):
        services.task_reassign(
            task=task, expected_version=data["version"], by=self.request.user, owner=data["owner"]
        )


class TaskCommentView(TaskActionView):
    form_class, form_name = CommentForm, "comment_form"
    success_message = gettext_lazy("Comment added.")

    def call_service(self, task, data):
        services.task_comment(task=task, by=self.request.user, text=data["text"])


class TaskEditView(MembersPage):
    template_name = "working_group/members/task_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        task = kwargs.get("task") or _task_or_404(self.kwargs["number"])
        context["task"] = task
        context.setdefault("form", TaskEditForm(instance=task))
        return context

    def post(self, request, number):
        task = _task_or_404(number)
        form = TaskEditForm(request.POST, instance=task)
        status = 400
        if form.is_valid():
            try:
                services.task_update(
                    task=task,
                    expected_version=form.cleaned_data["version"],
                    by=request.user,
                    **form.update_arguments(),
                )
            except Conflict as conflict:
                task = _task_or_404(number)
                form = TaskEditForm(instance=task)
                return self.render_to_response(
                    self.get_context_data(task=task, form=form, alert=conflict.message),
                    status=409,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Task saved."))
                return redirect(task)
        return self.render_to_response(self.get_context_data(task=task, form=form), status=status)


class MeetingListView(MembersPage):
    template_name = "working_group/members/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_obj"] = Paginator(selectors.meetings(), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return context


class MeetingDetailView(MembersPage):
    template_name = "working_group/members/meeting_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            meeting = selectors.meeting_detail(self.kwargs["pk"])
        except Meeting.DoesNotExist as missing:
            raise Http404(_("No such meeting.")) from missing
        context.update(
            meeting=meeting,
            agenda_html=render_markdown(meeting.agenda),
            minutes_html=render_markdown(meeting.minutes),
        )
        return context


class MilestoneTimelineView(MembersPage):
    template_name = "working_group/members/milestones.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["milestones"] = selectors.milestone_timeline()
        return context
