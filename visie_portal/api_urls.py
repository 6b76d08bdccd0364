"""The API's root: /api/v1/ (versioned endpoints), /api/schema/ (OpenAPI 3), /api/docs/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from budget import api as budget_api  # budget
from core.api.schema import ProcessCachedSchemaView
from regions.api import views as regions_api  # regions
from working_group.api import views as working_group_api
from working_group.api.tokens import TokenView

router = DefaultRouter()

# budget
router.register("legislatures", budget_api.LegislatureViewSet, basename="budget-legislature")
router.register("budget-reviews", budget_api.YearlyReviewViewSet, basename="budget-review")

# regions
router.register("regions", regions_api.RegionViewSet, basename="regions-region")
router.register("topics", regions_api.TopicViewSet, basename="regions-topic")
router.register("organisations", regions_api.OrganisationViewSet, basename="regions-organisation")
router.register("countries", regions_api.CountryViewSet, basename="regions-country")
router.register("analyses", regions_api.AnalysisViewSet, basename="regions-analysis")

# working_group
router.register("working-group/tracks", working_group_api.PublicTrackViewSet, basename="wg-track")
router.register(
    "working-group/milestones", working_group_api.PublicMilestoneViewSet, basename="wg-milestone"
)
router.register(
    "working-group/public-tasks", working_group_api.PublicTaskViewSet, basename="wg-public-task"
)
router.register(
    "working-group/decisions", working_group_api.PublicDecisionViewSet, basename="wg-decision"
)
router.register("working-group/tasks", working_group_api.TaskViewSet, basename="wg-task")
router.register(
    r"working-group/tasks/(?P<number>[0-9]+)/comments",
    working_group_api.TaskCommentViewSet,
    basename="wg-task-comment",
)
router.register("working-group/members", working_group_api.MemberViewSet, basename="wg-member")

v1_patterns = [
    path("auth/token/", TokenView.as_view(), name="token"),
    path("", include(router.urls)),
]

urlpatterns = [
    path("v1/", include((v1_patterns, "api"), namespace="v1")),
    path(
        "schema/",
        ProcessCachedSchemaView.as_view(),
        name="api-schema",
    ),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
