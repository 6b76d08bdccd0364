from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max

from regions.models import Analysis


class LanguagePairs:
    """The (analysis, language) entries of a translated sitemap, sliced in SQL.

    Django's ``Sitemap`` builds the pairs for every item before it paginates, so each page
    (and the index) would load every analysis; this sequence loads only the analyses a page
    shows and counts the rest with one query.
    """

    def __init__(self, queryset, languages):
        self.queryset = queryset
        self.languages = list(languages)

    def count(self):
        return self.queryset.count() * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("A sitemap page is read as a slice.")
        per_item = len(self.languages)
        first = index.start // per_item
        items = self.queryset[first : -(-index.stop // per_item)]
        pairs = [(item, language) for item in items for language in self.languages]
        offset = first * per_item
        return pairs[index.start - offset : index.stop - offset]


class AnalysisSitemap(Sitemap):
    """Listed analyses only: withdrawn ones keep their address but leave the sitemap."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    # Entries (one per analysis and language, each with its alternates) per sitemap page.
    limit = 500

    def items(self):
        return Analysis.objects.public().order_by("pk").only("slug", "last_published_at")

    def lastmod(self, item):
        return item.last_published_at

    @property
    def paginator(self):
        # Every analysis is published in every language, so the languages of any item do.
        return Paginator(LanguagePairs(self.items(), self.get_languages_for_item(None)), self.limit)

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default, which reads every item's lastmod.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]
