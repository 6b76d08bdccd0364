"""Shared fixtures: one user per role, so every permission test can name who acts."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from core import roles
from tests.api.working_group_support import build_team
from tests.factories import UserFactory


def pytest_report_header(config):
    vendor = connection.vendor
    return f"database: {vendor} ({connection.settings_dict['NAME']})"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    terminalreporter.write_line(f"database vendor: {connection.vendor}")


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Hashed static files need `collectstatic`; tests use the plain storage instead."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def user_without_role(db):
    return UserFactory(username="no-role")


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", is_staff=True, groups=[roles.EDITORS])


@pytest.fixture
def publisher(db):
    return UserFactory(username="publisher", is_staff=True, groups=[roles.PUBLISHERS])


@pytest.fixture
def working_group_member(db):
    return UserFactory(username="member", groups=[roles.WORKING_GROUP])


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hashers are deliberately slow; tests only need them to round-trip.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_language_leaks_between_tests():
    # LocaleMiddleware leaves the request's language active in the test thread; without this
    # reset a test would see the language of whichever test ran before it.
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    # Throttle counters and cached pages live in the cache; each test starts without them.
    cache.clear()
    yield


@pytest.fixture
def uncached_pages(settings):
    """Query-count tests measure rendering; the page cache would answer without any."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def no_api_throttling(monkeypatch):
    """The API's rate limits off, for tests that call it more often than a client may."""
    monkeypatch.setattr("rest_framework.views.APIView.throttle_classes", [])


@pytest.fixture
def team(working_group_member):
    """A working group with tracks, members and tasks, the signed-in member among them."""
    return build_team(working_group_member)
