from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkingGroupConfig(AppConfig):
    name = "working_group"
    verbose_name = _("Working group")

    def ready(self):
        from budget import selectors as budget_selectors
        from regions import selectors as regions_selectors
        from working_group import links, progress

        # Tracks' and milestones' progress is read from tallies kept with every task write.
        progress.connect_signals()

        # The region and budget pages list what public tasks link them to.
        for providers, provider in (
            (regions_selectors.RELATED_LINK_PROVIDERS, links.links_for_analysis),
            (budget_selectors.RELATED_LINK_PROVIDERS, links.links_for_review),
        ):
            if provider not in providers:
                providers.append(provider)
