from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Security environment")

    def ready(self):
        from regions import selectors
        from visie_portal import page_cache

        # Scheduled publications change public pages without a write.
        if selectors.next_scheduled_publication not in page_cache.SCHEDULE_PROVIDERS:
            page_cache.SCHEDULE_PROVIDERS.append(selectors.next_scheduled_publication)
