from django.contrib.sitemaps import Sitemap

from regions.models import Analysis


class AnalysisSitemap(Sitemap):
    """Listed analyses only: withdrawn ones keep their address but leave the sitemap."""

    changefreq = "monthly"
    i18n = True
    alternates = True

    def items(self):
        return Analysis.objects.public().order_by("pk").only("slug", "last_published_at")

    def lastmod(self, item):
        return item.last_published_at
