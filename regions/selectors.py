"""Reads for the public pages, each a fixed number of queries whatever the data size."""

from collections.abc import Callable
from datetime import datetime

from django.core.paginator import Page
from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from core.paginators import KeysFirstPaginator
from core.translated import served_columns
from regions.models import (
    Analysis,
    AnalysisRevision,
    Country,
    KeyFigure,
    Organisation,
    Source,
    Topic,
    group_rank,
)

# A page of cards: enough to scan, few enough that every page costs about the same.
PAGE_SIZE = 20

# What no list needs: the revision's long texts and bookkeeping, the withdrawal reason.
_NOT_LISTED = (
    "live_revision__body",
    "live_revision__change_note",
    "live_revision__translation_sources",
    "withdrawal_reason",
)


def public_listing() -> QuerySet[Analysis]:
    """Public analyses with what a list item shows: region, parent, live title/summary/trend."""
    return (
        Analysis.objects.public()
        .select_related("region__parent", "live_revision")
        .defer(*_NOT_LISTED)
        .annotate(group_rank=group_rank("region__group"))
        .order_by("group_rank", "region__order", "region__slug")
    )


def public_listing_on_topic(topic: Topic) -> QuerySet[Analysis]:
    """public_listing() of the analyses whose live revision has ``topic``.

    A semi-join on the link table (``live_revision IN …``), not a join through the
    revision: the revision table is not read to filter, and no row can repeat.
    """
    tagged = AnalysisRevision.topics.through.objects.filter(topic=topic)
    return public_listing().filter(live_revision__in=tagged.values("analysisrevision"))


def page_listing(queryset: QuerySet[Analysis] | None = None) -> QuerySet[Analysis]:
    """A public listing with only the columns a page's card shows, in the page's language.

    The API keeps every language (it reports which ones exist); a page shows one and the
    Dutch fallback, so it reads two columns per text instead of four.
    """
    queryset = public_listing() if queryset is None else queryset
    return queryset.only(
        "slug",
        "last_published_at",
        "region",
        "live_revision",
        "region__slug",
        "region__kind",
        "region__group",
        "region__parent",
        "region__parent__slug",
        "live_revision__trend",
        *served_columns(
            "region__name",
            "region__parent__name",
            "live_revision__title",
            "live_revision__summary",
        ),
    )


def published_sub_regions(analysis: Analysis) -> QuerySet[Analysis]:
    """The published analyses of a region's sub-regions (one level, a handful at most).

    Regions nest one level only (Region.clean), so a sub-region's page asks for none.
    """
    if analysis.region.parent_id is not None:
        return Analysis.objects.none()
    siblings = (
        Analysis.objects.public()
        .filter(region__parent_id=analysis.region_id)
        .select_related("region__parent", "live_revision")
        .order_by("region__order", "region__slug")
    )
    return page_listing(siblings)[:PAGE_SIZE]


def paginate(queryset, page_number, per_page: int = PAGE_SIZE) -> Page:
    return KeysFirstPaginator(queryset, per_page).get_page(page_number)


def analysis_for_address(slug: str) -> Analysis | None:
    """A published or withdrawn analysis at ``slug``, with everything its page shows."""
    return (
        Analysis.objects.readable_at_address()
        .with_live_content()
        .select_related("region__parent")
        .filter(slug=slug)
        .first()
    )


def analysis_page(slug: str) -> Analysis | None:
    """analysis_for_address() for the public page: only what the page shows, in its language.

    Every text column is read in the page's language and Dutch only; the revision's lists
    come from revision_lists().
    """
    return (
        Analysis.objects.readable_at_address()
        .filter(slug=slug)
        .select_related("region__parent", "live_revision")
        .only(
            "slug",
            "state",
            "first_published_at",
            "last_published_at",
            "withdrawn_at",
            "region",
            "live_revision",
            "region__slug",
            "region__kind",
            "region__group",
            "region__parent",
            "region__parent__slug",
            "live_revision__trend",
            "live_revision__horizon_year",
            "live_revision__translation_sources",
            *served_columns(
                "withdrawal_reason",
                "region__name",
                "region__parent__name",
                "live_revision__title",
                "live_revision__summary",
                "live_revision__body",
            ),
        )
        .order_by()
        .first()
    )


def revision_lists(revision_id: int) -> dict[str, list]:
    """What a revision's page lists beside its text: one short query per list.

    Plain filtered queries rather than prefetch_related (which costs as much again in
    Python on a page that shows one revision), each ordered by its own columns and
    reading the page's language and Dutch only.
    """
    return {
        "topics": list(
            Topic.objects.filter(analysisrevision=revision_id)
            .only("slug", *served_columns("name"))
            .order_by("slug")
        ),
        "organisations": list(
            Organisation.objects.filter(analysisrevision=revision_id)
            .only("acronym", *served_columns("name"))
            .order_by("acronym")
        ),
        "countries": list(
            Country.objects.filter(analysisrevision=revision_id)
            .only("code", *served_columns("name"))
            .order_by("code")
        ),
        "key_figures": list(
            KeyFigure.objects.filter(revision_id=revision_id)
            .only("value", "source", *served_columns("label", "unit"))
            .order_by("order", "pk")
        ),
        "sources": list(
            Source.objects.filter(revision_id=revision_id)
            .only("title", "url", "date")
            .order_by("order", "pk")
        ),
    }


def change_history(analysis: Analysis) -> QuerySet[AnalysisRevision]:
    """Published major changes and the first publication, newest first (one query)."""
    return AnalysisRevision.objects.filter(
        Q(is_major=True) | Q(published_at=analysis.first_published_at),
        analysis=analysis,
        published_at__isnull=False,
        published_at__lte=timezone.now(),
    ).order_by("-published_at", "-number")


def revision_with_content(revision_pk: int) -> AnalysisRevision | None:
    return (
        AnalysisRevision.objects.select_related("analysis__region__parent", "author")
        .prefetch_related("topics", "organisations", "countries", "key_figures", "sources")
        .filter(pk=revision_pk)
        .first()
    )


# Other apps register here (see working_group/apps.py): a callable taking a published
# analysis and returning ``[(title, url), ...]`` for its page, in a bounded number of queries.
RelatedLinkProvider = Callable[[Analysis], list[tuple[str, str]]]
RELATED_LINK_PROVIDERS: list[RelatedLinkProvider] = []


def related_links(analysis: Analysis) -> list[tuple[str, str]]:
    links = []
    for provider in RELATED_LINK_PROVIDERS:
        links.extend(provider(analysis))
    return links


def next_scheduled_publication(now: datetime) -> datetime | None:
    """When the next scheduled analysis or revision goes public by the clock (two queries)."""
    return min(
        filter(
            None,
            (
                Analysis.objects.filter(live_revision__isnull=False, publish_at__gt=now).aggregate(
                    moment=Min("publish_at")
                )["moment"],
                AnalysisRevision.objects.filter(published_at__gt=now).aggregate(
                    moment=Min("published_at")
                )["moment"],
            ),
        ),
        default=None,
    )
