"""Security-environment analyses: regions, themes, and analyses published with revisions.

An ``Analysis`` is the stable address of one region's analysis; its content lives in
immutable ``AnalysisRevision`` rows. ``live_revision`` is what the public reads,
``draft_revision`` the single working draft editors change (one pointer, so "at most one
working draft" holds by construction). ``state`` is the editorial workflow state of that
working copy; whether the public sees anything is decided by ``AnalysisQuerySet.public()``
alone (see docs/decisions/0002-regions-publishing.md).

History (simple-history) of models with translated fields is registered in
``translation.py``, after modeltranslation added the per-language columns, so the
historical tables include them.
"""

from regions.models.analysis import (
    Analysis,
    AnalysisQuerySet,
    AnalysisRevision,
    AnalysisState,
    KeyFigure,
    Source,
    Trend,
)
from regions.models.publishing import AnalysisSlugRedirect, ShareLink
from regions.models.search import SearchDocument
from regions.models.taxonomy import (
    Country,
    Organisation,
    Region,
    RegionGroup,
    RegionKind,
    Topic,
    group_rank,
)

__all__ = [
    "Analysis",
    "AnalysisQuerySet",
    "AnalysisRevision",
    "AnalysisSlugRedirect",
    "AnalysisState",
    "Country",
    "KeyFigure",
    "Organisation",
    "Region",
    "RegionGroup",
    "RegionKind",
    "SearchDocument",
    "ShareLink",
    "Source",
    "Topic",
    "Trend",
    "group_rank",
]
