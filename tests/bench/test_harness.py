"""The benchmark harness (bench/, ``make bench``) keeps working: quick mode in-process on the
test database, the page catalogue against the URL conf, the targets' arithmetic."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

from bench import TRIVIAL_PATH, report
from bench.measure import measure
from bench.pages import catalogue, skip_reason
from bench.seed import seed
from tests.security.world import named_urls


def test_every_named_url_is_measured_or_says_why_not():
    measured = {page.url_name for page in catalogue()}

    unexplained = sorted(
        name for name in named_urls() if name not in measured and skip_reason(name) is None
    )

    assert unexplained == []


def test_every_measured_page_names_an_existing_url():
    assert {page.url_name for page in catalogue()} <= set(named_urls())


def test_trivial_view_is_not_in_the_production_urls():
    with pytest.raises(Resolver404):
        resolve(TRIVIAL_PATH)


@pytest.mark.django_db
def test_trivial_view_answers_fixed_bytes_without_the_database(client, settings):
    # As bench/settings.py configures it: no page-cache lookup for the reference view.
    settings.ROOT_URLCONF = "bench.urls"
    settings.PAGE_CACHE_SKIP_PREFIXES = [TRIVIAL_PATH]

    with CaptureQueriesContext(connection) as queries:
        response = client.get(TRIVIAL_PATH)

    assert (response.status_code, len(queries), "Set-Cookie" in response) == (200, 0, False)


@pytest.mark.bench
@pytest.mark.django_db
def test_quick_mode_measures_every_page_with_its_expected_answer(settings):
    settings.ROOT_URLCONF = "bench.urls"
    seed("large", quick=True)

    result = measure(rounds=1, max_page_seconds=5)

    assert result["errors"] == []
    assert all(page["uncached"]["queries"] is not None for page in result["pages"])
    assert all("cached" in page for page in result["pages"] if page["measured_cached"])


def _run(ratio=1.0, queries=3, family="region", cached=1.0, page_cache=True):
    page = {
        "key": "region page",
        "family": family,
        "member": False,
        "uncached": {"ratio": ratio, "queries": queries},
        "cached": {"ratio": cached, "queries": 0},
    }
    return {"inprocess": {"page_cache": page_cache, "pages": [page]}}


def _results(checks, target_prefix):
    return [c["result"] for c in checks if c["target"].startswith(target_prefix)]


def test_region_page_above_eight_times_the_trivial_view_fails():
    checks = report.evaluate({"small": _run(ratio=8.5)})

    assert _results(checks, "uncached") == [report.FAIL]


def test_list_page_may_cost_fifteen_times_the_trivial_view():
    checks = report.evaluate({"small": _run(ratio=14.0, family="list")})

    assert _results(checks, "uncached") == [report.PASS]


def test_cached_target_is_skipped_when_the_build_has_no_page_cache():
    checks = report.evaluate({"small": _run(cached=5.0, page_cache=False)})

    assert _results(checks, "cached") == [report.SKIP]


def test_a_query_count_that_grows_with_the_data_fails():
    checks = report.evaluate({"small": _run(queries=3), "large": _run(queries=4)})

    assert _results(checks, "queries") == [report.FAIL]


def test_median_growth_above_a_quarter_from_small_to_large_fails():
    checks = report.evaluate({"small": _run(ratio=4.0), "large": _run(ratio=5.2)})

    assert _results(checks, "large ≤") == [report.FAIL]


def test_missing_load_generator_stops_the_run_before_any_seeding(monkeypatch, capsys):
    from bench import run

    monkeypatch.setattr(run.shutil, "which", lambda name: None)

    def seeding_started(*args, **kwargs):
        pytest.fail("the run seeded a database although wrk is missing")

    monkeypatch.setattr(run, "run_database", seeding_started)

    with pytest.raises(SystemExit):
        run.main(["--db", "sqlite", "--http-seconds", "2"])

    assert "apt-get install wrk" in capsys.readouterr().err


def _result(label, results):
    checks = [{"result": result} for result in results]
    return {
        "date": "2026-11-29",
        "machine": {"commit": "abc1234"},
        "database": {"label": label},
        "checks": checks,
    }


def test_readme_summary_line_counts_the_targets_met_per_database():
    line = report.summary_line(
        [
            _result("SQLite", [report.PASS, report.FAIL, report.PASS]),
            _result("PostgreSQL", [report.PASS, report.SKIP, report.FAIL]),
        ]
    )

    assert "2026-11-29, commit abc1234" in line
    assert "SQLite 2 of 3, PostgreSQL 1 of 3" in line
    assert "(bench/results/latest.md)" in line


def test_updating_the_readme_replaces_only_the_marked_line(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        f"## Performance\n\n{report.README_START}\nold line\n{report.README_END}\n\n## Next\n"
    )

    assert report.update_readme(readme, "new line")

    assert readme.read_text() == (
        f"## Performance\n\n{report.README_START}\nnew line\n{report.README_END}\n\n## Next\n"
    )


def test_a_readme_without_the_markers_is_left_as_it_is(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Visie Portal\n")

    assert not report.update_readme(readme, "new line")
    assert readme.read_text() == "# Visie Portal\n"
