"""Read-only REST API of the budget app: legislatures and their yearly reviews.

Everything here reads through ``budget.selectors``, whose querysets start from
``YearlyReview.objects.public()``: the API shows exactly what the pages show. There are no
write endpoints; editors and publishers record reviews in the admin, where the services
enforce the rules. Amounts are decimal strings with two places, never JSON numbers: most
JSON readers turn numbers into binary floats, which lose cents at these sizes.
"""

from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import permissions, serializers, viewsets

from budget import selectors
from budget.models import (
    CURRENCY,
    MONEY_DIGITS,
    Legislature,
    Outcome,
    ReviewChange,
    ReviewLine,
    ReviewSource,
    ReviewState,
    YearlyReview,
)
from budget.money import export_amount
from core.api.filters import (
    SLUG_PATTERN,
    IntegerFilter,
    StrictBooleanFilter,
    StrictFilterSet,
    TextFilter,
)
from core.api.ordering import StrictOrderingFilter
from core.api.pagination import StandardPagination
from core.api.translation import TranslatedFieldsMixin


def money(**kwargs):
    """An amount as a decimal string with two places; ``max_digits`` only for stored amounts
    (totals of many lines may be longer)."""
    return serializers.DecimalField(
        max_digits=kwargs.pop("max_digits", None), decimal_places=2, read_only=True, **kwargs
    )


# --- Serializers ----------------------------------------------------------------------------


class RequestedTotalsSerializer(serializers.Serializer):
    payment = money(source="requested_payment", help_text="Payment appropriations requested.")
    commitment = money(
        source="requested_commitment", help_text="Commitment appropriations requested."
    )
    total = money(source="requested_total", help_text="Payment plus commitment.")


class GrantedTotalsSerializer(serializers.Serializer):
    payment = money(source="granted_payment", help_text="Payment appropriations granted.")
    commitment = money(source="granted_commitment", help_text="Commitment appropriations granted.")
    total = money(source="granted_total", help_text="Payment plus commitment.")


class ReviewTotalsSerializer(serializers.Serializer):
    """Sums of the lines, exact to the cent (whole cents or Decimal, never floats)."""

    currency = serializers.SerializerMethodField()
    requested = RequestedTotalsSerializer(source="*", read_only=True)
    granted = GrantedTotalsSerializer(source="*", read_only=True)

    def get_currency(self, obj) -> str:
        return CURRENCY


class LegislatureTotalsSerializer(ReviewTotalsSerializer):
    remaining = money(
        help_text="The legislature's maximum minus everything granted so far (negative only "
        "if a ceiling was lowered after grants)."
    )


class LegislatureReferenceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="v1:budget-legislature-detail", lookup_field="slug"
    )

    class Meta:
        model = Legislature
        fields = ["slug", "name", "government", "url"]
        read_only_fields = fields


class YearRowSerializer(serializers.Serializer):
    """One reviewed year inside a legislature, with the running total the page shows."""

    id = serializers.IntegerField(read_only=True)
    year = serializers.IntegerField(read_only=True)
    state = serializers.ChoiceField(choices=ReviewState.choices, read_only=True)
    outcome = serializers.SerializerMethodField()
    requested_total = money(source="totals.requested_total")
    granted_total = money(source="totals.granted_total")
    cumulative_granted = money(help_text="Granted in this and the earlier years.")
    is_example_data = serializers.BooleanField(read_only=True)
    url = serializers.HyperlinkedRelatedField(
        source="*", view_name="v1:budget-review-detail", read_only=True
    )

    @extend_schema_field(
        serializers.ChoiceField(choices=Outcome.choices, allow_null=True, read_only=True)
    )
    def get_outcome(self, row):
        return row.outcome or None


class LegislatureListSerializer(serializers.ListSerializer):
    def to_representation(self, data):
        # The reviews and totals of the whole page at once: two queries for any page size.
        overviews = selectors.legislature_overviews(data)
        return [self.child.to_representation(overview) for overview in overviews]


