import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "fr", "de", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_has_no_wcag_violations(page, live_server, assert_accessible, language):
    page.goto(f"{live_server.url}/{language}/")

    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_has_no_wcag_violations(page, live_server, assert_accessible, language):
    page.goto(f"{live_server.url}/{language}/no-such-page/")

    assert_accessible(page)


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, live_server):
    page.goto(f"{live_server.url}/en/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_works_by_keyboard(page, live_server):
    page.goto(f"{live_server.url}/nl/")

    page.get_by_role("link", name="Français").focus()
    page.keyboard.press("Enter")

    page.wait_for_url(f"{live_server.url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_home_page_screenshots_are_written(page, live_server, screenshot):
    page.goto(f"{live_server.url}/nl/")

    screenshot(page, "home")
