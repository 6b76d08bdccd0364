"""Search over published analyses, in the visitor's language.

PostgreSQL: full-text search over stored, GIN-indexed vectors (``SearchDocument``, one per
analysis, rebuilt here whenever its live revision or its region's name changes), ranked,
with ``SearchHeadline`` for the page's results only (``with_snippets``). SQLite
(development): every word must occur (``icontains``), highlighted in Python.
Either way the snippet carries its marked words between control characters, and the template
filter ``highlighted`` escapes it before it adds ``<mark>``, so the
text of an analysis can never inject HTML through the search page.
"""

import re

from django.conf import settings
from django.db import connection
from django.db.models import F, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat, NullIf
from django.utils.translation import get_language

from regions.models import Analysis, SearchDocument
from regions.selectors import public_listing

SEARCH_CONFIGS = {"nl": "dutch", "fr": "french", "de": "german", "en": "english"}
# The words a snippet marks stand between these control characters; the template filter
# ``highlighted`` (regions_tags) escapes the snippet and turns them into <mark>.
MARK_START, MARK_STOP = "\x02", "\x03"
MAX_QUERY_LENGTH = 200


def _localized(field: str, language: str, prefix: str = "live_revision__"):
    """The field in ``language``, falling back to Dutch as the pages do."""
    own = F(f"{prefix}{field}_{language}")
    dutch = F(f"{prefix}{field}_nl")
    return Coalesce(NullIf(own, Value("")), dutch, Value(""), output_field=TextField())


def _query_and_language(query: str) -> tuple[str, str]:
    """The query as searched (trimmed, bounded) and the page language it is searched in."""
    return query.strip()[:MAX_QUERY_LENGTH], get_language() or settings.LANGUAGE_CODE


def search_analyses(query: str) -> QuerySet[Analysis]:
    query, language = _query_and_language(query)
    if connection.vendor == "postgresql":
        return _search_postgres(query, language)
    return _search_fallback(query, language)


def document_vectors(revision, region, config_for=SEARCH_CONFIGS) -> dict:
    """The SearchDocument vectors of a revision and its region, per page language.

    Works on historical models too (migrations): it reads the per-language columns.
    """
    from django.contrib.postgres.search import SearchVector

    def text(source, field: str, language: str) -> str:
        return getattr(source, f"{field}_{language}") or getattr(source, f"{field}_nl") or ""

    vectors = {}
    for language, _name in settings.LANGUAGES:
        config = config_for.get(language, "simple")
        parts = [
            (region, "name", "A"),
            (revision, "title", "A"),
            (revision, "summary", "B"),
            (revision, "body", "C"),
        ]
        vector = None
        for source, field, weight in parts:
            part = SearchVector(Value(text(source, field, language)), weight=weight, config=config)
            vector = part if vector is None else vector + part
        vectors[f"vector_{language}"] = vector
    return vectors


def index_analysis(analysis_id: int, *, force: bool = False) -> None:
    """Rebuild one analysis' search document (PostgreSQL; a no-op elsewhere).

    Skipped when the stored document already belongs to the live revision, unless
    ``force`` (the region's name changed).
    """
    if connection.vendor != "postgresql":
        return
    analysis = (
        Analysis.objects.filter(pk=analysis_id, live_revision__isnull=False)
        .select_related("live_revision", "region")
        .first()
    )
    if analysis is None:
        SearchDocument.objects.filter(analysis_id=analysis_id).delete()
        return
    current = SearchDocument.objects.filter(
        analysis_id=analysis_id, revision_id=analysis.live_revision_id
    )
    if not force and current.exists():
        return
    SearchDocument.objects.update_or_create(
        analysis_id=analysis_id,
        defaults={
            "revision_id": analysis.live_revision_id,
            **document_vectors(analysis.live_revision, analysis.region),
        },
    )


def index_all() -> int:
    """Rebuild every search document (after a restore, after bulk loading); returns a count."""
    if connection.vendor != "postgresql":
        return 0
    ids = list(Analysis.objects.filter(live_revision__isnull=False).values_list("pk", flat=True))
    for analysis_id in ids:
        index_analysis(analysis_id, force=True)
    return len(ids)


def reindex_after_restore(sender, *, archive: bool, **kwargs) -> None:
    """A JSON backup leaves the search vectors out (derived data); a pg_restore brings them."""
    if not archive:
        index_all()


def _search_query(query: str, language: str):
    from django.contrib.postgres.search import SearchQuery

    config = SEARCH_CONFIGS.get(language, "simple")
    return SearchQuery(query, config=config, search_type="websearch")


def _search_postgres(query: str, language: str) -> QuerySet[Analysis]:
    from django.contrib.postgres.search import SearchRank

    vector = F(f"search_document__vector_{language}")
    search_query = _search_query(query, language)
    return (
        public_listing()
        .annotate(rank=SearchRank(vector, search_query))
        # A match (@@) needs every word; a positive rank alone would accept any word.
        .filter(**{f"search_document__vector_{language}": search_query})
        .order_by("-rank", "group_rank", "region__slug")
    )


def with_snippets(analyses: QuerySet[Analysis], query: str) -> list[Analysis]:
    """The analyses of one result page, each with a ``snippet`` around the query's words.

    Applied to the page's rows only: on PostgreSQL a headline annotation on the whole
    search would also make its count and its page of keys join every revision.
    """
    query, language = _query_and_language(query)
    if connection.vendor != "postgresql":
        rows = list(analyses)
        for analysis in rows:
            analysis.snippet = highlight_words(analysis.live_revision.summary, query)
        return rows
    from django.contrib.postgres.search import SearchHeadline

    text = Concat(
        _localized("summary", language),
        Value(" "),
        _localized("body", language),
        output_field=TextField(),
    )
    headline = SearchHeadline(
        text,
        _search_query(query, language),
        config=SEARCH_CONFIGS.get(language, "simple"),
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        max_words=35,
        min_words=15,
    )
    rows = list(analyses.annotate(headline=headline))
    for analysis in rows:
        analysis.snippet = analysis.headline
    return rows


def _search_fallback(query: str, language: str) -> QuerySet[Analysis]:
    condition = Q()
    for word in query.split():
        word_matches = Q()
        for field in ("title", "summary", "body"):
            word_matches |= Q(**{f"live_revision__{field}_{language}__icontains": word})
            word_matches |= Q(**{f"live_revision__{field}_nl__icontains": word})
        condition &= word_matches
    return public_listing().filter(condition)


def highlight_words(text: str, query: str, width: int = 240) -> str:
    """A snippet of ``text`` around the first match, its query words between the markers."""
    words = [w for w in query.split() if w]
    start = 0
    lowered = text.lower()
    positions = [lowered.find(w.lower()) for w in words if lowered.find(w.lower()) >= 0]
    if positions:
        start = max(0, min(positions) - width // 3)
    snippet = text[start : start + width].replace(MARK_START, "").replace(MARK_STOP, "")
    if words:
        pattern = re.compile(
            "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE
        )
        snippet = pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_STOP}", snippet)
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(text) else ""
    return f"{prefix}{snippet}{suffix}"


def analysis_saved(sender, instance, raw=False, **kwargs):
    """Every path that changes the live revision saves the analysis: services, reverts."""
    if not raw:
        index_analysis(instance.pk)


def region_saved(sender, instance, raw=False, **kwargs):
    """The region's name is part of the document (weight A, as the title)."""
    if not raw:
        for analysis_id in Analysis.objects.filter(region=instance).values_list("pk", flat=True):
            index_analysis(analysis_id, force=True)
