"""Who may do what: every service transition, per role (acceptance 5)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from core.services import NotPermitted
from regions import services
from tests.regions.factories import content, draft_analysis, in_review_analysis, published_analysis

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "user_without_role",
    "working_group_member",
    "editor",
    "publisher",
    "superuser",
]
EDITING_ROLES = {"editor", "publisher", "superuser"}
PUBLISHING_ROLES = {"publisher", "superuser"}


@pytest.fixture
def actor(request):
    if request.param == "anonymous":
        return AnonymousUser()
    return request.getfixturevalue(request.param)


def _attempt(action, allowed: bool):
    if allowed:
        action()
    else:
        with pytest.raises(NotPermitted):
            action()


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_creating_an_analysis_needs_the_editor_role(actor, request):
    from tests.regions.factories import RegionFactory

    _attempt(
        lambda: services.analysis_create(
            region=RegionFactory(), slug="new", content=content(), by=actor
        ),
        request.node.callspec.params["actor"] in EDITING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_saving_a_draft_needs_the_editor_role(actor, request):
    analysis = draft_analysis()
    _attempt(
        lambda: services.analysis_save_draft(
            analysis=analysis, expected_version=analysis.version, content=content(), by=actor
        ),
        request.node.callspec.params["actor"] in EDITING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_submitting_needs_the_editor_role(actor, request):
    analysis = draft_analysis()
    _attempt(
        lambda: services.analysis_submit(analysis=analysis, by=actor),
        request.node.callspec.params["actor"] in EDITING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_publishing_needs_the_publisher_role(actor, request):
    analysis = in_review_analysis()
    _attempt(
        lambda: services.analysis_publish(analysis=analysis, by=actor),
        request.node.callspec.params["actor"] in PUBLISHING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_force_publishing_needs_the_publisher_role(actor, request):
    analysis = draft_analysis()
    _attempt(
        lambda: services.analysis_publish(analysis=analysis, by=actor, force=True),
        request.node.callspec.params["actor"] in PUBLISHING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_sending_back_needs_the_publisher_role(actor, request):
    analysis = in_review_analysis()
    _attempt(
        lambda: services.analysis_reject(analysis=analysis, by=actor),
        request.node.callspec.params["actor"] in PUBLISHING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_unpublishing_needs_the_publisher_role(actor, request):
    analysis = published_analysis()
    _attempt(
        lambda: services.analysis_unpublish(analysis=analysis, by=actor),
        request.node.callspec.params["actor"] in PUBLISHING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_withdrawing_needs_the_publisher_role(actor, request):
    analysis = published_analysis()
    _attempt(
        lambda: services.analysis_archive(analysis=analysis, reason="Achterhaald.", by=actor),
        request.node.callspec.params["actor"] in PUBLISHING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_confirming_a_forced_publication_needs_the_publisher_role(actor, request):
    from tests.regions.factories import second_publisher

    analysis = draft_analysis()
    services.analysis_publish(analysis=analysis, by=second_publisher(), force=True)
    _attempt(
        lambda: services.analysis_confirm_review(analysis=analysis, by=actor),
        request.node.callspec.params["actor"] in PUBLISHING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_reverting_needs_the_editor_role(actor, request):
    analysis = published_analysis()
    _attempt(
        lambda: services.analysis_revert(
            analysis=analysis,
            revision=analysis.live_revision,
            expected_version=analysis.version,
            by=actor,
        ),
        request.node.callspec.params["actor"] in EDITING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_changing_the_address_needs_the_editor_role(actor, request):
    analysis = published_analysis()
    _attempt(
        lambda: services.analysis_change_slug(
            analysis=analysis, slug="elders", expected_version=analysis.version, by=actor
        ),
        request.node.callspec.params["actor"] in EDITING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_creating_a_share_link_needs_the_editor_role(actor, request):
    analysis = draft_analysis()
    _attempt(
        lambda: services.share_link_create(analysis=analysis, by=actor),
        request.node.callspec.params["actor"] in EDITING_ROLES,
    )


@pytest.mark.parametrize("actor", ROLES, indirect=True)
def test_revoking_a_share_link_needs_the_editor_role(actor, request, editor):
    link = services.share_link_create(analysis=draft_analysis(), by=editor)
    _attempt(
        lambda: services.share_link_revoke(link=link, by=actor),
        request.node.callspec.params["actor"] in EDITING_ROLES,
    )
