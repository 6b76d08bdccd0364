"""``make bench``: seed fresh databases, measure in-process and over HTTP, check the targets.

    python -m bench.run [--size small|large|both] [--db sqlite|postgres|auto]
                        [--rounds N] [--http-seconds S] [--quick] [--strict]

Per database and size: a fresh database (SQLite files under bench/.data/, PostgreSQL
databases ``<name>_small`` and ``<name>_large`` from BENCH_DATABASE_URL or DATABASE_URL,
dropped and created here), ``migrate``, ``bench.seed``, ``bench.measure`` in a fresh
process, then gunicorn and wrk. Results: bench/results/<date>-<db>.json and .md, and
bench/results/latest.md; ``--update-readme`` rewrites README.md's one summary line.
Exits non-zero on a failed target only with ``--strict`` (never in quick mode).
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

from bench import report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
RESULTS = ROOT / "bench" / "results"


def say(message: str):
    print(message, flush=True)


# --- databases ----------------------------------------------------------------------------
def postgres_base_url() -> str | None:
    for name in ("BENCH_DATABASE_URL", "DATABASE_URL"):
        url = os.environ.get(name, "").strip()
        if url.startswith(("postgres://", "postgresql://")):
            return url
    return None


def _postgres_admin(url: str):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=urllib.parse.unquote(parts.username or "postgres"),
        password=urllib.parse.unquote(parts.password or "") or None,
        dbname="postgres",
        autocommit=True,
    )


def fresh_database(db: str, size: str, base_url: str | None) -> str:
    """Drop and create the database of one run; returns its DATABASE_URL."""
    if db == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        path = DATA / f"{size}.sqlite3"
        for leftover in DATA.glob(f"{size}.sqlite3*"):
            leftover.unlink()
        return f"sqlite:///{path}"
    parts = urllib.parse.urlsplit(base_url)
    name = f"{parts.path.lstrip('/') or 'visie_bench'}_{size}"
    with _postgres_admin(base_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def drop_database(db: str, url: str, base_url: str | None):
    if db == "postgres":
        name = urllib.parse.urlsplit(url).path.lstrip("/")
        with _postgres_admin(base_url) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_server(db: str, url: str) -> str:
    if db == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with _postgres_admin(url) as connection:
        return "PostgreSQL " + connection.execute("SHOW server_version").fetchone()[0]


# --- environment --------------------------------------------------------------------------
def bench_env(database_url: str, secret_key: str, static_root: str) -> dict:
    """Production settings on plain local HTTP, as ``make serve`` has them."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PYTHONSTARTUP")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        # A load generator on one address would otherwise be throttled to 429s.
        API_ANON_RATE="100000000/min",
        API_USER_RATE="100000000/min",
        LOG_LEVEL="WARNING",
        BENCH_STATIC_ROOT=static_root,
        PYTHONPATH=str(ROOT),
    )
    return env


def python(env: dict, *args: str):
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True)


def current_commit() -> str:
    described = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return described or "unknown"


def machine(load_start: str, commit: str) -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = round(pages / 2**30)
    except (OSError, ValueError):
        memory = None
    from importlib.metadata import version

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": version("Django"),
        "gunicorn": version("gunicorn"),
        "commit": commit,
        "load_start": load_start,
        "load_end": _load(),
    }


def _load() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


