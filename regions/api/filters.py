"""Query parameters of the regions endpoints: filters and one ordering parameter.

Filters take slugs, acronyms and codes as plain text and match them exactly, so asking
for a region or topic the public cannot see answers an empty list, exactly like asking
for one that does not exist: a filter never reveals what exists behind the pages.
"""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

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

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
ACRONYM_PATTERN = r"[-a-zA-Z0-9_.&]+"
COUNTRY_CODE_PATTERN = "[A-Z]{2}"


def pattern_filter(pattern, **kwargs):
    """A text filter that accepts only values matching ``pattern``, as its schema states."""
    text_filter = filters.CharFilter(validators=[RegexValidator(rf"^{pattern}\Z")], **kwargs)
    return extend_schema_field({"type": "string", "pattern": f"^{pattern}$"})(text_filter)


class StrictFilterForm(forms.Form):
    """A parameter that is given must hold a documented value.

    django-filter ignores ``?group=`` (empty) and ``?in_use=maybe``; the schema lists the
    allowed values and patterns, so anything else is refused with a 400 instead of quietly
    answering the unfiltered list.
    """

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = self.data.get(name)
            if value is None:
                continue
            if value == "":
                self.add_error(name, _("Give a value, or leave the parameter out."))
            elif isinstance(field, forms.NullBooleanField) and value not in ("true", "false"):
                self.add_error(name, _("Give true or false."))
        return cleaned


class InUseFilterSet(filters.FilterSet):
    """Reference data with ``?in_use=true``: only what a published analysis is tagged with."""

    in_use = filters.BooleanFilter(
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
        form = StrictFilterForm
        fields = ["in_use"]


class OrganisationFilter(InUseFilterSet):
    class Meta:
        model = Organisation
        form = StrictFilterForm
        fields = ["in_use"]


class CountryFilter(InUseFilterSet):
    class Meta:
        model = Country
        form = StrictFilterForm
        fields = ["in_use"]


class RegionFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=RegionKind.choices, help_text="Geographic or theme.")
    group = filters.ChoiceFilter(choices=RegionGroup.choices, help_text="The index heading.")
    parent = pattern_filter(
        SLUG_PATTERN,
        field_name="parent__slug",
        help_text="Only the sub-regions of the region with this slug.",
    )
    top_level = filters.BooleanFilter(
        field_name="parent",
        lookup_expr="isnull",
        help_text="true: only regions without a parent; false: only sub-regions.",
    )

    class Meta:
        model = Region
        form = StrictFilterForm
        fields = ["kind", "group", "parent", "top_level"]


class AnalysisFilter(filters.FilterSet):
    region = pattern_filter(SLUG_PATTERN, field_name="region__slug", help_text="A region's slug.")
    group = filters.ChoiceFilter(
        field_name="region__group", choices=RegionGroup.choices, help_text="The region's group."
    )
    topic = pattern_filter(
        SLUG_PATTERN, field_name="live_revision__topics__slug", help_text="A topic's slug."
    )
    organisation = pattern_filter(
        ACRONYM_PATTERN,
        field_name="live_revision__organisations__acronym",
        lookup_expr="iexact",
        help_text="An organisation's acronym, for example NATO.",
    )
    country = pattern_filter(
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
        form = StrictFilterForm
        fields = ["region", "group", "topic", "organisation", "country", "trend"]
