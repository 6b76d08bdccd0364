"""The listing cards (regions index, topic pages, search results) as plain values.

``regions/_cards.html`` lays them out and escapes every value. Each card is a dict (a
template looks a name up in a dict before trying an attribute), and the addresses of a
list cost one reverse().
"""

from core.addresses import address_maker
from core.translated import served_text


def analysis_cards(analyses) -> list[dict]:
    """A card per analysis of ``selectors.page_listing()``; a search result's ``snippet``
    (already escaped and marked) takes its summary's place."""
    address = address_maker("regions:analysis", "slug", "analysis-address-sentinel")
    return [_card(analysis, address) for analysis in analyses]


def _card(analysis, address) -> dict:
    region = analysis.region
    revision = analysis.live_revision
    return {
        "address": address(analysis.slug),
        "group": region.group,
        "name": served_text(region, "name"),
        "parent": region.parent.name if region.parent_id is not None else None,
        "title": served_text(revision, "title"),
        "summary": served_text(revision, "summary"),
        "snippet": getattr(analysis, "snippet", None),
        "trend": revision.trend,
        "last_published_at": analysis.last_published_at,
    }
