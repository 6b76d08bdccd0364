"""Read-only public endpoints of the regions app, open to everyone (no login).

Analyses: lists show the public ones (``Analysis.objects.public()``, through
``selectors.public_listing``); the detail answers for any analysis readable at its address
(``selectors.analysis_for_address``), so a withdrawn analysis leaves the lists but stays
readable with its withdrawal notice, as on its page. Regions: one is listed when it or one
of its sub-regions has a public analysis, since the pages name no other region.
"""

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import permissions, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from core.api.filters import SLUG_PATTERN
from core.api.ordering import StrictOrderingFilter
from core.api.pagination import StandardPagination, StreamPagination
from regions import selectors
from regions.api import serializers
from regions.api.filters import (
    ACRONYM_PATTERN,
    COUNTRY_CODE_PATTERN,
    AnalysisFilter,
    CountryFilter,
    OrganisationFilter,
    RegionFilter,
    TopicFilter,
)
from regions.models import (
    Analysis,
    AnalysisSlugRedirect,
    Country,
    Organisation,
    Region,
    Topic,
    group_rank,
)


def query_suffix(request) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"?{query}" if query else ""


def path_parameter(name, pattern, example, description):
    """A documented path parameter; the example is an address of the demo data."""
    return OpenApiParameter(
        name,
        str,
        OpenApiParameter.PATH,
        description=description,
        pattern=f"^{pattern}$",
        examples=[OpenApiExample(example, value=example)],
    )


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Public data: anyone may read; other methods answer 405."""

    permission_classes = [permissions.AllowAny]
    pagination_class = StandardPagination
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]


def listed_regions():
    """Regions the pages name: those with a public analysis and the parents of such regions.

    Built on ``Analysis.objects.public()``; each region carries its public analysis' slug.
    """
    public = Analysis.objects.public()
    return (
        Region.objects.filter(
            Q(pk__in=public.values("region")) | Q(pk__in=public.values("region__parent"))
        )
        .select_related("parent")
        .annotate(
            # order_by(): the analysis' default ordering would join the region table again.
            public_analysis_slug=Subquery(
                public.filter(region=OuterRef("pk")).order_by().values("slug")[:1]
            ),
            group_rank=group_rank(),
        )
    )


@extend_schema_view(
    list=extend_schema(
        summary="List regions and themes",
        description="Regions and themes that have a published analysis, and their parent "
        "regions, in the order of the index page (group, then position).",
    ),
    retrieve=extend_schema(
        summary="Get a region or theme",
        description="One listed region with its sub-regions that have a published analysis.",
        parameters=[path_parameter("slug", SLUG_PATTERN, "middle-east", "The region's slug.")],
    ),
)
class RegionViewSet(PublicReadOnlyViewSet):
    """Regions and themes the pages name, by slug; the detail adds the sub-regions."""

    serializer_class = serializers.RegionSerializer
    filterset_class = RegionFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    ordering = ("group_rank", "order", "slug", "pk")
    ordering_choices = {"slug": "slug"}

    def get_queryset(self):
        regions = listed_regions()
        if self.action == "retrieve":
            children = Prefetch("children", queryset=listed_regions(), to_attr="public_children")
            regions = regions.prefetch_related(children)
        return regions

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.RegionDetailSerializer
        return serializers.RegionSerializer


@extend_schema_view(
    list=extend_schema(
        summary="List topics",
        description="Every topic analyses are tagged "
        "with; each has a public page listing its analyses.",
    ),
    retrieve=extend_schema(
        summary="Get a topic",
        description="One topic; its page lists the analyses tagged with it.",
        parameters=[path_parameter("slug", SLUG_PATTERN, "terrorism", "The topic's slug.")],
    ),
)
class TopicViewSet(PublicReadOnlyViewSet):
    """Topics: reference data without a workflow, all public like their pages."""

    queryset = Topic.objects.all()
    serializer_class = serializers.TopicSerializer
    filterset_class = TopicFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    ordering = ("slug", "pk")
    ordering_choices = {"slug": "slug"}


@extend_schema_view(
    list=extend_schema(
        summary="List organisations",
        description="International organisations analyses refer to (NATO, EU, UN…).",
    ),
    retrieve=extend_schema(
        summary="Get an organisation by its acronym",
        description="One organisation, with its full name and website.",
        parameters=[
            path_parameter("acronym", ACRONYM_PATTERN, "NATO", "The organisation's acronym.")
        ],
    ),
)
class OrganisationViewSet(PublicReadOnlyViewSet):
    """Organisations: reference data without a workflow, all public."""

    queryset = Organisation.objects.all()
    serializer_class = serializers.OrganisationSerializer
    filterset_class = OrganisationFilter
    lookup_field = "acronym"
    lookup_value_regex = ACRONYM_PATTERN
    ordering = ("acronym", "pk")
    ordering_choices = {"acronym": "acronym"}


@extend_schema_view(
    list=extend_schema(summary="List countries", description="Countries analyses mention."),
    retrieve=extend_schema(
        summary="Get a country",
        description="One country by its ISO 3166-1 alpha-2 code, in capitals.",
        parameters=[path_parameter("code", COUNTRY_CODE_PATTERN, "ML", "ISO 3166-1 alpha-2 code.")],
    ),
)
class CountryViewSet(PublicReadOnlyViewSet):
    """Countries: reference data without a workflow, all public."""

    queryset = Country.objects.all()
    serializer_class = serializers.CountrySerializer
    filterset_class = CountryFilter
    lookup_field = "code"
    lookup_value_regex = COUNTRY_CODE_PATTERN
    ordering = ("code", "pk")
    ordering_choices = {"code": "code"}


ANALYSIS_EXAMPLE = {
    "slug": "sahel",
    "page_url": "https://visie.example/en/security-environment/sahel/",
    "region": {
        "slug": "sahel",
        "name": "Sahel",
        "kind": "geographic",
        "group": "southern",
        "parent": None,
        "served_languages": {"name": "en"},
    },
    "title": "The Sahel: fragile states on Europe's southern flank",
    "summary": "Weak states, armed groups and trafficking routes.",
    "trend": "deteriorating",
    "horizon_year": 2030,
    "last_updated": "2026-11-20T09:30:00+01:00",
    "served_languages": {"title": "en", "summary": "nl"},
}


@extend_schema_view(
    list=extend_schema(
        summary="List published analyses",
        description="Published analyses (their live version), newest update first. Withdrawn "
        "analyses are not listed; they stay readable at their own address. Cursor pages: "
        "follow `next` to walk the list.",
        examples=[OpenApiExample("A published analysis", value=ANALYSIS_EXAMPLE)],
    ),
    retrieve=extend_schema(
        summary="Get an analysis",
        description="The live version of a published analysis with its key figures, sources, "
        "tags and public change history. A withdrawn analysis is still served here, with "
        "`withdrawn: true` and the public reason and date, as on its page.",
        parameters=[path_parameter("slug", SLUG_PATTERN, "sahel", "The analysis' slug.")],
        responses={
            200: serializers.AnalysisDetailSerializer,
            301: OpenApiResponse(
                description="The analysis moved to a new slug; `Location` gives its address."
            ),
        },
    ),
)
class AnalysisViewSet(PublicReadOnlyViewSet):
    """Published analyses (cursor pages); the detail also answers for a withdrawn one."""

    filterset_class = AnalysisFilter
    pagination_class = StreamPagination
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    ordering = ("-last_published_at", "-pk")
    ordering_choices = {"last_updated": "last_published_at"}

    def get_queryset(self):
        return selectors.public_listing()

    def retrieve(self, request, *args, **kwargs):
        analysis = selectors.analysis_for_address(kwargs["slug"])
        if analysis is not None:
            return Response(self.get_serializer(analysis).data)
        # An old address leads on, as the page does, but only to a readable analysis.
        moved = (
            AnalysisSlugRedirect.objects.filter(
                old_slug=kwargs["slug"],
                analysis__in=Analysis.objects.readable_at_address(),
            )
            .values_list("analysis__slug", flat=True)
            .first()
        )
        if moved is None:
            raise NotFound()
        return HttpResponsePermanentRedirect(
            reverse("v1:regions-analysis-detail", kwargs={"slug": moved}) + query_suffix(request)
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.AnalysisDetailSerializer
        return serializers.AnalysisSerializer
