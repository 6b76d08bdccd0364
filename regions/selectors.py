"""Reads for the public pages, each a fixed number of queries whatever the data size."""

from collections.abc import Callable
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Case, IntegerField, Min, Q, QuerySet, Value, When
from django.utils import timezone

from regions.models import Analysis, AnalysisRevision, RegionGroup

PAGE_SIZE = 50


def _group_rank() -> Case:
    """The seed's order of the groups (peripheries, Central Africa, themes), not alphabetical."""
    return Case(
        *[When(region__group=group, then=Value(rank)) for rank, group in enumerate(RegionGroup)],
        output_field=IntegerField(),
    )


def public_listing() -> QuerySet[Analysis]:
    """Public analyses with what a list item shows: region, parent, live title/summary/trend."""
    return (
        Analysis.objects.public()
        .select_related("region__parent", "live_revision")
        .annotate(group_rank=_group_rank())
        .order_by("group_rank", "region__order", "region__slug")
    )


def published_sub_regions(analysis: Analysis) -> QuerySet[Analysis]:
    """The published analyses of a region's sub-regions (one level, a handful at most)."""
    return public_listing().filter(region__parent_id=analysis.region_id)[:PAGE_SIZE]


def paginate(queryset, page_number, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(page_number)


def analysis_for_address(slug: str) -> Analysis | None:
    """A published or withdrawn analysis at ``slug``, with everything its page shows."""
    return (
        Analysis.objects.readable_at_address()
        .with_live_content()
        .select_related("region__parent")
        .filter(slug=slug)
        .first()
    )


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
