"""Helpers that turn environment values into Django settings, with clear errors.

They live outside ``settings.py`` so that tests can exercise them directly.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

SUPPORTED_DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")


def database_from_url(
    url: str | None, *, default_sqlite_path: Path, variable: str = "DATABASE_URL"
) -> dict:
    """Return a ``DATABASES`` entry for ``url``, read from the environment variable ``variable``.

    An unset or empty value means the SQLite file of the quick start (an empty
    ``DATABASE_URL=`` otherwise crashes django-environ with ``KeyError: 'ENGINE'``).
    Anything that is not a SQLite or PostgreSQL URL is refused with a message that
    says what was expected, instead of a traceback deep inside Django.
    """
    url = (url or "").strip()
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}

    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in SUPPORTED_DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"{variable} is not a valid database URL: {_redact(url)!r}. Expected "
            "postgres://USER:PASSWORD@HOST:PORT/NAME or sqlite:////absolute/path.sqlite3 "
            "(leave it unset for the default SQLite file)."
        )
    try:
        config = environ.Env.db_url_config(url)
    except Exception as error:  # django-environ raises a mix of exception types.
        raise ImproperlyConfigured(
            f"{variable} could not be parsed ({error}): {_redact(url)!r}"
        ) from error
    if not config.get("NAME"):
        raise ImproperlyConfigured(
            f"{variable} names no database: {_redact(url)!r}. Add /NAME at the end."
        )
    return config


def _redact(url: str) -> str:
    """Hide a password in a URL before it is shown in an error message."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else url
