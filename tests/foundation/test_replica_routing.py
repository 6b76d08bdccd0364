"""The read-replica router, rule by rule (core/db_routing.py, ADR 0009).

The replica is a second connection to the test database (as ``TEST: MIRROR`` configures
it), or a closed port for the fallback. Which alias a request reads from is what the view
below reports: the alias Django picks for a query made during the request.
"""

import socket
import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.db import connections, router
from django.http import HttpResponse
from django.test import RequestFactory

from core import db_routing
from core.db_routing import (
    DEFAULT,
    PIN_COOKIE,
    PIN_SALT,
    REPLICA,
    WRITE_POSITION_KEY,
    ReplicaRoutingMiddleware,
)
from regions.models import Region
from tests.regions.factories import RegionFactory, published_analysis


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _install_replica(request, settings_dict, *, transaction=False):
    # Configured as settings.py does it (a test mirror of the default database), then
    # declared to the test case before its database set-up runs, as Django requires.
    settings_dict["TEST"] = {**settings_dict["TEST"], "MIRROR": DEFAULT}
    connections.settings[REPLICA] = settings_dict
    # Django's test case asks each alias whether it supports transactions, and SQLite finds
    # out by opening the database, which an unreachable replica cannot. Both do.
    connections[REPLICA].features.supports_transactions = True
    db_routing.forget_replica_state()
    # Registered before the database fixture so that it runs after the test case's teardown.
    request.node.addfinalizer(_remove_replica)
    request.node.add_marker(
        pytest.mark.django_db(databases=[DEFAULT, REPLICA], transaction=transaction)
    )
    request.getfixturevalue("db")


def _remove_replica():
    if REPLICA in connections.settings:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]
    db_routing.forget_replica_state()


def _unreachable(settings_dict):
    if settings_dict["ENGINE"] == "django.db.backends.postgresql":
        return {**settings_dict, "HOST": "127.0.0.1", "PORT": _closed_port()}
    return {**settings_dict, "NAME": "/nonexistent-directory/replica.sqlite3"}


@pytest.fixture
def replica(request, django_db_setup, tmp_path):
    """A reachable replica: on PostgreSQL the test database through a connection of its own;
    on SQLite, whose in-memory test database locks across connections, a file of its own."""
    settings_dict = {**connections[DEFAULT].settings_dict}
    if settings_dict["ENGINE"] != "django.db.backends.postgresql":
        settings_dict["NAME"] = str(tmp_path / "replica.sqlite3")
    _install_replica(request, settings_dict)


@pytest.fixture
def dead_replica(request, django_db_setup):
    # Transactional: a test case opens a transaction on every alias, which an unreachable
    # replica refuses; a transactional one leaves mirrors alone.
    _install_replica(request, _unreachable(connections[DEFAULT].settings_dict), transaction=True)


def _reads_from(request) -> str:
    """Run ``request`` through the middleware; answer the alias its reads used."""
    return _respond(request).content.decode()


def _respond(request, view=None):
    def report_read_alias(request):
        return HttpResponse(Region.objects.all().db)

    return ReplicaRoutingMiddleware(view or report_read_alias)(request)


factory = RequestFactory()


def test_anonymous_get_of_a_public_page_reads_from_the_replica(replica):
    assert _reads_from(factory.get("/nl/security-environment/")) == REPLICA


def test_anonymous_head_request_reads_from_the_replica(replica):
    seen = []

    def view(request):
        seen.append(Region.objects.all().db)
        return HttpResponse()

    _respond(factory.head("/nl/budget/"), view)

    assert seen == [REPLICA]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_unsafe_requests_read_from_the_primary(replica, method):
    request = getattr(factory, method)("/api/v1/working-group/tasks/")

    assert _reads_from(request) == DEFAULT


def test_a_session_cookie_sends_reads_to_the_primary(replica, settings):
    request = factory.get("/nl/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")

    assert _reads_from(request) == DEFAULT


def test_an_authorization_header_sends_api_reads_to_the_primary(replica):
    request = factory.get("/api/v1/working-group/tasks/", HTTP_AUTHORIZATION="Token abc")

    assert _reads_from(request) == DEFAULT


@pytest.mark.parametrize(
    "path",
    ["/nl/admin/", "/fr/admin/regions/analysis/", "/en/working-group/members/", "/de/admin/"],
)
def test_the_admin_and_the_members_area_read_from_the_primary(replica, path):
    assert _reads_from(factory.get(path)) == DEFAULT


def test_public_working_group_page_reads_from_the_replica(replica):
    assert _reads_from(factory.get("/en/working-group/")) == REPLICA


def test_a_response_to_an_unsafe_request_pins_the_browser_to_the_primary(replica, settings):
    response = _respond(factory.post("/i18n/setlang/"))

    cookie = response.cookies[PIN_COOKIE]
    assert cookie["max-age"] == settings.REPLICA_PIN_SECONDS
    assert cookie["httponly"]


