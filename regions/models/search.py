"""Stored search vectors: what makes search cost the same with 20 or 20,000 analyses."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.models.analysis import Analysis, AnalysisRevision


class SearchDocument(models.Model):
    """The live text of one analysis as a search vector per page language (PostgreSQL).

    Derived data, not content: rebuilt by ``regions.search`` from the live revision and
    the region's name whenever either changes, never edited, never audited, left out of
    JSON backups (rebuilt on restore). Each vector reads the language's text and falls
    back to Dutch, as the pages do. The GIN index on each vector exists on PostgreSQL only
    (migration 0004); on SQLite the table stays empty and search matches words instead.
    Whether an analysis may be found is still decided by ``Analysis.objects.public()``.
    """

    analysis = models.OneToOneField(
        Analysis,
        verbose_name=_("analysis"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    revision = models.ForeignKey(
        AnalysisRevision,
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The live revision the vectors were built from."),
    )
    vector_nl = SearchVectorField(null=True)
    vector_fr = SearchVectorField(null=True)
    vector_de = SearchVectorField(null=True)
    vector_en = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return str(self.analysis_id)