# --- one database -------------------------------------------------------------------------
def run_database(db: str, args, secret_key: str, static_root: str) -> dict:
    base_url = postgres_base_url() if db == "postgres" else None
    load_start = _load()
    sizes, errors, server = {}, [], None
    for size in ["small", "large"] if args.size == "both" else [args.size]:
        say(f"== {db} / {size}")
        url = fresh_database(db, size, base_url)
        env = bench_env(url, secret_key, static_root)
        try:
            server = server or database_server(db, url)
            with tempfile.TemporaryDirectory(prefix="visie-bench-") as folder:
                seed_out, measure_out = Path(folder) / "seed.json", Path(folder) / "measure.json"
                python(env, "manage.py", "migrate", "--noinput", "-v0")
                if not any(Path(static_root).glob("staticfiles.json")):
                    python(env, "manage.py", "collectstatic", "--noinput", "-v0")
                seed_args = ["--size", size, "--out", str(seed_out)]
                python(env, "-m", "bench.seed", *seed_args, *(["--quick"] if args.quick else []))
                python(env, "-m", "bench.measure", "--rounds", str(args.rounds),
                       "--max-page-seconds", str(args.max_page_seconds),
                       "--out", str(measure_out))  # fmt: skip
                run = {
                    "seed": json.loads(seed_out.read_text()),
                    "inprocess": json.loads(measure_out.read_text()),
                }
            errors += [f"{size}: {error}" for error in run["inprocess"]["errors"]]
            if args.http_seconds > 0:
                from bench.http_load import measure_http

                run["http"] = measure_http(
                    env,
                    run["inprocess"]["pages"],
                    member_cookie=run["inprocess"].pop("member_cookie", ""),
                    seconds=args.http_seconds,
                    connections=args.connections,
                    progress=say,
                )
            run["inprocess"].pop("member_cookie", None)
            sizes[size] = run
        finally:
            if not args.keep_data:
                drop_database(db, url, base_url)
    first = next(iter(sizes.values()))
    result = {
        "date": datetime.datetime.now().astimezone().date().isoformat(),
        "quick": args.quick,
        "database": {
            "engine": db,
            "label": "SQLite" if db == "sqlite" else "PostgreSQL",
            "server": server,
        },  # fmt: skip
        "machine": machine(load_start, args.commit),
        "settings": {
            "rounds": args.rounds,
            "max_page_seconds": args.max_page_seconds,
            "http_seconds": args.http_seconds,
            "connections": args.connections,
        },
        "page_cache": first["inprocess"]["page_cache"],
        "sizes": sizes,
        "errors": errors,
    }
    result["checks"] = report.evaluate(sizes)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=["small", "large", "both"], default="both")
    parser.add_argument("--db", choices=["sqlite", "postgres", "auto"], default="auto",
                        help="SQLite, plus PostgreSQL if (BENCH_)DATABASE_URL is one")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--max-page-seconds", type=float, default=45.0,
                        help="a page leaves the rotation after this many seconds")  # fmt: skip
    parser.add_argument("--http-seconds", type=float, default=5.0, help="per URL; 0 skips HTTP")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes, 3 rounds, 1 s per URL; targets not enforced")  # fmt: skip
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--keep-data", action="store_true", help="keep PostgreSQL databases")
    parser.add_argument(
        "--update-readme", action="store_true", help="rewrite README's summary line"
    )
    parser.add_argument("--out-dir", default=str(RESULTS))
    args = parser.parse_args(argv)
    # Read before the first database writes its results (and README.md): the code measured.
    args.commit = current_commit()
    if args.quick:
        defaults = {"rounds": 200, "http_seconds": 5.0, "max_page_seconds": 45.0}
        quick = {"rounds": 3, "http_seconds": 1.0, "max_page_seconds": 5.0}
        for name, value in quick.items():
            if getattr(args, name) == defaults[name]:
                setattr(args, name, value)

    if args.db == "auto":
        databases = ["sqlite"] + (["postgres"] if postgres_base_url() else [])
    else:
        databases = [args.db]
    if "postgres" in databases and not postgres_base_url():
        parser.error("--db postgres needs BENCH_DATABASE_URL or DATABASE_URL (postgres://…)")
    # Before any seeding: without it the run would stop after the in-process part.
    if args.http_seconds > 0 and shutil.which("wrk") is None:
        parser.error("the HTTP part needs wrk (apt-get install wrk); --http-seconds 0 skips it")

    secret_key = secrets.token_urlsafe(50)
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    static_root = tempfile.mkdtemp(prefix="visie-bench-static-")
    results = []
    try:
        for db in databases:
            result = run_database(db, args, secret_key, static_root)
            stem = f"{result['date']}-{db}{'-quick' if args.quick else ''}"
            (out_dir / f"{stem}.json").write_text(json.dumps(result, indent=1) + "\n")
            (out_dir / f"{stem}.md").write_text(report.markdown(result))
            say(f"wrote {out_dir / stem}.json and .md")
            results.append(result)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)

    summary = "\n".join(report.markdown(result, full=False) for result in results)
    if not args.quick:
        (out_dir / "latest.md").write_text(summary)
    if args.update_readme and not args.quick:
        if report.update_readme(ROOT / "README.md", report.summary_line(results)):
            say("README.md: summary line updated")
        else:
            say(f"README.md has no {report.README_START} … {report.README_END} block")
    print()
    print(summary)
    failed = [c for r in results for c in r["checks"] if c["result"] == report.FAIL]
    errors = [e for r in results for e in r["errors"]]
    if errors:
        say("Pages answered unexpectedly: " + "; ".join(errors))
        return 1
    if args.strict and failed and not args.quick:
        say(f"{len(failed)} target(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
