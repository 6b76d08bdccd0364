"""The portal's roles: group names and the permissions of each, in one place.

A data migration creates the groups on a fresh database; ``post_migrate`` keeps their
permissions equal to this table as apps add models (Django creates model permissions
only after migrations have run). A test checks that every permission named here exists,
so a typo cannot silently grant nothing.
"""

EDITORS = "Editors"
PUBLISHERS = "Publishers"
WORKING_GROUP = "Working group"

ROLE_NAMES = (EDITORS, PUBLISHERS, WORKING_GROUP)

# "app_label.codename" per group. Publishers also hold everything Editors hold.
_EDITOR_PERMISSIONS = (
    # regions
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
    # budget
    "budget.view_legislature",
    "budget.add_yearlyreview",
    "budget.change_yearlyreview",
    "budget.view_yearlyreview",
    "budget.add_reviewline",
    "budget.change_reviewline",
    "budget.delete_reviewline",
    "budget.view_reviewline",
    "budget.add_reviewsource",
    "budget.change_reviewsource",
    "budget.delete_reviewsource",
    "budget.view_reviewsource",
    "budget.view_reviewchange",
)
_PUBLISHER_PERMISSIONS = (
    # regions
    "regions.publish_analysis",
    "regions.force_publish_analysis",
    "regions.unpublish_analysis",
    "regions.archive_analysis",
    "regions.delete_region",
    "regions.delete_topic",
    "regions.delete_organisation",
    "regions.delete_country",
    # budget
    "budget.change_decided_review",
    "budget.delete_yearlyreview",
    "budget.add_legislature",
    "budget.change_legislature",
)
_WORKING_GROUP_PERMISSIONS = (
    # working_group
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
)

ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    EDITORS: _EDITOR_PERMISSIONS,
    PUBLISHERS: _EDITOR_PERMISSIONS + _PUBLISHER_PERMISSIONS,
    WORKING_GROUP: _WORKING_GROUP_PERMISSIONS,
}


def sync_roles(apps) -> None:
    """Create the groups and set each one's permissions to exactly the table above.

    ``apps`` is a migration's historical registry or the real one; permissions that do
    not exist yet (their model's migration has not run) are picked up by the next sync.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, names in ROLE_PERMISSIONS.items():
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
