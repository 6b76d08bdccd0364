"""Public pages (read-only) and the editors' preview; all reads go through selectors."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import translate_url
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core.markdown import render_markdown
from core.translated import current_language, served_language
from regions import parity, selectors
from regions.cards import analysis_cards
from regions.diff import compare_revisions
from regions.models import Analysis, AnalysisSlugRedirect, Topic
from regions.search import MAX_QUERY_LENGTH, search_analyses, with_snippets
from regions.sharing import usable_link_from_token


class IndexView(TemplateView):
    template_name = "regions/index.html"

    def get_context_data(self, **kwargs):
        page = selectors.paginate(selectors.page_listing(), self.request.GET.get("page"))
        cards = analysis_cards(page.object_list)
        return super().get_context_data(page_obj=page, cards=cards, **kwargs)


class TopicView(TemplateView):
    template_name = "regions/topic.html"

    def get_context_data(self, **kwargs):
        topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        analyses = selectors.page_listing(selectors.public_listing_on_topic(topic))
        page = selectors.paginate(analyses, self.request.GET.get("page"))
        cards = analysis_cards(page.object_list)
        return super().get_context_data(topic=topic, page_obj=page, cards=cards, **kwargs)


class SearchView(TemplateView):
    template_name = "regions/search.html"

    def get_context_data(self, **kwargs):
        # NUL bytes cannot reach PostgreSQL (a DataError, found by the bad-input battery).
        query = self.request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
        page = cards = None
        if query:
            page = selectors.paginate(
                selectors.page_listing(search_analyses(query)), self.request.GET.get("page")
            )
            page.object_list = with_snippets(page.object_list, query)
            cards = analysis_cards(page.object_list)
        return super().get_context_data(
            query=query,
            page_obj=page,
            cards=cards,
            # Kept on the page links, encoded once here.
            pagination_query=urlencode({"q": query}),
            **kwargs,
        )


def region_redirect(request, slug):
    """A region's address leads to its analysis (a region has exactly one)."""
    analysis = Analysis.objects.readable_at_address().filter(region__slug=slug).only("slug").first()
    if analysis is None:
        raise Http404(_("No published analysis for this region."))
    return redirect(analysis)


class AnalysisView(TemplateView):
    """The region page: the live revision, or the withdrawal notice over it."""

    template_name = "regions/analysis.html"

    def get(self, request, *args, **kwargs):
        self.analysis = selectors.analysis_page(kwargs["slug"])
        if self.analysis is None:
            moved = (
                AnalysisSlugRedirect.objects.filter(old_slug=kwargs["slug"])
                .select_related("analysis")
                .first()
            )
            if moved is None:
                raise Http404(_("No such analysis."))
            return HttpResponsePermanentRedirect(moved.analysis.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        revision = self.analysis.live_revision
        return super().get_context_data(
            analysis=self.analysis,
            revision=revision,
            **selectors.revision_lists(revision.pk),
            body_html=render_markdown(revision.body),
            history=selectors.change_history(self.analysis),
            sub_regions=selectors.published_sub_regions(self.analysis),
            related_links=selectors.related_links(self.analysis),
            parity_lag=translation_lags(revision),
            dutch_url=translate_url(self.request.path, parity.SOURCE),
            **kwargs,
        )


def translation_lags(revision) -> bool:
    """The page shows a translation made from an older Dutch text than the one live now."""
    language = current_language()
    if language == parity.SOURCE or served_language(revision, "body") != language:
        return False
    return revision.translation_status().get(language) == parity.OUTDATED


def _draft_context(analysis: Analysis, revision) -> dict:
    live = (
        selectors.revision_with_content(analysis.live_revision_id)
        if analysis.live_revision_id
        else None
    )
    return {
        "analysis": analysis,
        "revision": revision,
        **selectors.revision_lists(revision.pk),
        "body_html": render_markdown(revision.body),
        "history": selectors.change_history(analysis) if analysis.first_published_at else [],
        "is_preview": True,
        "changes": [d for d in compare_revisions(live, revision) if d.changed],
    }


@method_decorator(never_cache, name="dispatch")
class PreviewView(PermissionRequiredMixin, TemplateView):
    """Editors read the working draft (or ``?rev=``) exactly as the public page would show it."""

    template_name = "regions/analysis.html"
    permission_required = "regions.view_analysisrevision"

    def get_context_data(self, **kwargs):
        analysis = get_object_or_404(
            Analysis.objects.select_related("region__parent"), pk=kwargs["pk"]
        )
        requested = self.request.GET.get("rev", "")
        if requested and not requested.isdigit():
            raise Http404(_("No such revision."))
        working = analysis.working_revision
        revision_pk = requested or (working.pk if working else None)
        revision = selectors.revision_with_content(revision_pk) if revision_pk else None
        if revision is None or revision.analysis_id != analysis.pk:
            raise Http404(_("No such revision."))
        return super().get_context_data(**_draft_context(analysis, revision), **kwargs)


@method_decorator(never_cache, name="dispatch")
class SharedDraftView(TemplateView):
    """One draft for a reviewer without an account, while the share link is valid."""

    template_name = "regions/analysis.html"

    def get_context_data(self, **kwargs):
        link = usable_link_from_token(kwargs["token"])
        if link is None:
            raise Http404(_("This share link is invalid, expired or revoked."))
        revision = selectors.revision_with_content(link.revision_id)
        context = _draft_context(link.analysis, revision)
        context["shared_until"] = link.expires_at
        return super().get_context_data(**context, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
