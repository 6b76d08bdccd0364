"""What makes an app server replaceable by another (docs/deploy.md, ADR 0009)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import override

from budget.models import ReviewLine
from tests.budget.factories import YearlyReviewFactory
from tests.helpers import run_manage

PRIMARY = "postgres://postgres@127.0.0.1:5432/visie"


def _setting(expression: str, **env: str):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        f"import json; from django.conf import settings; print(json.dumps({expression}))",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_sessions_are_kept_in_the_database(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_with_redis_budget_import_uploads_wait_in_the_shared_cache():
    storage = _setting(
        "settings.IMPORT_EXPORT_TMP_STORAGE_CLASS", REDIS_URL="redis://127.0.0.1:6379/5"
    )

    assert storage == "import_export.tmp_storages.CacheStorage"


@pytest.mark.django_db
def test_a_budget_import_is_confirmed_from_the_cache_storage(client, editor, settings):
    settings.IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
    YearlyReviewFactory(legislature__name="2014–2019", year=2015)
    client.force_login(editor)
    with override("en"):
        upload_url = reverse("admin:budget_reviewline_import")
        confirm_url = reverse("admin:budget_reviewline_process_import")
    csv = "id,legislature,year,kind,purpose,requested,granted\n"
    csv += ",2014–2019,2015,payment,debt_repayment,60000000.00,0\n"
    upload = client.post(
        upload_url, {"format": "0", "import_file": SimpleUploadedFile("l.csv", csv.encode())}
    )

    client.post(confirm_url, upload.context["confirm_form"].initial)

    assert ReviewLine.objects.count() == 1


def test_the_replica_alias_is_a_test_mirror_of_the_primary():
    replica = _setting(
        "settings.DATABASES['replica']",
        DATABASE_URL=PRIMARY,
        REPLICA_DATABASE_URL="postgres://postgres@127.0.0.1:5433/visie",
    )

    assert (replica["PORT"], replica["TEST"]["MIRROR"]) == (5433, "default")


def test_a_replica_of_another_engine_than_the_primary_is_refused():
    result = run_manage(
        "check", env={"DATABASE_URL": PRIMARY, "REPLICA_DATABASE_URL": "sqlite:////tmp/r.sqlite3"}
    )

    assert result.returncode != 0
    assert "REPLICA_DATABASE_URL must use the same engine as DATABASE_URL" in result.stderr


def test_a_malformed_replica_url_is_named_in_the_error():
    result = run_manage("check", env={"REPLICA_DATABASE_URL": "mysql://root@db/visie"})

    assert "REPLICA_DATABASE_URL is not a valid database URL" in result.stderr
