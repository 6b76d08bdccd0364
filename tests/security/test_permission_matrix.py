"""The permission matrix: every named URL × every role → the expected answer to a GET.

A URL added later without a row here makes ``test_every_named_url_has_a_row`` fail, so no
page or endpoint escapes the review of who may open it. Each role runs as one test over
all URLs (the world with one object of every kind is built once per role) and reports
every mismatch at once.

Outcomes: OK (2xx), LOGIN (redirect to a sign-in page), FORBIDDEN (403), NOT_ALLOWED
(405: the URL only takes POST — GET must never change anything), REDIRECT (3xx elsewhere).
"""

import pytest
from django.test import Client
from django.urls import reverse

from core import roles as portal_roles
from tests.security.kwargs import STANDARD_ADMIN, admin_model, url_kwargs
from tests.security.world import ROLES, build_world, named_urls

OK, LOGIN, FORBIDDEN, NOT_ALLOWED, REDIRECT, UNAUTHORIZED = (
    "ok", "login", "forbidden", "not_allowed", "redirect", "unauthorized",
)  # fmt: skip

ANONYMOUS, NO_ROLE, MEMBER, EDITOR, PUBLISHER, SUPERUSER = ROLES


def row(anonymous, no_role, member, editor, publisher, superuser):
    return dict(zip(ROLES, (anonymous, no_role, member, editor, publisher, superuser), strict=True))


PUBLIC = row(OK, OK, OK, OK, OK, OK)
MEMBERS_AREA = row(LOGIN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
MEMBERS_POST_ONLY = row(LOGIN, FORBIDDEN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN)
MEMBERS_API = row(UNAUTHORIZED, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
MEMBERS_API_POST_ONLY = row(UNAUTHORIZED, FORBIDDEN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN)
STAFF_ONLY = row(LOGIN, LOGIN, LOGIN, OK, OK, OK)
SUPERUSER_ONLY = row(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)
STAFF_BACK_TO_CHANGE_PAGE = row(LOGIN, LOGIN, LOGIN, REDIRECT, REDIRECT, REDIRECT)

EXPECTED = {
    # Portal-wide
    "root": PUBLIC,
    "home": PUBLIC,
    "healthz": PUBLIC,
    "set_language": row(*[REDIRECT] * 6),
    "django.contrib.sitemaps.views.index": PUBLIC,
    "django.contrib.sitemaps.views.sitemap": PUBLIC,
    "audit-log": SUPERUSER_ONLY,
    "audit-entry": SUPERUSER_ONLY,
    # POST only, refused before anyone is identified: nothing to see on GET.
    "audit-revert": row(*[NOT_ALLOWED] * 6),
    # Two-factor sign-in: each staff member's own page; removing takes a POST and a code.
    "two-factor": STAFF_ONLY,
    "two-factor-remove": row(*[NOT_ALLOWED] * 6),
    # API framework
    "api-schema": PUBLIC,
    "api-docs": PUBLIC,
    "v1:api-root": PUBLIC,
    "v1:budget-legislature-list": PUBLIC,
    "v1:budget-legislature-detail": PUBLIC,
    "v1:budget-review-list": PUBLIC,
    "v1:budget-review-detail": PUBLIC,
    **{
        f"v1:regions-{kind}-{view}": PUBLIC
        for kind in ("region", "topic", "organisation", "country", "analysis")
        for view in ("list", "detail")
    },
    "v1:wg-track-list": PUBLIC,
    "v1:wg-track-detail": PUBLIC,
    "v1:wg-milestone-list": PUBLIC,
    "v1:wg-milestone-detail": PUBLIC,
    "v1:wg-public-task-list": PUBLIC,
    "v1:wg-public-task-detail": PUBLIC,
    "v1:wg-decision-list": PUBLIC,
    "v1:wg-decision-detail": PUBLIC,
    "v1:wg-task-list": MEMBERS_API,
    "v1:wg-task-detail": MEMBERS_API,
    "v1:wg-task-comment-list": MEMBERS_API,
    "v1:wg-member-list": MEMBERS_API,
    "v1:wg-task-state": MEMBERS_API_POST_ONLY,
    "v1:wg-task-progress": MEMBERS_API_POST_ONLY,
    "v1:wg-task-owner": MEMBERS_API_POST_ONLY,
    "v1:token": row(UNAUTHORIZED, FORBIDDEN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN, NOT_ALLOWED),
    # Security environment
    "regions:index": PUBLIC,
    "regions:search": PUBLIC,
    "regions:feed": PUBLIC,
    "regions:topic": PUBLIC,
    "regions:analysis": PUBLIC,
    "regions:region": row(*[REDIRECT] * 6),
    "regions:preview": row(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, OK),
    # A valid share link is the reviewer's key: anyone holding it may read that draft.
    "regions:share": PUBLIC,
    # Budget
    "budget:index": PUBLIC,
    "budget:year": PUBLIC,
    "budget:lines_csv": PUBLIC,
    "budget:lines_json": PUBLIC,
    "budget:datapackage": PUBLIC,
    # Working group: public side
    "working_group:index": PUBLIC,
    "working_group:public_tasks_csv": PUBLIC,
    "working_group:login": row(OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "working_group:logout": row(*[NOT_ALLOWED] * 6),
    # Working group: members' area (an active Member row; admins are not members)
    "working_group:board": MEMBERS_AREA,
    "working_group:task_list": MEMBERS_AREA,
    "working_group:task_create": MEMBERS_AREA,
    "working_group:task_export": MEMBERS_AREA,
    "working_group:task_detail": MEMBERS_AREA,
    "working_group:task_edit": MEMBERS_AREA,
    "working_group:task_state": MEMBERS_POST_ONLY,
    "working_group:task_progress": MEMBERS_POST_ONLY,
    "working_group:task_owner": MEMBERS_POST_ONLY,
    "working_group:task_comment": MEMBERS_POST_ONLY,
    "working_group:meetings": MEMBERS_AREA,
    "working_group:meeting_detail": MEMBERS_AREA,
    "working_group:milestones": MEMBERS_AREA,
    # Admin site
    "admin:login": row(OK, OK, OK, REDIRECT, REDIRECT, REDIRECT),
    "admin:logout": row(REDIRECT, REDIRECT, REDIRECT, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    "admin:index": STAFF_ONLY,
    "admin:app_list": STAFF_ONLY,
    "admin:jsi18n": STAFF_ONLY,
    "admin:password_change": STAFF_ONLY,
    "admin:password_change_done": STAFF_ONLY,
    "admin:view_on_site": STAFF_BACK_TO_CHANGE_PAGE,
    # Autocomplete needs query parameters naming a field; without them it refuses everyone.
    "admin:autocomplete": row(LOGIN, LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    # Analysis workflow in the admin: GET of a POST action sends staff back to the page.
    "admin:regions_analysis_transition": STAFF_BACK_TO_CHANGE_PAGE,
    "admin:regions_analysis_revert": STAFF_BACK_TO_CHANGE_PAGE,
    "admin:regions_analysis_share": STAFF_BACK_TO_CHANGE_PAGE,
    "admin:regions_analysis_compare": STAFF_ONLY,
    "admin:regions_analysis_withdraw": row(LOGIN, LOGIN, LOGIN, FORBIDDEN, OK, OK),
    # Budget CSV import/export (django-import-export)
    "admin:budget_reviewline_import": STAFF_ONLY,
    "admin:budget_reviewline_export": STAFF_ONLY,
    "admin:budget_reviewline_process_import": row(LOGIN, LOGIN, LOGIN, *[NOT_ALLOWED] * 3),
}

# Standard admin views follow the role table in core/roles.py, except where a
# model's admin is deliberately read-only or append-only for everyone (records that only
# services write, or that must never disappear). Each entry is such a decision.
ADMIN_CLOSED_FOR_EVERYONE = {
    "axes.accessattempt": {"add"},
    "axes.accessfailurelog": {"add"},
    "axes.accesslog": {"add"},
    "budget.reviewline": {"add", "delete"},  # lines are edited inline on their review
    "otp_totp.totpdevice": {"add"},  # only their owner creates one, on the two-factor page
    "regions.analysis": {"delete"},  # analyses are withdrawn, never deleted
    "regions.analysisrevision": {"delete"},  # revisions are the history
    "regions.analysisslugredirect": {"add"},  # created when a slug changes
    "regions.sharelink": {"add", "delete"},  # created and revoked from the analysis
    "working_group.reminderlog": {"add", "delete"},  # proof that a digest went out
    "working_group.task": {"add", "delete"},  # members write tasks; history must stay
}
VIEW_NEEDS = {
    "changelist": ("view", "change"),
    "change": ("view", "change"),
    "history": ("view", "change"),
    "simple_history": ("view", "change"),
    "add": ("add",),
    "delete": ("delete",),
    "password_change": ("change",),
}


def expected_for_admin_view(name, role):
    match = STANDARD_ADMIN.match(name)
    model = admin_model(match["app"], match["model"])
    label = model._meta.label_lower
    if role in (ANONYMOUS, NO_ROLE, MEMBER):
        return LOGIN
    if match["view"] in ADMIN_CLOSED_FOR_EVERYONE.get(label, set()):
        return FORBIDDEN
    if role == SUPERUSER:
        return OK
    group = {EDITOR: portal_roles.EDITORS, PUBLISHER: portal_roles.PUBLISHERS}[role]
    held = set(portal_roles.role_permissions()[group])
    needs = {f"{model._meta.app_label}.{action}_{model._meta.model_name}" for action in
             VIEW_NEEDS[match["view"]]}  # fmt: skip
    return OK if held & needs else FORBIDDEN


def expected(name, role):
    if name in EXPECTED:
        return EXPECTED[name][role]
    if STANDARD_ADMIN.match(name):
        return expected_for_admin_view(name, role)
    return None


def outcome(response):
    status = response.status_code
    if 200 <= status < 300:
        return OK
    if status in (301, 302):
        location = response.headers["Location"]
        return LOGIN if ("/login/" in location or "/sign-in/" in location) else REDIRECT
    return {401: UNAUTHORIZED, 403: FORBIDDEN, 405: NOT_ALLOWED}.get(status, str(status))


def test_every_named_url_has_a_row():
    missing = sorted(name for name in named_urls() if expected(name, ANONYMOUS) is None)

    assert missing == [], "Add these URLs to the permission matrix: " + ", ".join(missing)


def test_no_row_names_a_url_that_does_not_exist():
    assert sorted(set(EXPECTED) - set(named_urls())) == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_role_gets_exactly_the_expected_answer_from_every_url(role):
    world = build_world()
    client = Client(raise_request_exception=False)
    if role != ANONYMOUS:
        client.force_login(world.users[role])
    mismatches = []
    for name in sorted(named_urls()):
        args, kwargs = url_kwargs(name, world)
        url = reverse(name, args=args, kwargs=kwargs)
        got = outcome(client.get(url))
        if got != expected(name, role):
            mismatches.append(f"{name} ({url}): expected {expected(name, role)}, got {got}")

    assert mismatches == []
