"""What a card on the members' board shows (working_group.board and members/board.html)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from tests.working_group.factories import MemberFactory, TaskFactory, TrackFactory
from tests.working_group.helpers import task_url, url
from working_group.models import Task, Visibility

pytestmark = pytest.mark.django_db


def board(member_client) -> str:
    return member_client.get(url("board")).text


def test_a_card_links_to_its_task_with_reference_and_title(member_client, member, track):
    task = TaskFactory(track=track, owner=member, title_nl="Begroting 2016")

    assert (
        f'<a href="{task_url("task_detail", task)}">{task.reference} Begroting 2016</a>'
        in board(member_client)
    )


def test_a_card_names_owner_track_priority_and_progress(member_client, member, track):
    TaskFactory(track=track, owner=member, priority=Task.Priority.HIGH, progress=40)

    text = board(member_client)

    assert f"{member.name} · {track.name_en or track.name_nl} · priority: High" in text
    assert "40 % done" in text


def test_an_open_task_past_its_due_date_is_marked_overdue(member_client, member, track):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    TaskFactory(track=track, owner=member, due_date=yesterday, state=Task.State.IN_PROGRESS)

    text = board(member_client)

    assert f'<time datetime="{yesterday.isoformat()}">' in text
    assert '<strong class="wg-overdue">Overdue</strong>' in text


def test_a_done_task_past_its_due_date_is_not_overdue(member_client, member, track):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    TaskFactory(track=track, owner=member, due_date=yesterday, state=Task.State.DONE, progress=100)

    assert "wg-overdue" not in board(member_client)


def test_a_blocked_card_gives_the_reason(member_client, member, track):
    TaskFactory(track=track, owner=member, state=Task.State.BLOCKED, blocked_reason="Wacht op CFO")

    assert "<p>Blocked: Wacht op CFO</p>" in board(member_client)


def test_a_card_says_whether_the_task_is_public(member_client, member, track):
    TaskFactory(track=track, owner=member, visibility=Visibility.PUBLIC, is_example_data=True)

    assert '<p>Public · <span class="example-data">Example data</span></p>' in board(member_client)


def test_a_card_escapes_what_members_typed(member_client, member, track):
    TaskFactory(
        track=track,
        owner=member,
        title_nl="<script>alert(1)</script>",
        state=Task.State.BLOCKED,
        blocked_reason='"><img src=x onerror=alert(2)>',
    )

    text = board(member_client)

    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img src=x" not in text


def hostile(text: str) -> str:
    return f'<script>alert(1)</script> "{text}" & co'


def test_the_card_in_every_column_shows_every_text_escaped(member_client, group):
    owner = MemberFactory(group=group, name=hostile("owner"))
    track = TrackFactory(group=group, slug="hostile", name_nl=hostile("track"))
    texts = [hostile("owner"), hostile("track"), hostile("blocked reason")]
    for state in Task.State:
        texts.append(hostile(f"title {state}"))
        TaskFactory(
            track=track,
            owner=owner,
            state=state,
            title_nl=hostile(f"title {state}"),
            progress=100 if state == Task.State.DONE else 0,
            blocked_reason=hostile("blocked reason") if state == Task.State.BLOCKED else "",
        )

    text = board(member_client)

    assert "<script>" not in text
    for shown in texts:
        assert escape(shown) in text, shown


def test_an_empty_column_says_so(member_client, member, track):
    TaskFactory(track=track, owner=member, state=Task.State.DONE, progress=100)

    assert board(member_client).count("<p>No tasks.</p>") == len(Task.State) - 1


def test_an_empty_column_says_so_in_the_page_language(member_client, member, track):
    # Catches the words dropping out of the catalogue (makemessages skips f-strings).
    with translation.override("nl"):
        address = reverse("working_group:board")

    assert "<p>Geen taken.</p>" in member_client.get(address).text
