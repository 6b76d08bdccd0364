"""The admin offers exactly the workflow actions the services accept, in every state and
for every role (both read ``services.ANALYSIS_WORKFLOW``)."""

import re

import pytest
from django.db import transaction
from django.urls import reverse

from core.services import ServiceError
from regions import admin as regions_admin
from regions import services
from regions.models import Analysis
from tests.regions.factories import (
    author,
    content,
    draft_analysis,
    in_review_analysis,
    published_analysis,
    scheduled_analysis,
    second_publisher,
    withdrawn_analysis,
)

pytestmark = pytest.mark.django_db

# The admin's buttons, and withdrawing (its own page, with a reason).
SERVICES = {
    **regions_admin.BUTTONS,
    "archive": lambda a, u: services.analysis_archive(analysis=a, reason="Achterhaald.", by=u),
}


def _with_new_draft(analysis):
    services.analysis_save_draft(
        analysis=analysis, expected_version=analysis.version, content=content(), by=author()
    )
    return analysis


def _force_published(by):
    analysis = draft_analysis()
    return services.analysis_publish(analysis=analysis, by=by, force=True)


# Each state gets the acting user, so "edited or force-published by the actor" is a state.
STATES = {
    "draft": lambda actor: draft_analysis(),
    "in review": lambda actor: in_review_analysis(),
    "in review, last edited by the actor": lambda actor: in_review_analysis(by=actor),
    "published": lambda actor: published_analysis(),
    "scheduled": lambda actor: scheduled_analysis(),
    "published with a new draft": lambda actor: _with_new_draft(published_analysis()),
    "published with a new draft in review": lambda actor: services.analysis_submit(
        analysis=_with_new_draft(published_analysis()), by=author()
    ),
    "force-published by another publisher": lambda actor: _force_published(second_publisher()),
    "force-published by the actor": _force_published,
    "withdrawn": lambda actor: withdrawn_analysis(),
}
ROLES = ["editor", "publisher", "superuser"]
# An editor cannot force-publish, so nothing is "force-published by" one.
CASES = [
    (state, role)
    for state in STATES
    for role in ROLES
    if (state, role) != ("force-published by the actor", "editor")
]


class _Undo(Exception):
    pass


def _accepted(name, analysis, user) -> bool:
    try:
        with transaction.atomic():
            SERVICES[name](Analysis.objects.get(pk=analysis.pk), user)
            raise _Undo
    except _Undo:
        return True
    except ServiceError:
        return False


def _offered_in_the_admin(client, analysis) -> set[str]:
    page = client.get(reverse("admin:regions_analysis_change", args=[analysis.pk]))
    html = page.content.decode()
    offered = set(re.findall(r'<form id="transition-(\w+)"', html))
    if reverse("admin:regions_analysis_withdraw", args=[analysis.pk]) in html:
        offered.add("archive")
    return offered


@pytest.mark.parametrize(("state", "role"), CASES)
def test_the_admin_offers_exactly_the_actions_the_services_accept(
    request, client, settings, state, role
):
    # Parity is a check of the content, made on publishing, not a rule of the workflow.
    settings.REQUIRE_TRANSLATION_PARITY = False
    actor = request.getfixturevalue(role)
    analysis = STATES[state](actor)
    client.force_login(actor)

    offered = _offered_in_the_admin(client, analysis)

    accepted = {name for name in SERVICES if _accepted(name, analysis, actor)}
    assert offered == accepted


def test_every_transition_of_the_table_has_a_service_in_this_test():
    assert {transition.name for transition in services.ANALYSIS_WORKFLOW} == set(SERVICES)


def test_a_publisher_is_not_offered_to_publish_what_they_edited_last(client, publisher):
    analysis = in_review_analysis(by=publisher)
    client.force_login(publisher)

    assert "publish" not in _offered_in_the_admin(client, analysis)
    assert "reject" in _offered_in_the_admin(client, analysis)
