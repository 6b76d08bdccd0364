"""Read-replica routing: anonymous public reads may use the replica, everything else the primary.

The rules (docs/decisions/0009-scale-out.md):

- Writes and migrations always go to the primary (``default``).
- Reads go to the replica only inside a request that ``ReplicaRoutingMiddleware`` found
  eligible: GET or HEAD, no session cookie and no ``Authorization`` header (anonymous,
  decided without a session query), not the admin or the members' area, and no
  read-your-writes pin. Outside requests (management commands, shell, tests, the task
  worker) every read goes to the primary.
- Read-your-writes: a response to an unsafe request, or to any request that wrote, carries a
  signed cookie that keeps that browser on the primary for ``REPLICA_PIN_SECONDS``. Within
  the request itself, reads after a write go to the primary.
- Fallback: the first read of an eligible request asks the replica one question. When it
  does not answer, the request reads from the primary and this process leaves the replica
  alone for ``REPLICA_RETRY_SECONDS``; a lost replica never turns into an error page.
- Freshness: after a request that wrote, and when a content change commits (page_cache.py,
  before it starts a new page-cache generation), the primary's WAL position goes into the
  shared cache; a replica that has not replayed up to it is skipped for that request. So a
  page rendered (and cached) right after a publish never shows the content from before it.
"""

import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.signing import BadSignature
from django.db import DatabaseError, connections

DEFAULT = "default"
REPLICA = "replica"
SAFE_METHODS = frozenset({"GET", "HEAD"})
PIN_COOKIE = "visie_primary_until"
PIN_SALT = "core.db_routing.pin"
WRITE_POSITION_KEY = "db_routing:primary_write_lsn"
REPLICA_RETRY_SECONDS = 5.0


@dataclass
class _RequestRouting:
    replica_allowed: bool
    read_alias: str | None = None
    wrote: bool = False


# A ContextVar, not a thread-local: it is reset when the request ends, so a decision can
# never leak into the next request served by the same thread.
_current: ContextVar[_RequestRouting | None] = ContextVar("visie_db_routing", default=None)

# Per process: while the replica is known to be down, don't pay a connection attempt per
# request.
_replica_down_until = 0.0


def replica_configured() -> bool:
    return REPLICA in connections.settings


def _private_prefixes() -> tuple[str, ...]:
    return tuple(
        f"/{code}/{area}/"
        for code, _name in settings.LANGUAGES
        for area in ("admin", "working-group/members")
    )


def request_may_read_replica(request) -> bool:
    """True for an anonymous, safe request to a public page (the routing rules above)."""
    if request.method not in SAFE_METHODS:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path_info.startswith(_private_prefixes()):
        return False
    return not _pinned_to_primary(request)


def _pinned_to_primary(request) -> bool:
    try:
        request.get_signed_cookie(PIN_COOKIE, salt=PIN_SALT, max_age=settings.REPLICA_PIN_SECONDS)
    except (KeyError, BadSignature):
        return False
    return True


def pin_to_primary(response) -> None:
    response.set_signed_cookie(
        PIN_COOKIE,
        "1",
        salt=PIN_SALT,
        max_age=settings.REPLICA_PIN_SECONDS,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _lsn(text: str) -> int:
    """A PostgreSQL WAL position ('16/B374D848') as a number that orders like the position."""
    high, low = text.split("/")
    return (int(high, 16) << 32) | int(low, 16)


def record_write_position() -> None:
    """Remember how far the primary's WAL got, so lagging replicas are skipped until then."""
    primary = connections[DEFAULT]
    if not replica_configured() or primary.vendor != "postgresql":
        return
    try:
        with primary.cursor() as cursor:
            # The insert position, not pg_current_wal_lsn() (written so far): with
            # synchronous_commit off, the commit record may not have been written yet.
            cursor.execute("SELECT pg_current_wal_insert_lsn()::text")
            position = _lsn(cursor.fetchone()[0])
    except DatabaseError:
        # The primary went away after the write: the response (a 503 already, most likely)
        # stands, and nothing newer than the fence can have been written.
        return
    # Not atomic across servers: two writers racing may store the lower of two positions,
    # which at worst serves one page from a replica a few milliseconds behind.
    if position > (cache.get(WRITE_POSITION_KEY) or 0):
        cache.set(WRITE_POSITION_KEY, position, timeout=None)


def replica_is_usable() -> bool:
    """Ask the replica whether it answers and has replayed the last recorded write."""
    global _replica_down_until
    if time.monotonic() < _replica_down_until:
        return False
    replica = connections[REPLICA]
    try:
        if replica.vendor != "postgresql":
            replica.ensure_connection()
            return True
        with replica.cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn()::text")
            replayed = cursor.fetchone()[0]
    except DatabaseError:
        _replica_down_until = time.monotonic() + REPLICA_RETRY_SECONDS
        # Drop the broken connection; the next attempt after the pause starts afresh.
        try:
            replica.close()
        except DatabaseError:
            pass
        return False
    if replayed is None:  # Not in recovery: the "replica" is a primary (tests mirror default).
        return True
    try:
        fence = cache.get(WRITE_POSITION_KEY) or 0
    except Exception:  # The cache backend's own errors (redis.ConnectionError, …).
        return False  # Freshness unknown: the primary is always fresh.
    return _lsn(replayed) >= fence


def forget_replica_state() -> None:
    """Clear the per-process 'replica down' pause (tests)."""
    global _replica_down_until
    _replica_down_until = 0.0


class ReplicaRoutingMiddleware:
    """Decides per request whether reads may use the replica; pins writers to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_configured():
            return self.get_response(request)
        state = _RequestRouting(replica_allowed=request_may_read_replica(request))
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if state.wrote or request.method not in SAFE_METHODS:
            pin_to_primary(response)
        if state.wrote:
            record_write_position()
        return response


class PrimaryReplicaRouter:
    """``DATABASE_ROUTERS`` entry; the decision itself is made by the middleware."""

    def db_for_read(self, model, **hints):
        state = _current.get()
        if state is None or not state.replica_allowed:
            return DEFAULT
        if state.read_alias is None:
            state.read_alias = REPLICA if replica_is_usable() else DEFAULT
        return state.read_alias

    def db_for_write(self, model, **hints):
        state = _current.get()
        if state is not None:
            state.wrote = True
            # Reads after a write in the same request see it.
            state.replica_allowed = False
        return DEFAULT

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data: objects read from either may be related.
        return {obj1._state.db, obj2._state.db} <= {DEFAULT, REPLICA} or None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT
