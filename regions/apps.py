from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Security environment")

    def ready(self):
        from django.db.models.signals import post_save

        from regions import search, selectors
        from regions.models import Analysis, Region
        from visie_portal import page_cache

        post_save.connect(search.analysis_saved, sender=Analysis, dispatch_uid="search-analysis")
        post_save.connect(search.region_saved, sender=Region, dispatch_uid="search-region")

        # Scheduled publications change public pages without a write.
        if selectors.next_scheduled_publication not in page_cache.SCHEDULE_PROVIDERS:
            page_cache.SCHEDULE_PROVIDERS.append(selectors.next_scheduled_publication)
