from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import roles


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Security environment")
    # Its models make up public pages: any change starts a new page-cache generation.
    public_content = True

    # What each role may do in this app (core.roles gathers these; Publishers also hold
    # everything Editors hold).
    role_permissions = {
        roles.EDITORS: (
            "regions.view_region",
            "regions.add_region",
            "regions.change_region",
            "regions.view_topic",
            "regions.add_topic",
            "regions.change_topic",
            "regions.view_organisation",
            "regions.add_organisation",
            "regions.change_organisation",
            "regions.view_country",
            "regions.add_country",
            "regions.change_country",
            "regions.view_analysis",
            "regions.add_analysis",
            "regions.change_analysis",
            "regions.submit_analysis",
            "regions.view_analysisrevision",
            "regions.add_analysisrevision",
            "regions.view_keyfigure",
            "regions.add_keyfigure",
            "regions.view_source",
            "regions.add_source",
            "regions.view_analysisslugredirect",
            "regions.view_sharelink",
            "regions.add_sharelink",
            "regions.change_sharelink",
        ),
        roles.PUBLISHERS: (
            "regions.publish_analysis",
            "regions.force_publish_analysis",
            "regions.unpublish_analysis",
            "regions.archive_analysis",
            "regions.delete_region",
            "regions.delete_topic",
            "regions.delete_organisation",
            "regions.delete_country",
        ),
    }

    def ready(self):
        from django.db.models.signals import post_save

        from core import page_cache
        from core.signals import content_restored
        from regions import search, selectors
        from regions.models import Analysis, Region

        post_save.connect(search.analysis_saved, sender=Analysis, dispatch_uid="search-analysis")
        post_save.connect(search.region_saved, sender=Region, dispatch_uid="search-region")
        content_restored.connect(search.reindex_after_restore, dispatch_uid="search-restore")

        # Scheduled publications change public pages without a write.
        if selectors.next_scheduled_publication not in page_cache.SCHEDULE_PROVIDERS:
            page_cache.SCHEDULE_PROVIDERS.append(selectors.next_scheduled_publication)
