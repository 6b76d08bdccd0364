"""The portal's roles: the group names, and the table of what each group may do.

Each app declares what its roles may do in its ``AppConfig.role_permissions`` (a mapping
of role name to "app_label.codename" strings), so the core names no app's permissions.
A data migration creates the groups on a fresh database; ``post_migrate`` keeps their
permissions equal to the table as apps add models (Django creates model permissions only
after migrations have run). A test checks that every permission named exists, so a typo
cannot silently grant nothing.
"""

EDITORS = "Editors"
PUBLISHERS = "Publishers"
WORKING_GROUP = "Working group"

ROLE_NAMES = (EDITORS, PUBLISHERS, WORKING_GROUP)


def role_permissions() -> dict[str, tuple[str, ...]]:
    """Every role's permissions, gathered from the installed apps.

    Publishers also hold everything Editors hold: a publisher can always do an editor's work.
    """
    from django.apps import apps

    table: dict[str, list[str]] = {role: [] for role in ROLE_NAMES}
    for app_config in apps.get_app_configs():
        for role, names in getattr(app_config, "role_permissions", {}).items():
            table[role].extend(names)
    table[PUBLISHERS] = table[EDITORS] + table[PUBLISHERS]
    return {role: tuple(dict.fromkeys(names)) for role, names in table.items()}


def sync_roles(apps) -> None:
    """Create the groups and set each one's permissions to exactly the table above.

    ``apps`` is a migration's historical registry or the real one; permissions that do
    not exist yet (their model's migration has not run) are picked up by the next sync.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, names in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = set()
        for name in names:
            app_label, codename = name.split(".", 1)
            wanted.update(
                Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).values_list("pk", flat=True)
            )
        group.permissions.set(wanted)


def sync_roles_after_migrate(sender, **kwargs) -> None:
    """Re-sync after each app's permissions were created (a handful of queries)."""
    from django.apps import apps as global_apps

    sync_roles(kwargs.get("apps") or global_apps)
