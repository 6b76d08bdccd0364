"""Issue 9's targets checked on one database's results, and the Markdown table.

Every limit is a ratio to the trivial view of the same run (absolute times drift on a
shared machine); growth from small to large compares those ratios, not milliseconds.
"""

import re
from pathlib import Path

PASS, FAIL, SKIP = "PASS", "FAIL", "SKIP"
UNCACHED_LIMIT = {"region": 8.0, "list": 15.0}
CACHED_LIMIT = 2.0
HTTP_MIN_RATIO = 0.5
GROWTH_LIMIT = 1.25
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


def _check(target, page, size, actual, limit, ok, note=""):
    status = SKIP if ok is None else (PASS if ok else FAIL)
    return {
        "target": target,
        "page": page,
        "size": size,
        "actual": actual,
        "limit": limit,
        "result": status,
        "note": note,
    }


def evaluate(sizes: dict) -> list[dict]:
    """``sizes``: {"small": run, "large": run}, each with "inprocess" and maybe "http"."""
    checks = []
    for size, run in sizes.items():
        inprocess = run["inprocess"]
        cache = inprocess["page_cache"]
        for page in inprocess["pages"]:
            key, uncached = page["key"], page.get("uncached")
            if uncached:
                limit = UNCACHED_LIMIT[page["family"]]
                checks.append(
                    _check(
                        f"uncached ≤ {limit:g}× trivial",
                        key,
                        size,
                        uncached["ratio"],
                        limit,
                        uncached["ratio"] <= limit,
                    )  # fmt: skip
                )
            cached = page.get("cached")
            if cached:
                checks.append(
                    _check(
                        f"cached ≤ {CACHED_LIMIT:g}× trivial",
                        key,
                        size,
                        cached["ratio"],
                        CACHED_LIMIT,
                        cached["ratio"] <= CACHED_LIMIT if cache else None,
                        "" if cache else "no page cache in this build",
                    )  # fmt: skip
                )
            http = (run.get("http") or {}).get("pages", {}).get(key)
            if http and page.get("measured_cached", not page["member"]):
                checks.append(
                    _check(
                        f"HTTP ≥ {HTTP_MIN_RATIO:.0%} of trivial req/s",
                        key,
                        size,
                        http["ratio"],
                        HTTP_MIN_RATIO,
                        http["ratio"] >= HTTP_MIN_RATIO,
                    )  # fmt: skip
                )
    if {"small", "large"} <= sizes.keys():
        small = {p["key"]: p for p in sizes["small"]["inprocess"]["pages"]}
        for page in sizes["large"]["inprocess"]["pages"]:
            before = small.get(page["key"], {}).get("uncached")
            after = page.get("uncached")
            if not (before and after):
                continue
            checks.append(
                _check(
                    "queries equal at both sizes",
                    page["key"],
                    "both",
                    f"{before['queries']} → {after['queries']}",
                    "equal",
                    before["queries"] == after["queries"],
                )  # fmt: skip
            )
            growth = round(after["ratio"] / before["ratio"], 2)
            checks.append(
                _check(
                    f"large ≤ {GROWTH_LIMIT:g}× small (median)",
                    page["key"],
                    "both",
                    growth,
                    GROWTH_LIMIT,
                    growth <= GROWTH_LIMIT,
                )  # fmt: skip
            )
    return checks


def _fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def machine_line(result: dict) -> str:
    m = result["machine"]
    return (
        f"{m['cpu']} ({m['cores']} cores, {m['memory_gib']} GiB), {m['os']}; "
        f"Python {m['python']}, Django {m['django']}, {result['database']['server']}; "
        f"commit {m['commit']}; load average {m['load_start']} → {m['load_end']}"
    )


