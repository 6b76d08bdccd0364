"""Issue 9, acceptance 3: a second app server sharing Redis sees every invalidation.

"Server B" is a separate Python process (``manage.py shell``) that renders pages with
Django's test client against the same database and the same Redis; this test process is
"server A". Content is committed (transactional test) so that B can read it.
"""

import os

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers import run_manage
from tests.regions.factories import published_analysis, republished_analysis

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two processes need a shared database: runs on PostgreSQL (CI)",
    ),
]


@pytest.fixture
def shared_redis(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "visie",
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def render_on_server_b(address: str) -> str:
    database = connection.settings_dict
    database_url = (
        f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    )
    script = f"from django.test import Client; print(Client().get({address!r}).content.decode())"
    result = run_manage(
        "shell",
        "-c",
        script,
        env={
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "ALLOWED_HOSTS": "testserver",
            "PAGE_CACHE_SECONDS": "600",
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_page_cached_by_one_server_is_served_by_the_other(client, shared_redis):
    analysis = published_analysis(title_nl="Eerste titel")
    address = reverse("regions:analysis", kwargs={"slug": analysis.slug})
    assert "Eerste titel" in render_on_server_b(address)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)

    assert "Eerste titel" in response.text
    assert len(queries) == 0


def test_edit_on_one_server_invalidates_the_other_servers_cache(client, shared_redis):
    analysis = published_analysis(title_nl="Eerste titel")
    address = reverse("regions:analysis", kwargs={"slug": analysis.slug})
    assert "Eerste titel" in render_on_server_b(address)

    republished_analysis(analysis, title_nl="Herziene titel")

    page_on_b = render_on_server_b(address)
    assert "Herziene titel" in page_on_b
    assert "Eerste titel" not in page_on_b
