"""The admin per role: every workflow button, bulk action and editing view (acceptance 5)."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from core import messages as core_messages
from regions.models import Analysis, AnalysisSlugRedirect, AnalysisState, ShareLink
from tests.regions.factories import (
    draft_analysis,
    in_review_analysis,
    published_analysis,
    second_publisher,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "user_without_role",
    "working_group_member",
    "editor",
    "publisher",
    "superuser",
]
EDITING = {"editor", "publisher", "superuser"}
PUBLISHING = {"publisher", "superuser"}


@pytest.fixture
def as_role(request, client):
    role = request.param
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    client.role = role
    return client


def _post_transition(client, analysis, name):
    url = reverse("admin:regions_analysis_transition", args=[analysis.pk, name])
    return client.post(url)


def _bulk(client, analysis, action):
    url = reverse("admin:regions_analysis_changelist")
    return client.post(url, {"action": action, "_selected_action": [analysis.pk]})


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_the_analysis_list_is_open_to_editors_and_publishers_only(as_role):
    response = as_role.get(reverse("admin:regions_analysis_changelist"))

    if as_role.role in EDITING:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/login/" in response["Location"]


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_submit_button_works_for_editing_roles_only(as_role):
    analysis = draft_analysis()

    _post_transition(as_role, analysis, "submit")

    analysis.refresh_from_db()
    expected = AnalysisState.IN_REVIEW if as_role.role in EDITING else AnalysisState.DRAFT
    assert analysis.state == expected


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_publish_button_works_for_publishing_roles_only(as_role):
    analysis = in_review_analysis()

    _post_transition(as_role, analysis, "publish")

    analysis.refresh_from_db()
    assert (analysis.live_revision_id is not None) is (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_force_publish_button_works_for_publishing_roles_only(as_role):
    analysis = draft_analysis()

    _post_transition(as_role, analysis, "force_publish")

    analysis.refresh_from_db()
    assert analysis.awaiting_retrospective_review is (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_send_back_button_works_for_publishing_roles_only(as_role):
    analysis = in_review_analysis()

    _post_transition(as_role, analysis, "reject")

    analysis.refresh_from_db()
    expected = AnalysisState.DRAFT if as_role.role in PUBLISHING else AnalysisState.IN_REVIEW
    assert analysis.state == expected


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_unpublish_button_works_for_publishing_roles_only(as_role):
    analysis = published_analysis()

    _post_transition(as_role, analysis, "unpublish")

    analysis.refresh_from_db()
    assert (analysis.live_revision_id is None) is (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_confirm_review_button_works_for_publishing_roles_only(as_role):
    analysis = draft_analysis()
    from regions import services

    services.analysis_publish(analysis=analysis, by=second_publisher(), force=True)

    _post_transition(as_role, analysis, "confirm_review")

    analysis.refresh_from_db()
    assert analysis.awaiting_retrospective_review is not (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_withdraw_view_works_for_publishing_roles_only(as_role):
    analysis = published_analysis()

    as_role.post(
        reverse("admin:regions_analysis_withdraw", args=[analysis.pk]), {"reason": "Achterhaald."}
    )

    analysis.refresh_from_db()
    assert analysis.is_withdrawn is (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_bulk_publish_action_works_for_publishing_roles_only(as_role):
    analysis = in_review_analysis()

    _bulk(as_role, analysis, "publish_selected")

    analysis.refresh_from_db()
    assert (analysis.live_revision_id is not None) is (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_bulk_submit_action_works_for_editing_roles_only(as_role):
    analysis = draft_analysis()

    _bulk(as_role, analysis, "submit_selected")

    analysis.refresh_from_db()
    assert (analysis.state == AnalysisState.IN_REVIEW) is (as_role.role in EDITING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_bulk_force_publish_action_works_for_publishing_roles_only(as_role):
    analysis = draft_analysis()

    _bulk(as_role, analysis, "force_publish_selected")

    analysis.refresh_from_db()
    assert (analysis.live_revision_id is not None) is (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_bulk_send_back_action_works_for_publishing_roles_only(as_role):
    analysis = in_review_analysis()

    _bulk(as_role, analysis, "reject_selected")

    analysis.refresh_from_db()
    assert (analysis.state == AnalysisState.DRAFT) is (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_bulk_unpublish_action_works_for_publishing_roles_only(as_role):
    analysis = published_analysis()

    _bulk(as_role, analysis, "unpublish_selected")

    analysis.refresh_from_db()
    assert (analysis.live_revision_id is None) is (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_bulk_confirm_review_action_works_for_publishing_roles_only(as_role):
    from regions import services

    analysis = draft_analysis()
    services.analysis_publish(analysis=analysis, by=second_publisher(), force=True)

    _bulk(as_role, analysis, "confirm_review_selected")

    analysis.refresh_from_db()
    assert analysis.awaiting_retrospective_review is not (as_role.role in PUBLISHING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_revert_view_works_for_editing_roles_only(as_role):
    analysis = published_analysis()

    as_role.post(
        reverse("admin:regions_analysis_revert", args=[analysis.pk, analysis.live_revision_id]),
        {"expected_version": analysis.version},
    )

    assert (analysis.revisions.count() == 2) is (as_role.role in EDITING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_share_view_creates_a_link_for_editing_roles_only(as_role):
    analysis = draft_analysis()

    as_role.post(reverse("admin:regions_analysis_share", args=[analysis.pk]))

    assert ShareLink.objects.exists() is (as_role.role in EDITING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_revoke_action_works_for_editing_roles_only(as_role, editor):
    from regions import services

    link = services.share_link_create(analysis=draft_analysis(), by=editor)

    as_role.post(
        reverse("admin:regions_sharelink_changelist"),
        {"action": "revoke_selected", "_selected_action": [link.pk]},
    )

    link.refresh_from_db()
    assert (link.revoked_at is not None) is (as_role.role in EDITING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_compare_view_is_open_to_editing_roles_only(as_role):
    analysis = published_analysis()

    response = as_role.get(reverse("admin:regions_analysis_compare", args=[analysis.pk]))

    assert (response.status_code == 200) is (as_role.role in EDITING)


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_preview_is_open_to_editing_roles_only(as_role):
    analysis = draft_analysis(title_nl="Werkversie")

    response = as_role.get(reverse("regions:preview", args=[analysis.pk]))

    assert (response.status_code == 200) is (as_role.role in EDITING)


def _revision_post(analysis, expected_version, title):
    data = {
        "analysis": analysis.pk,
        "expected_version": expected_version,
        "title_nl": title,
        "summary_nl": "Samenvatting",
        "body_nl": "Tekst",
        "horizon_year": 2030,
        "trend": "stable",
        "change_note_nl": "",
    }
    for prefix in ("key_figures", "sources"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": 0,
                f"{prefix}-INITIAL_FORMS": 0,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
    return data


@pytest.mark.parametrize("as_role", ROLES, indirect=True)
def test_saving_a_draft_in_the_admin_works_for_editing_roles_only(as_role):
    analysis = published_analysis()

    as_role.post(
        reverse("admin:regions_analysisrevision_add"),
        _revision_post(analysis, analysis.version, "Nieuwe werkversie"),
    )

    analysis.refresh_from_db()
    assert (analysis.draft_revision_id is not None) is (as_role.role in EDITING)


def test_the_draft_form_starts_from_the_working_copy(client, editor):
    analysis = published_analysis(title_nl="Huidige titel")
    client.force_login(editor)

    page = client.get(reverse("admin:regions_analysisrevision_add"), {"analysis": analysis.pk})

    assert "Huidige titel" in page.content.decode()
    assert "Kortere route naar Japan" in page.content.decode()


def test_a_stale_draft_form_shows_a_conflict_instead_of_overwriting(client, editor, publisher):
    analysis = published_analysis()
    started_from = analysis.version
    client.force_login(publisher)
    client.post(
        reverse("admin:regions_analysisrevision_add"),
        _revision_post(analysis, started_from, "Eerste"),
    )
    client.force_login(editor)

    response = client.post(
        reverse("admin:regions_analysisrevision_add"),
        _revision_post(analysis, started_from, "Tweede"),
    )

    conflict = core_messages.conflict(item=analysis, yours=started_from, current=started_from + 1)
    assert escape(conflict) in response.content.decode()
    analysis.refresh_from_db()
    assert analysis.draft_revision.title_nl == "Eerste"


@pytest.mark.parametrize("debug", [True, False])
def test_a_major_draft_without_a_note_shows_the_error_on_the_dutch_note_and_keeps_the_text(
    client, editor, settings, debug
):
    settings.DEBUG = debug
    analysis = published_analysis()
    data = _revision_post(analysis, analysis.version, "Getypte titel")
    data.update(is_major="on", body_nl="Getypte tekst")
    client.force_login(editor)

    response = client.post(reverse("admin:regions_analysisrevision_add"), data)

    form = response.context["adminform"].form
    assert response.status_code == 200
    assert form.errors["change_note_nl"] == [
        "Een grote wijziging heeft een publieke wijzigingsnota nodig."
    ]
    assert (form["title_nl"].value(), form["body_nl"].value()) == ("Getypte titel", "Getypte tekst")


def test_a_major_draft_with_a_note_is_saved(client, editor):
    analysis = published_analysis()
    data = _revision_post(analysis, analysis.version, "Grote herziening")
    data.update(is_major="on", change_note_nl="Nieuwe cijfers van 2026.")
    client.force_login(editor)

    client.post(reverse("admin:regions_analysisrevision_add"), data)

    analysis.refresh_from_db()
    assert analysis.draft_revision.change_note_nl == "Nieuwe cijfers van 2026."


def test_changing_the_slug_in_the_admin_leaves_a_redirect(client, editor):
    analysis = published_analysis()
    old = analysis.slug
    client.force_login(editor)

    client.post(
        reverse("admin:regions_analysis_change", args=[analysis.pk]),
        {"slug": "nieuw-adres", "expected_version": analysis.version},
    )

    assert Analysis.objects.get(pk=analysis.pk).slug == "nieuw-adres"
    assert AnalysisSlugRedirect.objects.get(old_slug=old).analysis == analysis


def test_creating_an_analysis_in_the_admin_starts_a_draft(client, editor):
    from tests.regions.factories import RegionFactory

    region = RegionFactory(slug="sahel")
    client.force_login(editor)

    client.post(
        reverse("admin:regions_analysis_add"),
        {
            "region": region.pk,
            "slug": "sahel",
            "title": "De Sahel",
            "summary": "Kort.",
            "body": "Lang.",
            "trend": "deteriorating",
        },
    )

    analysis = Analysis.objects.get(slug="sahel")
    assert analysis.draft_revision.title_nl == "De Sahel"
    assert analysis.state == AnalysisState.DRAFT


def test_the_change_page_flags_a_force_published_analysis(client, publisher):
    from regions import services

    analysis = draft_analysis()
    services.analysis_publish(analysis=analysis, by=second_publisher(), force=True)
    client.force_login(publisher)

    page = client.get(reverse("admin:regions_analysis_change", args=[analysis.pk]))

    assert "wacht op review achteraf" in page.content.decode()


def test_the_list_flags_a_force_published_analysis(client, publisher):
    from regions import services

    analysis = draft_analysis()
    services.analysis_publish(analysis=analysis, by=second_publisher(), force=True)
    client.force_login(publisher)

    page = client.get(reverse("admin:regions_analysis_changelist"))

    assert "wacht op review achteraf" in page.content.decode()


def test_editor_sees_the_refusal_when_approving_own_work(client, publisher):
    analysis = in_review_analysis(by=publisher)
    client.force_login(publisher)

    response = _post_transition(client, analysis, "publish")

    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("vier-ogenprincipe" in m for m in messages)


def test_key_figures_entered_inline_belong_to_the_new_draft(client, editor):
    analysis = published_analysis()
    data = _revision_post(analysis, analysis.version, "Met cijfers")
    data.update(
        {
            "key_figures-TOTAL_FORMS": 1,
            "key_figures-0-label_nl": "Stijging BRIC-defensie-uitgaven",
            "key_figures-0-value": "45–170",
            "key_figures-0-unit_nl": "%",
            "key_figures-0-order": 0,
        }
    )
    client.force_login(editor)

    client.post(reverse("admin:regions_analysisrevision_add"), data)

    analysis.refresh_from_db()
    figure = analysis.draft_revision.key_figures.get()
    assert (figure.label_nl, figure.value) == ("Stijging BRIC-defensie-uitgaven", "45–170")
    assert analysis.live_revision.key_figures.get().value == "40"


def test_existing_revisions_are_read_only_in_the_admin(client, superuser):
    analysis = published_analysis()
    client.force_login(superuser)

    url = reverse("admin:regions_analysisrevision_change", args=[analysis.live_revision_id])
    page = client.get(url).content.decode()

    assert 'name="title_nl"' not in page


def test_the_history_view_shows_who_changed_the_analysis(client, editor):
    analysis = in_review_analysis(by=editor)
    client.force_login(editor)

    page = client.get(reverse("admin:regions_analysis_history", args=[analysis.pk]))

    assert page.status_code == 200
    assert "editor" in page.content.decode()


def test_workflow_button_forms_sit_outside_the_change_form(client, editor):
    analysis = draft_analysis()
    client.force_login(editor)

    html = client.get(reverse("admin:regions_analysis_change", args=[analysis.pk])).content.decode()

    # A form nested in the change form would be dropped by browsers, and the button
    # would submit the change form instead.
    assert html.index("</form></div>") < html.index('id="transition-submit"')
