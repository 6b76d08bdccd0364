"""Over HTTP: gunicorn (production settings, 2 workers) on 127.0.0.1 and wrk, bounded per URL.

wrk runs ``bench/loadtest.lua`` (the script of ``make loadtest``) with one path as its
argument; its ``done()`` line gives requests/s and the p50/p99 latency. The trivial view is
loaded first, between every few pages and last, and its median requests/s is the reference.
gunicorn is always stopped, by its own process id, also when something fails.
"""

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bench import TRIVIAL_PATH

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "loadtest.lua"
TRIVIAL_EVERY = 6  # pages between two trivial runs
LINE = re.compile(r"^LOADTEST (.*)$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _gunicorn() -> str:
    local = Path(sys.executable).with_name("gunicorn")
    return str(local) if local.exists() else "gunicorn"


@contextmanager
def gunicorn(env: dict, workers: int = 2):
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="visie-bench-") as folder:
        pidfile = Path(folder) / "gunicorn.pid"
        command = [
            _gunicorn(),
            "visie_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--pid",
            str(pidfile),
            "--log-level",
            "warning",
        ]
        server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_up(base + "/healthz", server)
            yield base
        finally:
            _stop(server)


def _wait_until_up(url: str, server, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url} within {seconds:.0f} s")


def _stop(server):
    """SIGTERM to the master (it stops its workers), SIGKILL to its group after 15 s."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def drain(base: str, trivial_path: str, seconds: float = 180.0):
    """Wait until requests queued by the last wrk run are served, so they don't slow the next.

    wrk stops sending at the end of its duration, but gunicorn still works off what it had
    accepted; a request sent now waits behind those, on every worker.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(base + trivial_path, timeout=seconds) as response:
                response.read()
        except OSError:
            continue
        if time.monotonic() - started < 0.2:
            return


def wrk(base: str, path: str, *, seconds: float, connections: int, cookie: str = "") -> dict:
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is needed for the HTTP part: apt-get install wrk")
    command = ["wrk", "--threads", "2", "--connections", str(connections)]
    command += ["--duration", f"{seconds:g}s", "--timeout", "10s", "--script", str(LUA)]
    if cookie:
        command += ["--header", f"Cookie: {cookie}"]
    command += [base, "--", path]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    drain(base, TRIVIAL_PATH)
    match = LINE.search(output)
    if match is None:
        raise RuntimeError(f"no LOADTEST line from wrk for {path}:\n{output}")
    fields = dict(item.split("=", 1) for item in match.group(1).split())
    errors = sum(int(fields[name]) for name in ("connect", "read", "write", "timeout"))
    return {
        "requests": int(fields["requests"]),
        "rps": float(fields["rps"]),
        "p50_ms": float(fields["p50_ms"]),
        "p99_ms": float(fields["p99_ms"]),
        "non_2xx_3xx": int(fields["non_2xx_3xx"]),
        "socket_errors": errors,
    }


def measure_http(env: dict, pages: list[dict], *, member_cookie: str,
                 seconds: float, connections: int, progress=print) -> dict:  # fmt: skip
    trivial_runs, results = [], {}
    with gunicorn(env) as base:
        for warm in [TRIVIAL_PATH, *(page["path"] for page in pages if not page["member"])]:
            urllib.request.urlopen(base + warm, timeout=60).read()  # page cache, imports
        trivial_runs.append(wrk(base, TRIVIAL_PATH, seconds=seconds, connections=connections))
        for index, page in enumerate(pages, start=1):
            cookie = member_cookie if page["member"] else ""
            results[page["key"]] = wrk(
                base, page["path"], seconds=seconds, connections=connections, cookie=cookie
            )
            progress(f"  http: {page['key']}: {results[page['key']]['rps']:.1f} req/s")
            if index % TRIVIAL_EVERY == 0 or index == len(pages):
                trivial_runs.append(
                    wrk(base, TRIVIAL_PATH, seconds=seconds, connections=connections)
                )
    reference = statistics.median(run["rps"] for run in trivial_runs)
    for figures in results.values():
        figures["ratio"] = round(figures["rps"] / reference, 3) if reference else None
    return {
        "seconds_per_url": seconds,
        "connections": connections,
        "workers": 2,
        "trivial": {
            "rps": round(reference, 1),
            "p50_ms": statistics.median(run["p50_ms"] for run in trivial_runs),
            "p99_ms": statistics.median(run["p99_ms"] for run in trivial_runs),
            "runs": trivial_runs,
        },
        "pages": results,
    }
