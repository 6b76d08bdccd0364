"""HTTP and shell helpers for the cross-server tests (tests/cluster/)."""

import functools
import http.cookiejar
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import psycopg
import pytest

from tests.helpers import REPO_ROOT

STATE_FILE = REPO_ROOT / ".cluster" / "env"
PASSWORD = "cluster-test-password-9f3"


def cluster_env() -> dict[str, str] | None:
    if STATE_FILE.is_file():
        pairs = (line.split("=", 1) for line in STATE_FILE.read_text().splitlines() if "=" in line)
        return {key: value for key, value in pairs}
    keys = ("CLUSTER_URL_A", "CLUSTER_URL_B", "DATABASE_URL", "REPLICA_DATABASE_URL")
    if all(os.environ.get(key) for key in keys):
        return {key: os.environ[key] for key in keys}
    return None


class Cluster:
    def __init__(self, env):
        self.env = env
        self.a = env["CLUSTER_URL_A"]
        self.b = env["CLUSTER_URL_B"]

    def manage(self, code: str) -> str:
        """Run Python in ``manage.py shell`` against the cluster's primary; return its output."""
        process_env = {**os.environ, **self.env}
        process_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=REPO_ROOT,
            env=process_env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    @functools.cached_property
    def publisher(self) -> str:
        """A superuser in the cluster (created once); answers the username."""
        username = "cluster-publisher"
        self.manage(
            "from django.contrib.auth import get_user_model\n"
            f"user, _ = get_user_model().objects.get_or_create(username={username!r})\n"
            "user.is_staff = user.is_superuser = True\n"
            f"user.set_password({PASSWORD!r})\n"
            "user.save()\n"
        )
        return username

    def draft(self, title: str, *, published=False) -> dict:
        """A new analysis in the cluster's primary, as a draft or published."""
        slug = f"cluster-{uuid.uuid4().hex[:10]}"
        factory = "published_analysis" if published else "draft_analysis"
        output = self.manage(
            "import json\n"
            f"from tests.regions.factories import RegionFactory, {factory}\n"
            f"region = RegionFactory(slug={slug!r}, name_nl={slug!r})\n"
            f"analysis = {factory}(region=region, slug={slug!r}, title_nl={title!r})\n"
            "print(json.dumps({'pk': analysis.pk, 'slug': analysis.slug}))\n"
        )
        return json.loads(output.splitlines()[-1])

    def wait_for_replication(self, timeout=15.0) -> None:
        """Until the replica has replayed everything the primary has written so far."""
        primary_url = self.env["DATABASE_URL"].replace("postgres://", "postgresql://", 1)
        replica_url = self.env["REPLICA_DATABASE_URL"].replace("postgres://", "postgresql://", 1)
        with psycopg.connect(primary_url, autocommit=True) as primary:
            target = primary.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]
        deadline = time.monotonic() + timeout
        with psycopg.connect(replica_url, autocommit=True) as replica:
            while time.monotonic() < deadline:
                query = "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn"
                if replica.execute(query, [str(target)]).fetchone()[0]:
                    return
                time.sleep(0.05)
        pytest.fail(f"the replica did not replay up to {target} within {timeout} s")

    def replica(self, action: str) -> None:
        subprocess.run(
            ["scripts/cluster.sh", f"replica-{action}"], cwd=REPO_ROOT, check=True, timeout=90
        )


class Browser:
    """A cookie-keeping HTTP client; cookies are per host, so A and B share them."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url):
        return self._open(urllib.request.Request(url))

    def post(self, url, data=None):
        if self.cookie("csrftoken") is None:
            self.get(urllib.parse.urljoin(url, "/nl/admin/login/"))
        fields = {"csrfmiddlewaretoken": self.cookie("csrftoken"), **(data or {})}
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Referer": url, "Content-Type": "application/x-www-form-urlencoded"},
        )
        return self._open(request)

    def sign_in(self, base, username):
        response = self.post(
            f"{base}/nl/admin/login/?next=/nl/admin/",
            {"username": username, "password": PASSWORD, "next": "/nl/admin/"},
        )
        assert "/login/" not in response.url, "sign-in failed"
        return response

    def cookie(self, name):
        return next((cookie.value for cookie in self.jar if cookie.name == name), None)

    def _open(self, request):
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        response.text = response.read().decode("utf-8", "replace")
        return response
