"""URL arguments for every named URL, taken from a built World."""

import re

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType

from budget.models import YearlyReview
from working_group.models import Decision, Milestone, Task

STANDARD_ADMIN = re.compile(
    r"^admin:(?P<app>[a-z_]+?)_(?P<model>[a-z]+)_"
    r"(?P<view>changelist|add|history|delete|change|simple_history|password_change)$"
)


def admin_model(app_label, model_name):
    for model in admin.site._registry:
        if model._meta.app_label == app_label and model._meta.model_name == model_name:
            return model
    return None


def example_object(model, world):
    """A real row of ``model``: the world's own objects first, else any row."""
    preferred = {
        "regions.analysis": world.objects["draft"],
        "working_group.task": world.objects["task"],
        "working_group.comment": world.objects["comment"],
        "working_group.member": world.objects["member"],
    }
    instance = preferred.get(model._meta.label_lower)
    return instance or model._default_manager.order_by("pk").first()


def url_kwargs(name, world):
    """Arguments for ``reverse(name, ...)``: (args, kwargs), or None when there is no object."""
    objects = world.objects
    match = STANDARD_ADMIN.match(name)
    if match:
        if match["view"] in ("changelist", "add"):
            return (), {}
        model = admin_model(match["app"], match["model"])
        instance = example_object(model, world) if model else None
        if instance is None:
            return None
        if match["view"] == "simple_history":
            return (instance.pk, instance.history.order_by("history_id").first().pk), {}
        return (instance.pk,), {}
    fixed = {
        "admin:app_list": ((), {"app_label": "regions"}),
        "admin:view_on_site": (
            (ContentType.objects.get_for_model(objects["published"]).pk, objects["published"].pk),
            {},
        ),
        "admin:regions_analysis_transition": ((objects["draft"].pk, "submit"), {}),
        "admin:regions_analysis_withdraw": ((objects["published"].pk,), {}),
        "admin:regions_analysis_compare": ((objects["published"].pk,), {}),
        "admin:regions_analysis_revert": (
            (objects["published"].pk, objects["published"].live_revision_id),
            {},
        ),
        "admin:regions_analysis_share": ((objects["draft"].pk,), {}),
        "audit-entry": (
            (),
            {"model_label": "working_group.task", "history_id": _history_id(objects["task"])},
        ),
        "audit-revert": (
            (),
            {"model_label": "working_group.task", "history_id": _history_id(objects["task"])},
        ),
        "django.contrib.sitemaps.views.sitemap": ((), {"section": "regions"}),
        "regions:topic": ((), {"slug": objects["published"].live_revision.topics.first().slug}),
        "regions:region": ((), {"slug": objects["published"].region.slug}),
        "regions:preview": ((), {"pk": objects["draft"].pk}),
        "regions:share": ((), {"token": objects["share_token"]}),
        "regions:analysis": ((), {"slug": objects["published"].slug}),
        "budget:year": ((), {"legislature": "2014-2019", "year": 2015}),
        "working_group:task_detail": ((), {"number": objects["task"].number}),
        "working_group:task_edit": ((), {"number": objects["task"].number}),
        "working_group:task_state": ((), {"number": objects["task"].number}),
        "working_group:task_progress": ((), {"number": objects["task"].number}),
        "working_group:task_owner": ((), {"number": objects["task"].number}),
        "working_group:task_comment": ((), {"number": objects["task"].number}),
        "working_group:meeting_detail": ((), {"pk": objects["meeting"].pk}),
        "v1:api-root": ((), {}),
        "v1:budget-legislature-detail": ((), {"slug": "2014-2019"}),
        "v1:regions-region-detail": ((), {"slug": objects["published"].region.slug}),
        "v1:regions-topic-detail": (
            (),
            {"slug": objects["published"].live_revision.topics.first().slug},
        ),
        "v1:regions-organisation-detail": ((), {"acronym": "NATO"}),
        "v1:regions-country-detail": ((), {"code": "BE"}),
        "v1:regions-analysis-detail": ((), {"slug": objects["published"].slug}),
        "v1:wg-track-detail": ((), {"slug": objects["group"].tracks.first().slug}),
        "v1:wg-milestone-detail": ((), {"pk": Milestone.objects.public().first().pk}),
        "v1:wg-public-task-detail": ((), {"id": Task.objects.public().first().public_id}),
        "v1:wg-decision-detail": ((), {"pk": Decision.objects.public().first().pk}),
        "v1:wg-task-detail": ((), {"number": objects["task"].number}),
        "v1:wg-task-state": ((), {"number": objects["task"].number}),
        "v1:wg-task-progress": ((), {"number": objects["task"].number}),
        "v1:wg-task-owner": ((), {"number": objects["task"].number}),
        "v1:wg-task-comment-list": ((), {"number": objects["task"].number}),
        "v1:budget-review-detail": ((), {"pk": YearlyReview.objects.order_by("pk").first().pk}),
    }
    return fixed.get(name, ((), {}))


def _history_id(instance):
    return instance.history.order_by("history_id").first().history_id
