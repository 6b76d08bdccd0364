"""axe-core on every security-environment page type in every language, screenshots of each
public page type, and journeys 1 (write, translate, review, publish), 3 (a French visitor
searches, opens a region, downloads the budget CSV) and 4 (journey 3 by keyboard only)."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from core import roles
from regions import services
from regions.models import Analysis, Topic
from tests.factories import UserFactory
from tests.regions.factories import RegionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "fr", "de", "en"]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def demo_paths():
    """Demo content with one analysis withdrawn; the paths of each page type (no prefix)."""
    call_command("load_demo", stdout=StringIO())
    analyses = list(Analysis.objects.public())
    publisher = UserFactory(username="withdrawing-publisher", groups=[roles.PUBLISHERS])
    withdrawn = services.analysis_archive(
        analysis=analyses[-1], reason="Vervangen door een nieuwere analyse.", by=publisher
    )
    topic = Topic.objects.filter(analysisrevision__analysis=analyses[0]).first()
    return {
        "regions-index": "security-environment/",
        "analysis": f"security-environment/{analyses[0].slug}/",
        "withdrawn-analysis": f"security-environment/{withdrawn.slug}/",
        "topic": f"security-environment/topics/{topic.slug}/",
        "search": "security-environment/search/?q=Sahel",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_security_environment_pages_have_no_wcag_violations(
    page, live_server, assert_accessible, demo_paths, language
):
    for path in demo_paths.values():
        page.goto(f"{live_server.url}/{language}/{path}")

        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


def test_every_public_page_type_is_captured_at_desktop_and_phone_width(
    page, live_server, screenshot, demo_paths
):
    paths = {
        **demo_paths,
        "budget-index": "budget/",
        "budget-year": "budget/2014-2019/2015/",
        "working-group": "working-group/",
        "not-found": "no-such-page/",
    }
    for name, path in paths.items():
        page.goto(f"{live_server.url}/fr/{path}")
        screenshot(page, f"{name}-fr")


# --- journey 1 ---------------------------------------------------------------------------


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/en/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/en/admin/")


def sign_out(page):
    page.locator("#logout-form button").click()
    page.wait_for_url("**/admin/logout/")


def test_an_analysis_written_in_dutch_and_french_is_published_in_both(page, live_server):
    region = RegionFactory(slug="baltic", name_nl="De Baltische staten", name_fr="Les pays baltes")
    UserFactory(username="eddy-editor", is_staff=True, groups=[roles.EDITORS])
    UserFactory(username="pia-publisher", is_staff=True, groups=[roles.PUBLISHERS])

    sign_in(page, live_server, "eddy-editor")
    page.goto(f"{live_server.url}/en/admin/regions/analysis/add/")
    page.get_by_label("Region or theme").select_option(str(region.pk))
    page.get_by_label("Slug").fill("baltic")
    page.get_by_label("Title (Dutch)").fill("De Baltische staten blijven kwetsbaar")
    page.get_by_label("Summary (Dutch)").fill("Een grensregio onder druk.")
    page.get_by_label("Body (Dutch, Markdown)").fill("De **Baltische staten** liggen aan de rand.")
    page.get_by_label("Assessed trend").select_option("stable")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.get_by_role("link", name="Edit the working draft")).to_be_visible()
    analysis = Analysis.objects.get(slug="baltic")

    page.get_by_role("link", name="Edit the working draft").click()
    page.locator("#id_title_fr").fill("Les pays baltes restent vulnérables")
    page.locator("#id_summary_fr").fill("Une région frontalière sous pression.")
    page.locator("#id_body_fr").fill("Les **pays baltes** se trouvent à la périphérie.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("The working draft was saved.")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("Submit for review: done")
    sign_out(page)

    sign_in(page, live_server, "pia-publisher")
    page.goto(f"{live_server.url}/en/admin/regions/analysis/{analysis.pk}/change/")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Publish: done")

    page.goto(f"{live_server.url}/nl/security-environment/baltic/")
    assert page.locator("h1").inner_text() == "De Baltische staten blijven kwetsbaar"
    page.goto(f"{live_server.url}/fr/security-environment/baltic/")
    assert page.locator("h1").inner_text() == "Les pays baltes restent vulnérables"
    assert page.locator("h1").get_attribute("lang") is None
    assert page.locator("strong", has_text="pays baltes").is_visible()
    revision = Analysis.objects.get(slug="baltic").live_revision
    assert revision.translation_status() == {"fr": "current", "de": "missing", "en": "missing"}


# --- journeys 3 and 4 --------------------------------------------------------------------


def assert_budget_csv(download):
    content = open(download.path(), encoding="utf-8").read()
    header = content.splitlines()[0]
    assert download.suggested_filename.endswith(".csv")
    assert "year" in header
    # Machine format: amounts with a dot and no thousands separators, whatever the language.
    assert "," in header and "€" not in content


def test_a_french_visitor_searches_opens_a_region_and_downloads_the_budget_csv(
    page, live_server, demo_paths
):
    page.goto(f"{live_server.url}/nl/")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(f"{live_server.url}/fr/")
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Environnement de sécurité"
    ).click()

    page.get_by_label("Rechercher dans les analyses").fill("Sahel")
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("main").get_by_role("link", name="De Sahel").click()

    page.wait_for_url(f"{live_server.url}/fr/security-environment/sahel/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="Budget", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tous les postes en CSV").click()
    assert_budget_csv(download.value)


def tab_to(page, predicate: str, limit: int = 80):
    """Press Tab until the focused element satisfies the JavaScript ``predicate`` (on el)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def assert_focus_is_visible(page):
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "the focused element shows no focus indicator"


def test_journey_three_works_by_keyboard_alone(page, live_server, demo_paths):
    page.goto(f"{live_server.url}/nl/")

    tab_to(page, "el.getAttribute('hreflang') === 'fr' && el.closest('nav')")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/fr/")

    tab_to(page, "el.closest('.main-nav') && el.href.endsWith('/fr/security-environment/')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/fr/security-environment/")

    tab_to(page, "el.id === 'regions-search-q'")
    page.keyboard.type("Sahel")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Sahel")

    tab_to(
        page, "el.closest('main') && el.href && el.href.endsWith('/security-environment/sahel/')"
    )
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/fr/security-environment/sahel/")

    tab_to(page, "el.closest('.main-nav') && el.href.endsWith('/fr/budget/')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/fr/budget/")

    tab_to(page, "el.href && el.href.endsWith('/export/lines.csv')")
    assert_focus_is_visible(page)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert_budget_csv(download.value)
