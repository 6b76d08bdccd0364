"""A small portal with one object of every kind, and one user per role, for URL-wide tests."""

from dataclasses import dataclass, field
from datetime import date
from io import StringIO

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from core import roles
from regions import services as regions_services
from regions import sharing
from regions.models import Analysis, AnalysisSlugRedirect
from tests.factories import UserFactory
from tests.regions.factories import draft_analysis, withdrawn_analysis
from tests.working_group.factories import CommentFactory, MemberFactory, TaskFactory
from working_group.models import Meeting, Member, ReminderLog, Task, WorkingGroup

ROLES = ("anonymous", "no_role", "member", "editor", "publisher", "superuser")


def named_urls():
    """Every named URL pattern as (qualified name, pattern string), admin and API included."""

    def walk(patterns, namespace=None, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, prefix + str(pattern.pattern)

    seen = {}
    for name, route in walk(get_resolver().url_patterns):
        seen.setdefault(name, route)
    return seen


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)


def build_world() -> World:
    call_command("load_demo", stdout=StringIO())
    world = World()
    world.users["no_role"] = UserFactory(username="matrix-no-role")
    member_user = UserFactory(username="matrix-member", groups=[roles.WORKING_GROUP])
    group = WorkingGroup.objects.first()
    member = MemberFactory(user=member_user, group=group, name="Matrix Member")
    world.users["member"] = member_user
    world.users["editor"] = UserFactory(
        username="matrix-editor", is_staff=True, groups=[roles.EDITORS]
    )
    world.users["publisher"] = UserFactory(
        username="matrix-publisher", is_staff=True, groups=[roles.PUBLISHERS]
    )
    world.users["superuser"] = UserFactory(
        username="matrix-admin", is_staff=True, is_superuser=True
    )
    task = TaskFactory(owner=member, track=group.tracks.first())
    comment = CommentFactory(task=task, author=member)
    draft = draft_analysis(slug="matrix-draft")
    withdrawn = withdrawn_analysis(slug="matrix-withdrawn")
    share = regions_services.share_link_create(analysis=draft, by=world.users["editor"])
    AnalysisSlugRedirect.objects.get_or_create(analysis=withdrawn, old_slug="matrix-old-slug")
    Token.objects.get_or_create(user=member_user)
    # A device of a staff member outside the roles (the role users themselves sign in
    # without two-factor), so the superusers' device admin has a real row.
    TOTPDevice.objects.create(
        user=UserFactory(username="matrix-two-factor", is_staff=True), name="TOTP"
    )
    # Rows of the read-only security and reminder tables, so their admin pages are real.
    AccessAttempt.objects.create(
        username="intruder", ip_address="192.0.2.1", failures_since_start=1
    )
    AccessFailureLog.objects.create(username="intruder", ip_address="192.0.2.1")
    AccessLog.objects.create(username="matrix-member", ip_address="192.0.2.2")
    ReminderLog.objects.create(member=member, date=date(2015, 6, 1), task_count=1)
    world.objects.update(
        group=group,
        member=member,
        task=task,
        comment=comment,
        draft=draft,
        withdrawn=withdrawn,
        published=Analysis.objects.public().first(),
        meeting=Meeting.objects.first(),
        share_token=sharing.share_token(share),
    )
    assert Group.objects.filter(name__in=roles.ROLE_NAMES).count() == 3
    assert Member.objects.filter(user=member_user).exists() and Task.objects.exists()
    return world
