from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import roles


class WorkingGroupConfig(AppConfig):
    name = "working_group"
    verbose_name = _("Working group")
    # Its models make up public pages: any change starts a new page-cache generation.
    public_content = True

    # What each role may do in this app (core.roles gathers these; Publishers also hold
    # everything Editors hold).
    role_permissions = {
        roles.WORKING_GROUP: (
            "working_group.view_workinggroup",
            "working_group.view_member",
            "working_group.view_track",
            "working_group.view_task",
            "working_group.add_task",
            "working_group.change_task",
            "working_group.view_comment",
            "working_group.add_comment",
            "working_group.view_milestone",
            "working_group.view_meeting",
            "working_group.view_decision",
        ),
    }

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
