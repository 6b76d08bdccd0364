"""axe-core on the budget and working-group pages in every language, and journey 2:
a member moves a task to done and the public progress follows."""

from io import StringIO

import pytest
from django.core.management import call_command

from core import roles
from tests.factories import UserFactory
from tests.working_group.factories import MemberFactory, TaskFactory, TrackFactory
from working_group.models import Task, Visibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl", "fr", "de", "en"]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def demo_content():
    call_command("load_demo", stdout=StringIO())


PUBLIC_PATHS = ["budget/", "budget/2014-2019/2015/", "budget/2014-2019/2019/", "working-group/"]


# One test per language visits every page: the demo content loads once per language.
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_wcag_violations(
    page, live_server, assert_accessible, demo_content, language
):
    for path in PUBLIC_PATHS:
        page.goto(f"{live_server.url}/{language}/{path}")

        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


def sign_in_as_member(page, live_server, language="en"):
    user = UserFactory(username="member-mila", groups=[roles.WORKING_GROUP])
    member = MemberFactory(user=user, name="Mila")
    page.goto(f"{live_server.url}/{language}/working-group/members/sign-in/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(f"{live_server.url}/{language}/working-group/members/")
    return member


@pytest.mark.parametrize("language", LANGUAGES)
def test_members_board_and_task_page_have_no_wcag_violations(
    page, live_server, assert_accessible, language
):
    member = sign_in_as_member(page, live_server, language)
    task = TaskFactory(owner=member, track=TrackFactory(group=member.group))
    page.goto(f"{live_server.url}/{language}/working-group/members/")
    assert_accessible(page)

    page.goto(f"{live_server.url}{task.get_absolute_url().replace('/nl/', f'/{language}/')}")
    assert_accessible(page)


def test_member_moves_a_task_to_done_and_public_progress_follows(page, live_server, screenshot):
    member = sign_in_as_member(page, live_server)
    task = TaskFactory(
        owner=member,
        track=TrackFactory(group=member.group),
        visibility=Visibility.PUBLIC,
        state=Task.State.IN_PROGRESS,
        progress=40,
    )
    page.goto(f"{live_server.url}/en/working-group/")
    assert "Progress of public tasks: 40 %" in page.content()

    page.goto(f"{live_server.url}/en/working-group/members/tasks/{task.reference}/")
    page.get_by_label("Progress (%)").fill("100")
    page.get_by_role("button", name="Save progress").click()
    page.get_by_label("New state").select_option(Task.State.DONE)
    page.get_by_role("button", name="Change state").click()
    page.goto(f"{live_server.url}/en/working-group/")

    assert "Progress of public tasks: 100 %" in page.content()
    screenshot(page, "working-group")