def test_a_pinned_browser_reads_from_the_primary(replica):
    pinned = _respond(factory.post("/i18n/setlang/")).cookies[PIN_COOKIE].value
    request = factory.get("/nl/", HTTP_COOKIE=f"{PIN_COOKIE}={pinned}")

    assert _reads_from(request) == DEFAULT


def test_the_pin_ends_after_replica_pin_seconds(replica, settings):
    signer = signing.get_cookie_signer(salt=PIN_COOKIE + PIN_SALT)
    past = int(time.time()) - settings.REPLICA_PIN_SECONDS - 1
    signer.timestamp = lambda: signing.b62_encode(past)
    request = factory.get("/nl/", HTTP_COOKIE=f"{PIN_COOKIE}={signer.sign('1')}")

    assert _reads_from(request) == REPLICA


def test_a_forged_pin_is_ignored(replica):
    request = factory.get("/nl/", HTTP_COOKIE=f"{PIN_COOKIE}=1:forged:signature")

    assert _reads_from(request) == REPLICA


def test_a_write_during_a_safe_request_moves_later_reads_to_the_primary_and_pins(replica):
    def write_then_read(request):
        RegionFactory()
        return HttpResponse(Region.objects.all().db)

    response = _respond(factory.get("/nl/"), write_then_read)

    assert response.content.decode() == DEFAULT
    assert PIN_COOKIE in response.cookies


def test_writes_go_to_the_primary_even_during_a_replica_read(replica):
    seen = []

    def read_then_write(request):
        seen.append(Region.objects.all().db)
        seen.append(router.db_for_write(Region))
        return HttpResponse()

    _respond(factory.get("/nl/"), read_then_write)

    assert seen == [REPLICA, DEFAULT]


def test_reads_outside_a_request_use_the_primary(replica):
    _respond(factory.get("/nl/"))  # A request before must leave nothing behind.

    assert Region.objects.all().db == DEFAULT


def test_migrations_run_only_on_the_primary():
    assert router.allow_migrate(DEFAULT, "regions")
    assert not router.allow_migrate(REPLICA, "regions")


def test_objects_read_from_the_replica_may_be_related_to_objects_from_the_primary():
    from_replica, from_primary = Region(), Region()
    from_replica._state.db, from_primary._state.db = REPLICA, DEFAULT

    assert router.allow_relation(from_replica, from_primary)


def test_an_unreachable_replica_falls_back_to_the_primary(dead_replica):
    assert _reads_from(factory.get("/nl/")) == DEFAULT


def test_after_a_failure_the_replica_is_left_alone_for_a_while(dead_replica):
    _reads_from(factory.get("/nl/"))
    # The replica comes back, but this process only tries again after the pause.
    connections[REPLICA].close()
    reachable = connections[DEFAULT].settings_dict
    connections.settings[REPLICA].update({key: reachable[key] for key in ("NAME", "HOST", "PORT")})
    del connections[REPLICA]

    assert _reads_from(factory.get("/nl/")) == DEFAULT


def test_a_public_page_answers_while_the_replica_is_unreachable(dead_replica, client):
    analysis = published_analysis()

    response = client.get(analysis.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.django_db
def test_without_a_replica_responses_carry_no_pin(client):
    response = client.post("/i18n/setlang/", {"language": "fr"})

    assert PIN_COOKIE not in response.cookies


def test_wal_positions_order_like_postgresql():
    assert db_routing._lsn("1/0") > db_routing._lsn("0/FFFFFFFF")
    assert db_routing._lsn("16/B374D848") > db_routing._lsn("16/B374D847")


@pytest.mark.postgres
def test_a_request_that_wrote_records_the_primary_write_position(replica):
    if connections[DEFAULT].vendor != "postgresql":
        pytest.skip("WAL positions exist on PostgreSQL only")

    def write(request):
        RegionFactory()
        return HttpResponse()

    _respond(factory.post("/nl/admin/"), write)

    assert cache.get(WRITE_POSITION_KEY) > 0


@pytest.mark.postgres
def test_a_replica_that_is_not_a_standby_counts_as_up_to_date(replica):
    if connections[DEFAULT].vendor != "postgresql":
        pytest.skip("WAL positions exist on PostgreSQL only")
    cache.set(WRITE_POSITION_KEY, db_routing._lsn("FFFF/0"))

    assert _reads_from(factory.get("/nl/")) == REPLICA


@pytest.mark.postgres
def test_a_content_change_moves_the_fence_when_it_commits(
    replica, django_capture_on_commit_callbacks
):
    if connections[DEFAULT].vendor != "postgresql":
        pytest.skip("WAL positions exist on PostgreSQL only")

    with django_capture_on_commit_callbacks(execute=True):
        RegionFactory()

    assert cache.get(WRITE_POSITION_KEY) > 0
