import pytest
from django.contrib.auth.models import Group, Permission

from core import roles


@pytest.mark.django_db
def test_migrations_create_the_three_role_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Publishers",
        "Working group",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", roles.ROLE_NAMES)
def test_each_group_holds_exactly_the_permissions_named_in_code(role):
    group = Group.objects.get(name=role)
    held = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }

    assert held == set(roles.role_permissions()[role])


@pytest.mark.django_db
def test_every_permission_named_in_the_role_table_exists():
    for role, names in roles.role_permissions().items():
        for name in names:
            app_label, codename = name.split(".", 1)
            assert Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).exists(), f"{role} names unknown permission {name}"


def test_publishers_hold_everything_editors_hold():
    assert set(roles.role_permissions()[roles.EDITORS]) <= set(
        roles.role_permissions()[roles.PUBLISHERS]
    )


@pytest.mark.django_db
def test_syncing_roles_again_changes_nothing():
    from django.apps import apps

    before = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    roles.sync_roles(apps)
    after = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}

    assert before == after
