"""What the public regions endpoints return: exactly what the public pages show, no more.

Analyses expose their live revision only (never a draft, an editor, a share link or a
workflow field); the body is served as the same sanitised HTML the page renders, so
clients need not trust or re-sanitise Markdown.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.translation import SERVED_LANGUAGES_HELP, TranslatedFieldsMixin
from core.markdown import render_markdown
from core.translated import served_language
from regions import selectors
from regions.models import (
    Analysis,
    AnalysisRevision,
    Country,
    KeyFigure,
    Organisation,
    Region,
    Source,
    Topic,
)


class TopicSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    page_url = serializers.SerializerMethodField(help_text="The topic's public page.")

    class Meta:
        model = Topic
        fields = ["slug", "name", "page_url", "served_languages"]
        translated_fields = ["name"]

    def get_page_url(self, topic) -> str:
        return self.context["request"].build_absolute_uri(topic.get_absolute_url())


class OrganisationSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["acronym", "name", "url", "served_languages"]
        translated_fields = ["name"]


class CountrySerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name", "served_languages"]
        translated_fields = ["name"]


class RegionSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="The parent region's slug; null for a top-level region.",
    )
    analysis = serializers.CharField(
        source="public_analysis_slug",
        read_only=True,
        allow_null=True,
        help_text="Slug of the region's published analysis (see /analyses/{slug}/); null "
        "when it has none listed (a withdrawn analysis stays readable at its own address).",
    )

    class Meta:
        model = Region
        fields = ["slug", "name", "kind", "group", "parent", "order", "analysis"]
        fields += ["served_languages"]
        translated_fields = ["name"]


class RegionDetailSerializer(RegionSerializer):
    children = RegionSerializer(
        source="public_children",
        many=True,
        read_only=True,
        help_text="Its sub-regions that have a published analysis.",
    )

    class Meta(RegionSerializer.Meta):
        fields = [*RegionSerializer.Meta.fields, "children"]


class AnalysisRegionSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    """The region an analysis is about, as its page's heading and breadcrumb show it."""

    parent = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="The parent region's slug; null for a top-level region.",
    )

    class Meta:
        model = Region
        fields = ["slug", "name", "kind", "group", "parent", "served_languages"]
        translated_fields = ["name"]


class KeyFigureSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = KeyFigure
        fields = ["label", "value", "unit", "source", "served_languages"]
        translated_fields = ["label", "unit"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["title", "url", "date"]


class ChangeSerializer(serializers.ModelSerializer):
    """One entry of the public change history: the first publication or a major change."""

    note = serializers.SerializerMethodField(
        help_text="The public change note; null for a first publication without one."
    )
    first_publication = serializers.SerializerMethodField()
    served_languages = serializers.SerializerMethodField(
        help_text="The language the note is in (nl when not translated; null without a note)."
    )

    class Meta:
        model = AnalysisRevision
        fields = ["published_at", "note", "first_publication", "served_languages"]

    def get_served_languages(self, revision) -> dict[str, str | None]:
        return {"note": served_language(revision, "change_note")}

    def get_note(self, revision) -> str | None:
        return revision.change_note or None

    def get_first_publication(self, revision) -> bool:
        return revision.published_at == self.context["first_published_at"]


REVISION_TRANSLATED_FIELDS = {"title": "title", "summary": "summary", "body_html": "body"}


class AnalysisSerializer(serializers.ModelSerializer):
    """A list item: what the index page shows for each analysis."""

    page_url = serializers.SerializerMethodField(help_text="The analysis' public page.")
    region = AnalysisRegionSerializer(read_only=True)
    title = serializers.CharField(source="live_revision.title", read_only=True)
    summary = serializers.CharField(source="live_revision.summary", read_only=True)
    trend = serializers.ChoiceField(
        source="live_revision.trend", choices=AnalysisRevision.trend.field.choices, read_only=True
    )
    horizon_year = serializers.IntegerField(source="live_revision.horizon_year", read_only=True)
    last_updated = serializers.DateTimeField(
        source="last_published_at",
        read_only=True,
        help_text="When the current version was published.",
    )
    served_languages = serializers.SerializerMethodField(help_text=SERVED_LANGUAGES_HELP)
    translated_fields = ["title", "summary"]

    class Meta:
        model = Analysis
        fields = [
            "slug", "page_url", "region", "title", "summary", "trend", "horizon_year",
            "last_updated", "served_languages",
        ]  # fmt: skip

    def get_page_url(self, analysis) -> str:
        return self.context["request"].build_absolute_uri(analysis.get_absolute_url())

    def get_served_languages(self, analysis) -> dict[str, str | None]:
        # Content fields live on the live revision, not on the analysis row.
        return {
            name: served_language(analysis.live_revision, REVISION_TRANSLATED_FIELDS[name])
            for name in self.translated_fields
        }


class AnalysisDetailSerializer(AnalysisSerializer):
    """The analysis page as data: live content, tags, figures, sources, change history.

    A withdrawn analysis is served at its address like its page: ``withdrawn`` is true and
    the public reason and date are filled (null otherwise).
    """

    body_html = serializers.SerializerMethodField(
        help_text="The body rendered from Markdown and sanitised (no scripts, event "
        "handlers or javascript: links), exactly as the public page shows it."
    )
    topics = TopicSerializer(source="live_revision.topics", many=True, read_only=True)
    organisations = OrganisationSerializer(
        source="live_revision.organisations", many=True, read_only=True
    )
    countries = CountrySerializer(source="live_revision.countries", many=True, read_only=True)
    key_figures = KeyFigureSerializer(source="live_revision.key_figures", many=True, read_only=True)
    sources = SourceSerializer(source="live_revision.sources", many=True, read_only=True)
    change_history = serializers.SerializerMethodField(
        help_text="Newest first: the first publication and every major change."
    )
    first_published = serializers.DateTimeField(source="first_published_at", read_only=True)
    withdrawn = serializers.BooleanField(source="is_withdrawn", read_only=True)
    withdrawn_at = serializers.SerializerMethodField()
    withdrawal_reason = serializers.SerializerMethodField(
        help_text="Why the analysis was withdrawn; null unless withdrawn."
    )
    translated_fields = ["title", "summary", "body_html"]

    class Meta(AnalysisSerializer.Meta):
        fields = [
            *AnalysisSerializer.Meta.fields,
            "body_html", "topics", "organisations", "countries", "key_figures", "sources",
            "change_history", "first_published", "withdrawn", "withdrawn_at",
            "withdrawal_reason",
        ]  # fmt: skip

    def get_served_languages(self, analysis) -> dict[str, str | None]:
        served = super().get_served_languages(analysis)
        if analysis.is_withdrawn:
            served["withdrawal_reason"] = served_language(analysis, "withdrawal_reason")
        return served

    def get_body_html(self, analysis) -> str:
        return str(render_markdown(analysis.live_revision.body))

    @extend_schema_field(ChangeSerializer(many=True))
    def get_change_history(self, analysis):
        context = {**self.context, "first_published_at": analysis.first_published_at}
        history = selectors.change_history(analysis)
        return ChangeSerializer(history, many=True, context=context).data

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_withdrawn_at(self, analysis):
        if not analysis.is_withdrawn:
            return None
        return serializers.DateTimeField().to_representation(analysis.withdrawn_at)

    def get_withdrawal_reason(self, analysis) -> str | None:
        return analysis.withdrawal_reason if analysis.is_withdrawn else None
