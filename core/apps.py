from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The portal's shared machinery; it imports no other app of the portal."""

    name = "core"
    verbose_name = _("Visie Portal")

    def ready(self):
        from core import page_cache
        from core.roles import sync_roles_after_migrate
        from core.text import strip_control_characters_before_save

        page_cache.connect_signals()
        # Every model, so no form, serializer or service can store a stray control character.
        pre_save.connect(strip_control_characters_before_save, dispatch_uid="core.text")

        # Permissions of the apps are created in post_migrate, after our data migration
        # has run; syncing again here gives each group the permissions of models added
        # by later migrations.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="core.sync_roles")