def markdown(result: dict, *, full: bool = True) -> str:
    """The table for one database; ``full`` also lists every passing check."""
    db = result["database"]["label"]
    quick = " (quick mode: targets not enforced)" if result["quick"] else ""
    lines = [
        f"### {db} — {result['date']}{quick}",
        "",
        f"Machine: {machine_line(result)}.",
        "",
    ]
    settings = result["settings"]
    lines.append(
        f"In-process: {settings['rounds']} rounds (a page stops after "
        f"{settings['max_page_seconds']:g} s per mode: see *n*), Django test client, DEBUG off. "
        f"HTTP: gunicorn 2 workers, wrk {settings['http_seconds']:g} s per URL at "
        f"{settings['connections']} connections, page cache as configured. "
        f"Page cache present: {'yes' if result['page_cache'] else 'no'}."
    )
    lines.append("")
    for size, run in result["sizes"].items():
        trivial = run["inprocess"]["trivial"]
        http = run.get("http")
        rows = run["seed"]["rows"]
        lines.append(
            f"**{size}** ({', '.join(f'{v:,} {k}' for k, v in rows.items())}; seeded in "
            f"{run['seed']['seconds']:g} s). Trivial view: {trivial['median_ms']:.2f} ms "
            f"in-process" + (f", {http['trivial']['rps']:,.0f} req/s over HTTP." if http else ".")
        )
        lines.append("")
    lines += [
        "| Page | Size | Median ms | p95 ms | × trivial | Queries | n | Cached × | "
        "Cached queries | HTTP req/s | HTTP × trivial | HTTP p50 / p99 ms | KiB |",
        "| --- | --- |" + " ---: |" * 11,
    ]
    keys = [page["key"] for page in next(iter(result["sizes"].values()))["inprocess"]["pages"]]
    for key in keys:
        for size, run in result["sizes"].items():
            page = next(p for p in run["inprocess"]["pages"] if p["key"] == key)
            u, c = page.get("uncached") or {}, page.get("cached") or {}
            h = ((run.get("http") or {}).get("pages") or {}).get(key) or {}
            latency = f"{_fmt(h.get('p50_ms'))} / {_fmt(h.get('p99_ms'))}" if h else "–"
            lines.append(
                f"| {key} | {size} | {_fmt(u.get('median_ms'))} | {_fmt(u.get('p95_ms'))} | "
                f"{_fmt(u.get('ratio'))} | {_fmt(u.get('queries'))} | {_fmt(u.get('samples'))} | "
                f"{_fmt(c.get('ratio'))} | {_fmt(c.get('queries'))} | {_fmt(h.get('rps'))} | "
                f"{_fmt(h.get('ratio'), 2)} | {latency} | {_fmt(u.get('bytes', 0) / 1024)} |"
            )
    checks = result["checks"]
    counts = {status: sum(c["result"] == status for c in checks) for status in (PASS, FAIL, SKIP)}
    lines += [
        "",
        f"Targets: {counts[PASS]} PASS, {counts[FAIL]} FAIL, {counts[SKIP]} SKIP"
        + ("." if full else " (failures below; every check in the run's .md file)."),
        "",
        "| Result | Target | Page | Size | Actual | Limit |",
        "| --- | --- | --- | --- | ---: | ---: |",
    ]
    shown = checks if full else [c for c in checks if c["result"] == FAIL]
    for check in sorted(shown, key=lambda c: (c["result"] != FAIL, c["target"], c["page"])):
        note = f" ({check['note']})" if check["note"] else ""
        lines.append(
            f"| {check['result']} | {check['target']}{note} | {check['page']} | {check['size']} | "
            f"{_fmt(check['actual'], 2)} | {_fmt(check['limit'], 2)} |"
        )
    if result.get("errors"):
        lines += ["", "Errors: " + "; ".join(result["errors"])]
    return "\n".join(lines) + "\n"


def summary_line(results: list[dict]) -> str:
    """README.md's one line about the latest run; the tables stay in results/latest.md."""
    first = results[0]
    met = ", ".join(
        f"{result['database']['label']} "
        f"{sum(check['result'] == PASS for check in result['checks'])} of "
        f"{len(result['checks'])}"
        for result in results
    )
    return (
        f"Latest run: {first['date']}, commit {first['machine']['commit']}; targets met: "
        f"{met}. Every figure and check: [bench/results/latest.md](bench/results/latest.md)."
    )


def update_readme(readme: Path, line: str) -> bool:
    """Replace the line between the bench markers of README.md; False when they are missing."""
    text = readme.read_text()
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.DOTALL)
    if not pattern.search(text):
        return False
    readme.write_text(pattern.sub(lambda _: f"{README_START}\n{line}\n{README_END}", text))
    return True
