"""In-process measurement: the Django test client, pages in rotation, the trivial view between.

Each round requests every page once with the page cache off ("uncached"), then every
anonymous page once more with it on ("cached", warm: the previous round left it in the
cache), each request followed by one of the trivial view, so every figure can be divided
by the trivial view's median of the same run. SQL queries are counted in a separate,
untimed pass (capturing queries slows the requests it watches).

Run as ``python -m bench.measure --rounds N --out FILE`` against a seeded database with
``DJANGO_SETTINGS_MODULE=bench.settings`` (``bench.run`` does all of that).
"""

import argparse
import json
import math
import statistics
import time
from contextlib import contextmanager

PAGE_CACHE_SETTING = "PAGE_CACHE_SECONDS"


@contextmanager
def page_cache_off():
    """The one switch for "uncached": the page cache's setting at 0 (issue 9: 0 = off).

    Tolerates a portal without page cache (the setting simply does not exist yet).
    """
    from django.test import override_settings

    with override_settings(**{PAGE_CACHE_SETTING: 0}):
        yield


def page_cache_present() -> bool:
    from django.conf import settings

    return bool(getattr(settings, PAGE_CACHE_SETTING, 0))


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 200 samples is the 190th smallest)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summary(samples_ns: list[int]) -> dict:
    ms = [sample / 1e6 for sample in samples_ns]
    return {
        "median_ms": round(statistics.median(ms), 3),
        "p95_ms": round(percentile(ms, 0.95), 3),
        "samples": len(ms),
    }


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


class Measurement:
    def __init__(self, pages, *, rounds: int, max_page_seconds: float, member_user=None):
        from django.test import Client

        from bench import TRIVIAL_PATH

        self.pages = pages
        self.rounds = rounds
        self.max_page_seconds = max_page_seconds
        self.trivial_path = TRIVIAL_PATH
        self.anonymous = Client()
        self.member = Client()
        if member_user is not None:
            self.member.force_login(member_user)
        self.trivial_ns: list[int] = []
        self.samples = {(page.key, mode): [] for page in pages for mode in ("uncached", "cached")}
        self.spent = dict.fromkeys(self.samples, 0.0)
        self.facts: dict = {}  # (key, mode) -> status, bytes, errors
        self.errors: list[str] = []

    def client_for(self, page):
        return self.member if page.member else self.anonymous

    def _timed(self, client, path) -> tuple[int, object, bytes]:
        started = time.perf_counter_ns()
        response = client.get(path)
        body = _body(response)
        return time.perf_counter_ns() - started, response, body

    def _request(self, page, mode, record: bool):
        elapsed, response, body = self._timed(self.client_for(page), page.path)
        fact = self.facts.setdefault((page.key, mode), {"status": None, "bytes": 0})
        fact["status"], fact["bytes"] = response.status_code, len(body)
        if response.status_code != page.status:
            self.errors.append(f"{page.key} ({mode}): {response.status_code} for {page.path}")
        if record:
            self.samples[(page.key, mode)].append(elapsed)
            self.spent[(page.key, mode)] += elapsed / 1e9
        trivial_elapsed, _, _ = self._timed(self.anonymous, self.trivial_path)
        if record:
            self.trivial_ns.append(trivial_elapsed)

    def _due(self, page, mode) -> bool:
        return self.spent[(page.key, mode)] < self.max_page_seconds

    def run(self, progress=None):
        # Round 0 warms imports, templates and the page cache; it is not recorded.
        for round_number in range(self.rounds + 1):
            record = round_number > 0
            with page_cache_off():
                for page in self.pages:
                    if self._due(page, "uncached"):
                        self._request(page, "uncached", record)
            for page in self.pages:
                if page.measured_cached and self._due(page, "cached"):
                    self._request(page, "cached", record)
            if progress and round_number % 25 == 0:
                progress(f"round {round_number}/{self.rounds}")
        self.count_queries()
        return self.result()

    def count_queries(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.queries = {}
        for page in self.pages:
            modes = ["uncached", "cached"] if page.measured_cached else ["uncached"]
            for mode in modes:
                client = self.client_for(page)
                if mode == "uncached":
                    with page_cache_off(), CaptureQueriesContext(connection) as captured:
                        client.get(page.path)
                else:
                    client.get(page.path)  # make sure it is warm
                    with CaptureQueriesContext(connection) as captured:
                        client.get(page.path)
                self.queries[(page.key, mode)] = len(captured)

    def result(self) -> dict:
        trivial = summary(self.trivial_ns)
        pages = []
        for page in self.pages:
            entry = page.as_dict()
            for mode in ("uncached", "cached"):
                samples = self.samples[(page.key, mode)]
                if not samples:
                    continue
                figures = summary(samples)
                figures["ratio"] = round(figures["median_ms"] / trivial["median_ms"], 2)
                figures["queries"] = self.queries.get((page.key, mode))
                figures.update(self.facts[(page.key, mode)])
                figures["capped"] = len(samples) < self.rounds
                entry[mode] = figures
            pages.append(entry)
        return {
            "rounds": self.rounds,
            "max_page_seconds": self.max_page_seconds,
            "page_cache": page_cache_present(),
            "trivial": trivial,
            "pages": pages,
            "errors": sorted(set(self.errors)),
        }


def measure(*, rounds: int, max_page_seconds: float = 60.0, progress=None) -> dict:
    """Measure every page of the catalogue against the current (seeded) database."""
    from django.contrib.auth import get_user_model

    from bench.pages import catalogue
    from bench.seed import MEMBER_USERNAME

    member = get_user_model().objects.get(username=MEMBER_USERNAME)
    measurement = Measurement(
        catalogue(), rounds=rounds, max_page_seconds=max_page_seconds, member_user=member
    )
    result = measurement.run(progress=progress)
    result["member_cookie"] = _cookies_for_http(measurement.member)
    return result


def _cookies_for_http(client) -> str:
    """The member's cookies as a Cookie header, for the HTTP load generator."""
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())


def main(argv=None):
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--max-page-seconds", type=float, default=60.0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    django.setup()
    result = measure(
        rounds=args.rounds,
        max_page_seconds=args.max_page_seconds,
        progress=lambda message: print("  in-process:", message, flush=True),
    )
    with open(args.out, "w") as handle:
        json.dump(result, handle, indent=1)


if __name__ == "__main__":
    main()
