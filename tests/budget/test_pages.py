"""Public pages: what they show, in which language, and how many queries they cost."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import override

from budget import selectors
from tests.budget.factories import (
    DecidedReviewFactory,
    LegislatureFactory,
    ReviewLineFactory,
    YearlyReviewFactory,
    legislature_with_years,
)

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with override(language):
        return reverse(name, args=args)


@pytest.fixture
def michel():
    legislature = LegislatureFactory(name="2014–2019", slug="2014-2019", government="Michel I")
    review = DecidedReviewFactory(
        legislature=legislature,
        year=2015,
        outcome="partially_granted",
        justification="Debts first.",
        is_example_data=True,
    )
    ReviewLineFactory(
        review=review,
        kind="payment",
        amount_requested=Decimal("60000000"),
        amount_granted=Decimal("45000000"),
    )
    ReviewLineFactory(
        review=review,
        kind="commitment",
        purpose="investment",
        amount_requested=Decimal("40000000"),
        amount_granted=Decimal("10000000"),
    )
    YearlyReviewFactory(legislature=legislature, year=2016)
    return legislature


def test_budget_page_explains_the_rule_and_the_glossary(client, michel):
    html = client.get(url("budget:index")).text

    assert "up to EUR 100 million" in html
    for term in ("vereffeningskredieten", "crédits de liquidation", "payment appropriations"):
        assert term in html
    for term in ("vastleggingskredieten", "crédits d'engagement", "commitment appropriations"):
        assert term in html


def test_budget_page_shows_each_year_split_by_kind_with_the_government(client, michel):
    html = client.get(url("budget:index")).text

    assert "Legislature 2014–2019, government Michel I" in html
    assert "€45,000,000.00" in html  # granted payment 2015
    assert "€10,000,000.00" in html  # granted commitment 2015
    assert "€55,000,000.00" in html  # granted total and cumulative
    assert "partially granted" in html


def test_budget_page_sets_cumulative_against_five_ceilings(client, michel):
    html = client.get(url("budget:index")).text

    assert "Maximum over the legislature: €500,000,000.00" in html
    assert "leaving €445,000,000.00 below the maximum" in html


def test_budget_page_marks_example_data(client, michel):
    html = client.get(url("budget:index")).text

    assert "Example data:" in html
    assert "example data</span>" in html


def test_budget_page_without_example_data_has_no_example_notice(client):
    YearlyReviewFactory()

    assert "Example data:" not in client.get(url("budget:index")).text


def test_budget_page_formats_money_in_dutch_under_nl(client, michel):
    html = client.get(url("budget:index", language="nl")).text

    assert "€\u00a045.000.000,00" in html


def test_budget_page_formats_money_in_french_under_fr(client, michel):
    html = client.get(url("budget:index", language="fr")).text

    assert "45\u202f000\u202f000,00\u00a0€" in html


def test_budget_page_marks_the_nav_item_current(client, michel):
    assert 'aria-current="page">Budget<' in client.get(url("budget:index")).text


def test_budget_page_shows_the_newest_legislature_and_links_to_the_others(client):
    for index in range(3):
        LegislatureFactory(name=f"L{index}", slug=f"l{index}", first_year=1900 + index * 10)

    html = client.get(url("budget:index")).text

    assert "Legislature L2," in html and "Legislature L0," not in html
    nav = re.search(r'<nav aria-label="Legislatures">.*?</nav>', html, re.S).group(0)
    assert re.findall(r'<a href="\?legislature=(l\d)"', nav) == ["l2", "l1", "l0"]
    assert '<a href="?legislature=l2" aria-current="page">L2</a>' in nav


def test_budget_page_shows_the_legislature_asked_for(client):
    for index in range(3):
        LegislatureFactory(name=f"L{index}", slug=f"l{index}", first_year=1900 + index * 10)

    html = client.get(url("budget:index") + "?legislature=l0").text

    assert "Legislature L0," in html and "Legislature L2," not in html
    assert '<a href="?legislature=l0" aria-current="page">L0</a>' in html


@pytest.mark.parametrize("value", ["nope", "l0/../x", "a\x00b", "x" * 51])
def test_budget_page_of_an_unknown_legislature_is_not_found(client, value):
    LegislatureFactory(name="L0", slug="l0")

    response = client.get(url("budget:index"), {"legislature": value})

    assert response.status_code == 404


def test_budget_page_with_one_legislature_has_no_legislature_links(client, michel):
    assert 'aria-label="Legislatures"' not in client.get(url("budget:index")).text


def test_budget_page_without_legislatures_says_so(client):
    assert "No legislature has been recorded yet." in client.get(url("budget:index")).text


def test_year_page_shows_decision_justification_and_government(client, michel):
    html = client.get(url("budget:year", "2014-2019", 2015)).text

    assert "<h1>Budget review 2015</h1>" in html
    assert "partially granted" in html
    assert "Debts first." in html
    assert "Michel I" in html
    assert "Example data:" in html


def test_year_page_shows_sources_and_public_change_history(client, michel, publisher):
    review = michel.reviews.get(year=2015)
    review.sources.create(title="Council of Ministers", url="https://example.org/decision")
    review.changes.create(note="Amount corrected after the adjustment.", changed_by=publisher)

    html = client.get(url("budget:year", "2014-2019", 2015)).text

    assert '<a href="https://example.org/decision" rel="noopener">Council of Ministers</a>' in html
    assert "Amount corrected after the adjustment." in html
    assert "publisher" not in html  # who changed it is for the audit, not the public page


def test_year_page_justification_is_escaped(client, michel):
    review = michel.reviews.get(year=2015)
    review.justification = '<script>alert("x")</script>'
    review.save()

    html = client.get(url("budget:year", "2014-2019", 2015)).text

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_year_page_lists_links_from_registered_providers(client, michel, monkeypatch):
    monkeypatch.setattr(
        selectors,
        "RELATED_LINK_PROVIDERS",
        [lambda review: [(f"Task for {review.year}", "/en/working-group/")]],
    )

    html = client.get(url("budget:year", "2014-2019", 2015)).text

    assert '<a href="/en/working-group/">Task for 2015</a>' in html


def test_year_page_has_no_related_section_without_providers(client, michel):
    assert 'id="related-heading"' not in client.get(url("budget:year", "2014-2019", 2015)).text


def test_unknown_year_is_not_found(client, michel):
    assert client.get(url("budget:year", "2014-2019", 2030)).status_code == 404


def test_year_page_is_reached_from_the_review(michel):
    review = michel.reviews.get(year=2015)

    with override("en"):
        assert review.get_absolute_url() == "/en/budget/2014-2019/2015/"


# Query counts: the pages prefetch or sum everything, so the count does not grow with the
# years, lines or legislatures.
# index: the legislatures (for the links), the shown one's reviews with their summed lines.
INDEX_QUERIES = 2
# year page: review+legislature, lines, sources, public changes, sibling years.
YEAR_QUERIES = 7  # + the two queries of related public tasks and analyses


@pytest.mark.parametrize(("years", "legislatures"), [(5, 2), (50, 12)])
def test_budget_page_queries_do_not_grow_with_the_years_or_legislatures(
    client, django_assert_num_queries, uncached_pages, years, legislatures
):
    for _ in range(legislatures):
        shown = legislature_with_years(years)

    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get(url("budget:index"))
    assert response.text.count('<th scope="row"><a href=') == years
    assert response.text.count('href="?legislature=') == legislatures

    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get(url("budget:index"), {"legislature": shown.slug})
    assert response.text.count('<th scope="row"><a href=') == years


@pytest.mark.parametrize("years", [5, 50])
def test_year_page_queries_do_not_grow_with_the_years(
    client, django_assert_num_queries, uncached_pages, years
):
    legislature = legislature_with_years(years)

    with django_assert_num_queries(YEAR_QUERIES):
        response = client.get(url("budget:year", legislature.slug, 2000 + years - 1))
    assert response.status_code == 200
    year_links = re.findall(rf'href="/en/budget/{legislature.slug}/\d+/"[^>]*>\d+<', response.text)
    assert len(year_links) == years


@pytest.mark.parametrize("page", ["index", "year"])
def test_pages_have_one_h1_and_no_inline_style_or_script(client, michel, page):
    address = url("budget:index") if page == "index" else url("budget:year", "2014-2019", 2015)

    response = client.get(address)

    html = response.text
    assert html.count("<h1") == 1
    assert " style=" not in html and "<script" not in html
    assert "Content-Security-Policy" in response.headers
