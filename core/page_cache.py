"""Whole-response cache for anonymous public pages and public API reads.

Correctness comes from one *content generation*: a token kept in the shared cache (Redis
when ``REDIS_URL`` is set, so every app server sees the same one). Cached responses are
stored under the token that was current when they were made. Any save, delete or relation
change of a domain model replaces the token, so the very next anonymous request on any
server misses and renders fresh content; old entries simply expire.

Visibility can also change without a write: scheduled publishing (an analysis whose
``publish_at`` arrives) and dates shown relative to today. Every app registers a function
that returns its next such moment (``SCHEDULE_PROVIDERS``); the generation records the
earliest one (or the next local midnight) and is replaced when that moment has passed.

Only what is the same for every anonymous visitor is cached: GET/HEAD without an
``Authorization`` header from a visitor who is not signed in, answered with 200 or a
redirect, without cookies, CSRF token or CSP nonce, and not marked private/no-store
(previews and share links are ``never_cache``). See docs/decisions/0011-page-cache.md.
"""

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import checks
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_response_headers, set_response_etag
from django.utils.http import http_date
from django.utils.translation import get_language

from core.db_routing import record_write_position

GENERATION_KEY = "page-cache:generation"
CACHEABLE_STATUSES = frozenset({200, 301, 302})
# Headers that belong to one response only; the rest is replayed from the cache. The ETag
# is replayed: it is a digest of the stored content, computed once when it is stored
# rather than by ConditionalGetMiddleware on every replay (0.5 ms for a 250 KiB sitemap).
PER_RESPONSE_HEADERS = frozenset({"set-cookie", "date", "last-modified"})

# Each app registers a callable ``(now) -> datetime | None``: the next moment its public
# content changes by the clock alone (e.g. a scheduled publication).
ScheduleProvider = Callable[[datetime], datetime | None]
SCHEDULE_PROVIDERS: list[ScheduleProvider] = []


def is_enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


# --- The content generation -----------------------------------------------------------


def _next_local_midnight(now: datetime) -> datetime:
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))


def _next_scheduled_moments(now: datetime) -> list[datetime]:
    try:
        return [moment for provider in SCHEDULE_PROVIDERS if (moment := provider(now))]
    except (OperationalError, InterfaceError):
        # Database down: the page itself will answer 503; ask again shortly.
        return [now + timedelta(seconds=5)]


def _new_generation(now: datetime) -> dict:
    moments = [_next_local_midnight(now), *_next_scheduled_moments(now)]
    generation = {"token": secrets.token_hex(8), "changed_at": now, "valid_until": min(moments)}
    cache.set(GENERATION_KEY, generation, timeout=None)
    return generation


def current_generation() -> dict:
    """The live generation; a new one when none exists or a scheduled moment has passed."""
    now = timezone.now()
    generation = cache.get(GENERATION_KEY)
    if generation is None or now >= generation["valid_until"]:
        generation = _new_generation(now)
    return generation


def content_changed() -> None:
    """Start a new generation now and again when the surrounding transaction commits.

    The immediate bump covers code running in the same transaction; the bump on commit
    drops whatever another request cached from the old data while the transaction ran.
    """
    cache.delete(GENERATION_KEY)
    transaction.on_commit(_new_generation_after_commit)


def _new_generation_after_commit() -> None:
    # The replica fence moves first: a request that starts the next generation must not
    # render it from a replica that has not replayed this change yet (db_routing.py).
    record_write_position()
    cache.delete(GENERATION_KEY)


def _on_model_change(sender, **kwargs):
    # Apps whose models make up public content (pages, lists, feeds, API) say so in their
    # AppConfig (``public_content = True``); the core names no app.
    if getattr(sender._meta.app_config, "public_content", False):
        content_changed()


def _on_migrate(sender, **kwargs):
    # A deploy runs `migrate`: pages rendered by the previous code must not outlive it.
    cache.delete(GENERATION_KEY)


def connect_signals() -> None:
    post_migrate.connect(_on_migrate, dispatch_uid="page_cache_migrate")
    post_save.connect(_on_model_change, dispatch_uid="page_cache_save")
    post_delete.connect(_on_model_change, dispatch_uid="page_cache_delete")
    m2m_changed.connect(_on_model_change, dispatch_uid="page_cache_m2m")


# --- The middleware ---------------------------------------------------------------------


def _may_use_cache(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(tuple(settings.PAGE_CACHE_SKIP_PREFIXES))
        and "HTTP_AUTHORIZATION" not in request.META
        # A pending message (e.g. "signed out") must reach its visitor on a fresh page.
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.user.is_authenticated
    )


def _may_store(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        # Redirects too: old analysis addresses and region addresses are read often.
        response.status_code in CACHEABLE_STATUSES
        and not response.streaming
        and not response.cookies
        # A page with a CSRF token or a CSP nonce belongs to one visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "_csp_nonce", None)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _cache_key(request, token: str) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"page-cache:{token}:{get_language()}:{digest}"


class PublicPageCacheMiddleware:
    """Serve and store whole responses for anonymous visitors (see the module docstring).

    Sits after the authentication middleware (it needs ``request.user``) and before the
    middleware that adds per-request headers, so a replayed response carries the same
    security headers as a fresh one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_enabled() or not _may_use_cache(request):
            return self.get_response(request)
        generation = current_generation()
        key = _cache_key(request, generation["token"])
        stored = cache.get(key)
        if stored is not None:
            return _replay(stored, generation)
        response = self.get_response(request)
        if _may_store(request, response):
            cache.set(key, _freeze(response), timeout=settings.PAGE_CACHE_SECONDS)
            _add_freshness_headers(response, generation)
        return response


def _freeze(response) -> dict:
    if not response.has_header("ETag"):
        set_response_etag(response)
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in PER_RESPONSE_HEADERS
    ]
    return {"status": response.status_code, "content": response.content, "headers": headers}


def _replay(stored: dict, generation: dict) -> HttpResponse:
    response = HttpResponse(stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response.headers[name] = value
    _add_freshness_headers(response, generation)
    return response


def _add_freshness_headers(response, generation: dict) -> None:
    # Every public page is as new as the last content change anywhere: a conservative
    # Last-Modified that ConditionalGetMiddleware turns into 304 answers.
    response.headers["Last-Modified"] = http_date(generation["changed_at"].timestamp())
    # Browsers and proxies revalidate every time; the server-side cache does the work.
    patch_response_headers(response, cache_timeout=0)


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """In production several processes serve pages: they must share the cache."""
    backend = settings.CACHES["default"]["BACKEND"]
    if is_enabled() and backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The page cache uses a per-process cache: an edit would invalidate only the "
                "process that made it.",
                hint="Set REDIS_URL, or PAGE_CACHE_SECONDS=0 for a single-process server.",
                id="core.W001",
            )
        ]
    return []
