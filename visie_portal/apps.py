from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VisiePortalConfig(AppConfig):
    name = "visie_portal"
    verbose_name = _("Visie Portal")

    def ready(self):
        from visie_portal import page_cache
        from visie_portal.roles import sync_roles_after_migrate

        page_cache.connect_signals()

        # Permissions of the apps are created in post_migrate, after our data migration
        # has run; syncing again here gives each group the permissions of models added
        # by later migrations.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="visie_portal.sync_roles")
