"""The portal survives a database outage: translated 503 pages while PostgreSQL is away,
normal pages again as soon as it is back — without restarting the app server.

A real app server (``manage.py runserver``) talks to a real PostgreSQL through
a TCP relay that the test cuts and restores, exactly what a database restart or a network
cut looks like to the app. PostgreSQL only: SQLite has no server to lose.
"""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import connection

from tests.helpers import REPO_ROOT

pytestmark = pytest.mark.postgres

# One database per test process: the two tests below may run at once on two xdist
# workers, and one's DROP DATABASE … WITH (FORCE) would cut the other's migrate.
DATABASE = f"visie_outage_test_{os.getpid()}"


class Relay:
    """Forwards TCP connections to PostgreSQL; ``cut()`` drops them all and refuses new ones."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.listener = None
        self.connections = []
        self.port = _free_port()

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would not.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        for sock in self.connections:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self.connections.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()


def _pipe(source, sink):
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def app_server():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL); SQLite has no server to lose")
    settings = connection.settings_dict
    admin_url = f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    relay = Relay(int(settings["PORT"] or 5432))
    relay.start()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{settings['USER']}@127.0.0.1:{relay.port}/{DATABASE}",
        # DEBUG on only so runserver serves static files without collectstatic; the 503
        # handling does not depend on it.
        "DEBUG": "1",
        "SECRET_KEY": "outage-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "CONN_MAX_AGE": "60",
    }
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        done = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=REPO_ROOT, env=env,
            capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, f"{command[0]} failed:\n{done.stderr[-3000:]}"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            _get(base + "/healthz")
            break
        except OSError:
            time.sleep(0.1)
    yield base, relay
    server.terminate()
    server.wait(timeout=10)
    relay.cut()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def test_pages_answer_503_while_the_database_is_away_and_recover_without_a_restart(app_server):
    base, relay = app_server
    page = base + "/fr/budget/"

    relay.cut()
    status, body = _get(page)
    health_status, _health = _get(base + "/healthz")

    assert status == 503
    assert "Temporairement indisponible" in body
    assert health_status == 503

    relay.start()

    assert _get(page)[0] == 200
    assert _get(base + "/healthz")[0] == 200


def test_pages_already_in_the_page_cache_keep_answering_while_the_database_is_away(app_server):
    base, relay = app_server
    page = base + "/fr/security-environment/"
    fresh = _get(page)

    relay.cut()

    assert _get(page) == fresh
