"""CORS only when configured: without CORS_ALLOWED_ORIGINS no browser elsewhere may read the
API; with it, only the listed origins and only under /api/. Settings are read at start-up,
so each case runs in a fresh process."""

from tests.helpers import run_manage

SCRIPT = (
    "from django.test import Client;"
    "c = Client();"
    "r = c.get('{path}', headers={{'origin': 'https://data.example.org'}});"
    "print(r.headers.get('Access-Control-Allow-Origin', 'none'))"
)


def allowed_origin(path, **env):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        SCRIPT.format(path=path),
        env={"DEBUG": "1", "ALLOWED_HOSTS": "testserver", **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_api_sends_no_cors_header_unless_configured():
    assert allowed_origin("/api/v1/", CORS_ALLOWED_ORIGINS="") == "none"


def test_configured_origin_may_read_the_api():
    origin = allowed_origin("/api/v1/", CORS_ALLOWED_ORIGINS="https://data.example.org")

    assert origin == "https://data.example.org"


def test_cors_never_applies_to_pages():
    origin = allowed_origin("/nl/", CORS_ALLOWED_ORIGINS="https://data.example.org")

    assert origin == "none"
