"""The API's root: /api/v1/ (versioned endpoints), /api/schema/ (OpenAPI 3), /api/docs/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from regions.api import views as regions_api
from visie_portal.api.views import TokenView

router = DefaultRouter()

# regions
router.register("regions", regions_api.RegionViewSet, basename="region")
router.register("topics", regions_api.TopicViewSet, basename="topic")
router.register("organisations", regions_api.OrganisationViewSet, basename="organisation")
router.register("countries", regions_api.CountryViewSet, basename="country")
router.register("analyses", regions_api.AnalysisViewSet, basename="analysis")

v1_patterns = [
    path("auth/token/", TokenView.as_view(), name="token"),
    path("", include(router.urls)),
]

urlpatterns = [
    path("v1/", include((v1_patterns, "api"), namespace="v1")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
