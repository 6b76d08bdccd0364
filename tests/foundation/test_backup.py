from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from core import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def backup(directory):
    call_command("backup_portal", directory=str(directory), stdout=StringIO())
    return next(directory.glob("*.json.gz"))


def test_restore_brings_back_accounts_with_their_roles(tmp_path):
    UserFactory(username="publisher-paula", groups=[roles.PUBLISHERS])
    archive = backup(tmp_path)
    get_user_model().objects.all().delete()

    call_command("restore_portal", str(archive), noinput=True, stdout=StringIO())

    restored = get_user_model().objects.get(username="publisher-paula")
    assert list(restored.groups.values_list("name", flat=True)) == [roles.PUBLISHERS]


def test_restore_replaces_content_added_after_the_backup(tmp_path):
    archive = backup(tmp_path)
    UserFactory(username="added-later")

    call_command("restore_portal", str(archive), noinput=True, stdout=StringIO())

    assert not get_user_model().objects.filter(username="added-later").exists()


def test_restore_of_a_missing_file_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore_portal", str(tmp_path / "nope.json.gz"), noinput=True)


@pytest.mark.postgres
def test_postgresql_backup_also_writes_a_pg_dump_archive(tmp_path):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_dump archives are written on PostgreSQL only")

    call_command("backup_portal", directory=str(tmp_path), stdout=StringIO())

    assert list(tmp_path.glob("*.pgdump"))
