from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import get_language

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

    # A valid slug no analysis has, replaced by each item's slug (see location()).
    SLUG_PLACEHOLDER = "0-sitemap-slug-0"

    def __init__(self):
        self.address_patterns = {}  # language -> address with the placeholder slug

    def items(self):
        return Analysis.objects.public().order_by("pk").only("slug", "last_published_at")

    def location(self, item):
        """The item's address in the active language, reversed once per language and page.

        A page has 500 entries with four alternates each: reversing all 2,500 addresses
        was most of its cost. Slugs are URL-safe (SlugField), so substitution is exact.
        """
        language = get_language()
        if language not in self.address_patterns:
            self.address_patterns[language] = reverse(
                "regions:analysis", kwargs={"slug": self.SLUG_PLACEHOLDER}
            )
        return self.address_patterns[language].replace(self.SLUG_PLACEHOLDER, item.slug)

    def lastmod(self, item):
        return item.last_published_at

    @property
    def paginator(self):
        # Every analysis is published in every language, so the languages of any item do.
        return Paginator(LanguagePairs(self.items(), self.get_languages_for_item(None)), self.limit)

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default, which reads every item's lastmod.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]
