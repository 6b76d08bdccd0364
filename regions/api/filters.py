"""Query parameters of the regions endpoints: filters and one ordering parameter.

Filters take slugs, acronyms and codes as plain text and match them exactly, so asking
for a region or topic the public cannot see answers an empty list, exactly like asking
for one that does not exist: a filter never reveals what exists behind the pages.
"""

from django_filters import rest_framework as filters

from core.api.filters import PatternFilter, SlugFilter, StrictBooleanFilter, StrictFilterSet
from regions.models import (
    Analysis,
    Country,
    Organisation,
    Region,
    RegionGroup,
    RegionKind,
    Topic,
    Trend,
)

ACRONYM_PATTERN = r"[-a-zA-Z0-9_.&]+"
COUNTRY_CODE_PATTERN = "[A-Z]{2}"


class InUseFilterSet(StrictFilterSet):
    """Reference data with ``?in_use=true``: only what a published analysis is tagged with."""

    in_use = StrictBooleanFilter(
        method="filter_in_use",
        help_text="true: only those a published analysis refers to; false: only the others.",
    )

    def filter_in_use(self, queryset, name, value):
        live_revisions = Analysis.objects.public().values("live_revision")
        used = self.Meta.model.objects.filter(**{"analysisrevision__in": live_revisions}).values(
            "pk"
        )
        return queryset.filter(pk__in=used) if value else queryset.exclude(pk__in=used)


class TopicFilter(InUseFilterSet):
    class Meta:
        model = Topic
        fields = ["in_use"]


class OrganisationFilter(InUseFilterSet):
    class Meta:
        model = Organisation
        fields = ["in_use"]


class CountryFilter(InUseFilterSet):
    class Meta:
        model = Country
        fields = ["in_use"]


class RegionFilter(StrictFilterSet):
    kind = filters.ChoiceFilter(choices=RegionKind.choices, help_text="Geographic or theme.")
    group = filters.ChoiceFilter(choices=RegionGroup.choices, help_text="The index heading.")
    parent = SlugFilter(
        field_name="parent__slug",
        help_text="Only the sub-regions of the region with this slug.",
    )
    top_level = StrictBooleanFilter(
        field_name="parent",
        lookup_expr="isnull",
        help_text="true: only regions without a parent; false: only sub-regions.",
    )

    class Meta:
        model = Region
        fields = ["kind", "group", "parent", "top_level"]


class AnalysisFilter(StrictFilterSet):
    region = SlugFilter(field_name="region__slug", help_text="A region's slug.")
    group = filters.ChoiceFilter(
        field_name="region__group", choices=RegionGroup.choices, help_text="The region's group."
    )
    topic = SlugFilter(field_name="live_revision__topics__slug", help_text="A topic's slug.")
    organisation = PatternFilter(
        ACRONYM_PATTERN,
        field_name="live_revision__organisations__acronym",
        lookup_expr="iexact",
        help_text="An organisation's acronym, for example NATO.",
    )
    country = PatternFilter(
        "[A-Za-z]{2}",
        field_name="live_revision__countries__code",
        lookup_expr="iexact",
        help_text="A country's ISO 3166-1 alpha-2 code, for example BE.",
    )
    trend = filters.ChoiceFilter(
        field_name="live_revision__trend", choices=Trend.choices, help_text="The assessed trend."
    )

    class Meta:
        model = Analysis
        fields = ["region", "group", "topic", "organisation", "country", "trend"]
