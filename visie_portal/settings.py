"""Settings for Visie Portal: one module, every deployment difference from the environment.

The variables are listed in README.md ("Configuration"). A ``.env`` file next to
``manage.py`` is read when present (``make`` creates one for development); real
environment variables always win over it.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from visie_portal.config import database_from_url

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

# A development key is only acceptable while DEBUG is on; production must bring its own.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Search vectors (regions.SearchDocument); inert on SQLite.
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "simple_history",
    "import_export",
    "axes",
    "core",
    "regions",
    "budget",
    "working_group",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    # ETag on every GET response and 304 when it matches (pages and the API alike).
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that reads the database: decides whether reads may use the replica.
    "core.db_routing.ReplicaRoutingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.api.translation.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Needs request.user; before the middleware below so replayed pages get their headers.
    "core.page_cache.PublicPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "visie_portal.urls"
WSGI_APPLICATION = "visie_portal.wsgi.application"
ASGI_APPLICATION = "visie_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            # Parsed once per process, in development too (the autoreloader resets it when
            # a template changes): cards are template code run for every listed item.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                ),
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.language_alternates",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------
DATABASES = {
    "default": database_from_url(
        env.str("DATABASE_URL", default=""), default_sqlite_path=BASE_DIR / "db.sqlite3"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections, checked before reuse so a restarted server is survived.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Optional streaming read replica: anonymous public reads go there, everything else to the
# primary (core/db_routing.py, docs/decisions/0009-scale-out.md).
REPLICA_DATABASE_URL = env.str("REPLICA_DATABASE_URL", default="")
if REPLICA_DATABASE_URL.strip():
    DATABASES["replica"] = database_from_url(
        REPLICA_DATABASE_URL,
        default_sqlite_path=BASE_DIR / "db.sqlite3",
        variable="REPLICA_DATABASE_URL",
    )
    if DATABASES["replica"]["ENGINE"] != DATABASES["default"]["ENGINE"]:
        raise ImproperlyConfigured("REPLICA_DATABASE_URL must use the same engine as DATABASE_URL.")
    DATABASES["replica"].update(
        {
            key: DATABASES["default"][key]
            for key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS")
            if key in DATABASES["default"]
        },
        # Tests use one database: the replica alias reads the test database itself.
        TEST={"MIRROR": "default"},
    )
    if DATABASES["replica"]["ENGINE"] == "django.db.backends.postgresql":
        # An unreachable replica must cost seconds, not the OS's minutes, before fallback.
        DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
DATABASE_ROUTERS = ["core.db_routing.PrimaryReplicaRouter"]
# Seconds a browser reads from the primary after it wrote (read-your-writes).
REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "visie",
        }
    }
else:
    # Per process: right for `make run` (one process). Several processes need REDIS_URL,
    # or the page cache of one would not learn about an edit made through another.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Anonymous public pages and API reads are kept this many seconds at most (0 switches the
# cache off); any content change invalidates them at once (core/page_cache.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Addresses the page cache does not even look up (never cacheable).
PAGE_CACHE_SKIP_PREFIXES = ["/healthz"]
# A budget import is uploaded in one request and confirmed in the next, which may reach
# another app server: keep the upload in the shared cache, not in a local temporary folder.
if REDIS_URL:
    IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
# The admin's own exports neutralise spreadsheet formulas too, like the public CSVs
# (core/exports.py).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# --- Authentication ---------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling: AXES_FAILURE_LIMIT wrong passwords for one account from one address
# lock that pair out for AXES_COOLOFF_MINUTES; a successful sign-in resets the count.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
AXES_VERBOSE = False
# Only staff and members sign in: their sessions end after a working day or at browser close.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Two-factor sign-in for staff (django-otp; docs/decisions/0006-security.md) --------
# staff_otp comes before the admin so its admin/base_site.html adds the two-factor link.
INSTALLED_APPS.insert(INSTALLED_APPS.index("django.contrib.admin"), "staff_otp")
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp"]
_after_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_after_auth:_after_auth] = [
    "django_otp.middleware.OTPMiddleware",
    "staff_otp.middleware.StaffTwoFactorMiddleware",
]
# On: staff without a verified code this session reach only the two-factor page and
# sign-out. Off: two-factor sign-in is optional, but enforced for whoever has a device.
OTP_REQUIRED_FOR_STAFF = env.bool("OTP_REQUIRED_FOR_STAFF", default=False)
OTP_TOTP_ISSUER = "Visie Portal"

# --- Internationalisation ---------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("de", _("German")),
    ("en", _("English")),
]
# modeltranslation: Dutch is the source language of every translated field.
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
# Publishers may require every language to be present and up to date before publishing
# an analysis (docs/decisions/0007-translation-parity.md).
REQUIRE_TRANSLATION_PARITY = env.bool("REQUIRE_TRANSLATION_PARITY", default=False)
# The portal's own catalogue wins over Django's and third-party apps' translations.
LOCALE_PATHS = [BASE_DIR / "core" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

# --- Email (Django 6.1 MAILERS) ---------------------------------------------------------
MAILERS = {
    "default": {
        "BACKEND": env.str(
            "EMAIL_BACKEND",
            default="django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
    }
}
if MAILERS["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    MAILERS["default"]["OPTIONS"] = {
        "host": env.str("EMAIL_HOST", default="localhost"),
        "port": env.int("EMAIL_PORT", default=25),
        "username": env.str("EMAIL_HOST_USER", default=""),
        "password": env.str("EMAIL_HOST_PASSWORD", default=""),
        "use_tls": env.bool("EMAIL_USE_TLS", default=False),
    }
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="visie-portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------------------
# Production defaults are strict; `make serve` switches HTTPS off for plain local HTTP.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# No inline script or style anywhere: what needs one carries the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# dumpdata/loaddata (backups) keep datetimes to the microsecond; see the module's docstring.
SERIALIZATION_MODULES = {"json": "core.serializers.precise_json"}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MiB, Django's default, stated on purpose.

# --- Django REST framework ----------------------------------------------------------------
# Session auth for the browser, tokens for scripts; no HTTP Basic (see docs/decisions).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: a bad token then answers 401 with a WWW-Authenticate header.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PARSER_CLASSES": ["core.api.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.StandardPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_ANON_RATE", default="120/min"),
        "user": env.str("API_USER_RATE", default="1200/min"),
    },
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.exceptions.api_exception_handler",
    "DATETIME_FORMAT": "iso-8601",
    "DATE_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Visie Portal API",
    "DESCRIPTION": (
        "Public data of the Strategic Vision for Defence (security environment, budget "
        "reviews, working-group progress) and the working group's task tracking."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Budget enums get their own names: "state" and "kind" also exist in other apps.
    "ENUM_NAME_OVERRIDES": {
        "BudgetReviewStateEnum": "budget.models.ReviewState",
        "BudgetOutcomeEnum": "budget.models.Outcome",
        "BudgetLineKindEnum": "budget.models.LineKind",
        "BudgetLinePurposeEnum": "budget.models.LinePurpose",
        # regions
        "RegionKindEnum": "regions.models.RegionKind",
        "RegionGroupEnum": "regions.models.RegionGroup",
        "AnalysisTrendEnum": "regions.models.Trend",
        # working_group
        "TaskStateEnum": "working_group.models.Task.State",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.add_error_responses",
    ],
}
# Cross-origin access only where configured (comma-separated origins).
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
if CORS_ALLOWED_ORIGINS:
    INSTALLED_APPS.append("corsheaders")
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
        "corsheaders.middleware.CorsMiddleware",
    )
    CORS_URLS_REGEX = r"^/api/.*$"

# --- Audit (django-simple-history) --------------------------------------------------------
# The audit reason holds a whole change note (budget notes, task reassignments naming a
# member), not just the library's default 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# --- Logging ----------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