class LegislatureSerializer(serializers.Serializer):
    """A legislature, its ceiling and maximum, and the totals of its public reviews."""

    slug = serializers.SlugField(source="legislature.slug", read_only=True)
    name = serializers.CharField(source="legislature.name", read_only=True)
    government = serializers.CharField(source="legislature.government", read_only=True)
    first_year = serializers.IntegerField(source="legislature.first_year", read_only=True)
    last_year = serializers.IntegerField(source="legislature.last_year", read_only=True)
    first_review_year = serializers.IntegerField(
        source="legislature.first_review_year",
        read_only=True,
        help_text="The first year reviewed under the reflow rule.",
    )
    review_years = serializers.ListField(
        source="legislature.review_years",
        child=serializers.IntegerField(),
        read_only=True,
        help_text="Every year the rule applies to, whether or not its review is recorded.",
    )
    annual_ceiling = money(
        source="legislature.annual_ceiling",
        max_digits=MONEY_DIGITS,
        help_text="The most one year may receive.",
    )
    maximum = money(help_text="Annual ceiling times the number of reviewed years.")
    totals = LegislatureTotalsSerializer(source="*", read_only=True)
    has_example_data = serializers.BooleanField(
        read_only=True, help_text="True when any review holds invented example figures."
    )
    reviews = YearRowSerializer(source="rows", many=True, read_only=True)
    url = serializers.HyperlinkedRelatedField(
        source="legislature",
        view_name="v1:budget-legislature-detail",
        lookup_field="slug",
        read_only=True,
    )

    class Meta:
        list_serializer_class = LegislatureListSerializer

    def to_representation(self, instance):
        if isinstance(instance, Legislature):  # a detail: its overview costs two queries
            [instance] = selectors.legislature_overviews([instance])
        return super().to_representation(instance)


class ReviewLineSerializer(serializers.ModelSerializer):
    requested = money(source="amount_requested", max_digits=MONEY_DIGITS)
    granted = money(
        source="amount_granted",
        max_digits=MONEY_DIGITS,
        help_text="0.00 until the review is decided; never more than requested.",
    )

    class Meta:
        model = ReviewLine
        fields = ["kind", "purpose", "requested", "granted"]
        read_only_fields = fields


class ReviewSourceSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = ReviewSource
        fields = ["title", "url", "served_languages"]
        read_only_fields = fields
        translated_fields = ["title"]


class ReviewChangeSerializer(TranslatedFieldsMixin, serializers.ModelSerializer):
    """A public change note. Who made the change stays in the editors' audit trail."""

    class Meta:
        model = ReviewChange
        fields = ["changed_at", "note", "served_languages"]
        read_only_fields = fields
        translated_fields = ["note"]


class YearlyReviewSerializer(serializers.ModelSerializer):
    """A yearly review as listed: its state, decision and totals."""

    url = serializers.HyperlinkedIdentityField(view_name="v1:budget-review-detail")
    page_url = serializers.SerializerMethodField(help_text="The review's public page.")
    legislature = serializers.SerializerMethodField()
    year = serializers.IntegerField(read_only=True, help_text="The budget year reviewed.")
    outcome = serializers.ChoiceField(
        choices=Outcome.choices,
        allow_null=True,
        read_only=True,
        help_text="Only for a decided review; null before.",
    )
    decision_date = serializers.DateField(
        allow_null=True, read_only=True, help_text="Only for a decided review; null before."
    )
    decision_reference = serializers.CharField(
        allow_null=True,
        read_only=True,
        help_text="The decision's reference, for a decided review that has one; null otherwise.",
    )
    totals = serializers.SerializerMethodField()

    class Meta:
        model = YearlyReview
        fields = [
            "id",
            "url",
            "page_url",
            "legislature",
            "year",
            "state",
            "review_date",
            "outcome",
            "decision_date",
            "decision_reference",
            "is_example_data",
            "totals",
        ]
        read_only_fields = fields

    @extend_schema_field(LegislatureReferenceSerializer)
    def get_legislature(self, review):
        # A page holds a handful of legislatures: each is serialized (and its URL
        # reversed) once per response, not once per review.
        cache = self.context.setdefault("legislature_references", {})
        if review.legislature_id not in cache:
            cache[review.legislature_id] = LegislatureReferenceSerializer(
                review.legislature, context=self.context
            ).data
        return cache[review.legislature_id]

    @extend_schema_field(ReviewTotalsSerializer)
    def get_totals(self, review):
        # The same output as ReviewTotalsSerializer, without three nested serializers a row.
        totals = review.totals
        return {
            "currency": CURRENCY,
            "requested": {
                "payment": export_amount(totals.requested_payment),
                "commitment": export_amount(totals.requested_commitment),
                "total": export_amount(totals.requested_total),
            },
            "granted": {
                "payment": export_amount(totals.granted_payment),
                "commitment": export_amount(totals.granted_commitment),
                "total": export_amount(totals.granted_total),
            },
        }

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, review):
        return self.context["request"].build_absolute_uri(review.get_absolute_url())

    def to_representation(self, review):
        data = super().to_representation(review)
        if not review.is_decided:
            # As on the pages: a review that is not (or no longer) decided shows no
            # decision, even if an earlier decision's date or reference is still stored.
            data.update(outcome=None, decision_date=None, decision_reference=None)
        data["decision_reference"] = data["decision_reference"] or None
        return data


