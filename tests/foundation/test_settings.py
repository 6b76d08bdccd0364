import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.helpers import REPO_ROOT, run_manage
from visie_portal.config import database_from_url

SQLITE_DEFAULT = "/tmp/visie-default.sqlite3"


def test_unset_database_url_means_the_quick_start_sqlite_file():
    config = database_from_url(None, default_sqlite_path=SQLITE_DEFAULT)

    assert config == {"ENGINE": "django.db.backends.sqlite3", "NAME": SQLITE_DEFAULT}


def test_empty_database_url_is_treated_as_unset():
    config = database_from_url("  ", default_sqlite_path=SQLITE_DEFAULT)

    assert config["ENGINE"] == "django.db.backends.sqlite3"


def test_postgres_url_gives_the_postgresql_backend():
    config = database_from_url(
        "postgres://portal:secret@db.example.org:5433/visie", default_sqlite_path=SQLITE_DEFAULT
    )

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"], config["USER"]) == (
        "visie",
        "db.example.org",
        5433,
        "portal",
    )


@pytest.mark.parametrize(
    "bad_url",
    ["not a url", "mysql://root@localhost/visie", "postgres//missing-colon", "ftp://x/y"],
)
def test_malformed_database_url_is_refused_with_a_clear_message(bad_url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL is not a valid database URL"):
        database_from_url(bad_url, default_sqlite_path=SQLITE_DEFAULT)


def test_database_url_without_a_database_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="names no database"):
        database_from_url("postgres://postgres@127.0.0.1:5432", default_sqlite_path=SQLITE_DEFAULT)


def test_error_message_hides_the_database_password():
    with pytest.raises(ImproperlyConfigured) as error:
        database_from_url("mysql://portal:hunter2@db/visie", default_sqlite_path=SQLITE_DEFAULT)

    assert "hunter2" not in str(error.value)


def test_manage_py_stops_with_the_message_for_a_bad_database_url():
    result = run_manage("check", env={"DATABASE_URL": "nonsense"})

    assert result.returncode != 0
    assert "DATABASE_URL is not a valid database URL" in result.stderr


def test_manage_py_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_manage("check", env={"DEBUG": "0", "SECRET_KEY": ""})

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_deploy_check_reports_no_issues_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DEBUG": "0",
            "SECRET_KEY": "k3v9-Qx7_pLw2mZ8rT4yN6bV1cX5sD0fG3hJ7kL9aS2dF4gH6jK8lZ0xC2vB4nM6",
            "ALLOWED_HOSTS": "example.org",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_when_the_page_cache_is_not_shared_between_processes():
    result = run_manage(
        "check",
        "--deploy",
        env={
            "DEBUG": "0",
            "SECRET_KEY": "k3v9-Qx7_pLw2mZ8rT4yN6bV1cX5sD0fG3hJ7kL9aS2dF4gH6jK8lZ0xC2vB4nM6",
            "ALLOWED_HOSTS": "example.org",
            "REDIS_URL": "",
        },
    )

    assert "core.W001" in result.stderr + result.stdout


def test_time_zone_and_languages_are_belgian(settings):
    assert settings.TIME_ZONE == "Europe/Brussels"
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _name in settings.LANGUAGES] == ["nl", "fr", "de", "en"]


def _variables_the_settings_read() -> set[str]:
    settings_source = (REPO_ROOT / "visie_portal" / "settings.py").read_text()
    return set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', settings_source))


def _variables_in_section(document: str, heading: str) -> set[str]:
    """The ``NAMES`` in backticks in one ``## heading`` section of a Markdown document."""
    section = (REPO_ROOT / document).read_text().split(f"## {heading}", 1)[1]
    section = section.split("\n## ", 1)[0]
    return set(re.findall(r"`([A-Z][A-Z_]+)`", section))


def test_every_environment_variable_the_settings_read_is_documented_in_the_readme():
    read = _variables_the_settings_read()

    assert read and read - _variables_in_section("README.md", "Configuration") == set()


def test_the_deployment_guide_lists_exactly_the_variables_the_settings_read():
    documented = _variables_in_section("docs/deploy.md", "Environment variables")

    assert documented == _variables_the_settings_read()