class YearlyReviewDetailSerializer(TranslatedFieldsMixin, YearlyReviewSerializer):
    """A yearly review with its lines, sources, justification and public change notes."""

    lines = ReviewLineSerializer(many=True, read_only=True)
    sources = ReviewSourceSerializer(many=True, read_only=True)
    changes = ReviewChangeSerializer(
        source="public_changes", many=True, read_only=True, help_text="Newest first."
    )

    class Meta(YearlyReviewSerializer.Meta):
        fields = [
            *YearlyReviewSerializer.Meta.fields,
            "justification",
            "lines",
            "sources",
            "changes",
            "served_languages",
        ]
        read_only_fields = fields
        translated_fields = ["justification"]


# --- Filters ----------------------------------------------------------------------------


def year_filter(**kwargs):
    # Years are four-digit (ISO 8601); anything else cannot match a review and is refused.
    return IntegerFilter(min_value=1000, max_value=9999, **kwargs)


class LegislatureFilter(StrictFilterSet):
    government = TextFilter(
        lookup_expr="iexact", help_text="The government's name, e.g. Michel I (any case)."
    )
    year = year_filter(
        method="filter_year", help_text="Legislatures whose reviewed years include this year."
    )

    class Meta:
        model = Legislature
        fields = ["government", "year"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(first_review_year__lte=value, last_year__gte=value)


class YearlyReviewFilter(StrictFilterSet):
    legislature = TextFilter(
        field_name="legislature__slug", help_text="The legislature's slug, e.g. 2014-2019."
    )
    year = year_filter(help_text="The budget year reviewed.")
    state = filters.ChoiceFilter(choices=ReviewState.choices)
    outcome = filters.ChoiceFilter(choices=Outcome.choices)
    is_example_data = StrictBooleanFilter(
        help_text="true: only reviews with invented example figures; false: only real ones."
    )

    class Meta:
        model = YearlyReview
        fields = ["legislature", "year", "state", "outcome", "is_example_data"]


# What a list row shows: no justification in four languages, no version.
LIST_FIELDS = [
    "id",
    "year",
    "state",
    "review_date",
    "outcome",
    "decision_date",
    "decision_reference",
    "is_example_data",
    "legislature__slug",
    "legislature__name",
    "legislature__government",
]


# --- Views --------------------------------------------------------------------------------

TAGS = ["budget"]
READ_ONLY = (
    "Read-only and public: no sign-in needed. The budget has no write endpoints; editors "
    "record reviews in the admin."
)


@extend_schema_view(
    list=extend_schema(
        summary="List legislatures",
        tags=TAGS,
        description="Legislatures with their annual ceiling, maximum, totals and reviewed "
        "years, oldest first. " + READ_ONLY,
    ),
    retrieve=extend_schema(
        summary="Get a legislature",
        tags=TAGS,
        description="One legislature by its slug, e.g. `2014-2019`. " + READ_ONLY,
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                pattern=f"^{SLUG_PATTERN}$",
                description="The legislature's slug.",
                examples=[OpenApiExample("Michel I", value="2014-2019")],
            )
        ],
    ),
)
class LegislatureViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LegislatureSerializer
    permission_classes = [permissions.AllowAny]
    pagination_class = StandardPagination
    filter_backends = [filters.DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = LegislatureFilter
    ordering = ["first_year", "pk"]
    ordering_choices = {"first_year": "first_year", "name": "name"}
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return Legislature.objects.all()


@extend_schema_view(
    list=extend_schema(
        summary="List yearly budget reviews",
        tags=TAGS,
        description="Every public yearly review of the EUR 100 million reflow with its "
        "state, decision and totals, ordered by legislature and year. Filter by "
        "legislature, year, state, outcome or example data; order by `year` or `-year`. "
        + READ_ONLY,
    ),
    retrieve=extend_schema(
        summary="Get a yearly budget review",
        tags=TAGS,
        description="One review with its lines (kind, purpose, requested, granted), totals "
        "per kind, sources, public change notes and the justification in the requested "
        "language (`?lang=` or `Accept-Language`; Dutch when not translated, as "
        "`served_languages` states). " + READ_ONLY,
        parameters=[
            OpenApiParameter(
                "id",
                {"type": "integer", "minimum": 1},
                OpenApiParameter.PATH,
                description="The review's id, as in `url` of the list.",
            )
        ],
        examples=[
            OpenApiExample(
                "A decided review",
                value={
                    "id": 1,
                    "url": "https://example.org/api/v1/budget-reviews/1/",
                    "page_url": "https://example.org/nl/budget/2014-2019/2015/",
                    "legislature": {
                        "slug": "2014-2019",
                        "name": "2014–2019",
                        "government": "Michel I",
                        "url": "https://example.org/api/v1/legislatures/2014-2019/",
                    },
                    "year": 2015,
                    "state": "decided",
                    "review_date": "2015-10-09",
                    "outcome": "partially_granted",
                    "decision_date": "2015-10-09",
                    "decision_reference": None,
                    "is_example_data": True,
                    "totals": {
                        "currency": "EUR",
                        "requested": {
                            "payment": "60000000.00",
                            "commitment": "40000000.00",
                            "total": "100000000.00",
                        },
                        "granted": {
                            "payment": "50000000.00",
                            "commitment": "20000000.00",
                            "total": "70000000.00",
                        },
                    },
                    "justification": "Voorbeeldmotivering.",
                    "lines": [
                        {
                            "kind": "commitment",
                            "purpose": "investment",
                            "requested": "40000000.00",
                            "granted": "20000000.00",
                        },
                        {
                            "kind": "payment",
                            "purpose": "debt_repayment",
                            "requested": "60000000.00",
                            "granted": "50000000.00",
                        },
                    ],
                    "sources": [],
                    "changes": [],
                    "served_languages": {"justification": "nl"},
                },
            )
        ],
    ),
)
class YearlyReviewViewSet(viewsets.ReadOnlyModelViewSet):
    """Reviews are one per legislature and year, so the list grows by a handful a year:
    numbered pages suffice (no cursor needed)."""

    permission_classes = [permissions.AllowAny]
    pagination_class = StandardPagination
    filter_backends = [filters.DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = YearlyReviewFilter
    ordering = ["legislature__first_year", "year", "pk"]
    ordering_choices = {"year": "year"}
    ordering_tiebreakers = ("legislature__first_year", "pk")
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.reviews_in_full()
        return selectors.public_reviews().only(*LIST_FIELDS)

    def paginate_queryset(self, queryset):
        # The totals of the page's reviews in one query (summed in the database).
        page = super().paginate_queryset(queryset)
        return None if page is None else selectors.with_totals(page)

    def get_object(self):
        review = super().get_object()
        review.totals = selectors.totals_of_lines(review.lines.all())
        return review

    def get_serializer_class(self):
        if self.action == "retrieve":
            return YearlyReviewDetailSerializer
        return YearlyReviewSerializer
