"""Meeting minutes are Markdown rendered and sanitised: nothing active survives."""

import pytest

from core.markdown import render_markdown
from tests.working_group.factories import MeetingFactory
from tests.working_group.helpers import url


def test_script_tags_are_removed():
    assert "<script" not in render_markdown("Hallo <script>alert(1)</script>")


def test_event_handler_attributes_are_removed():
    assert "onerror" not in render_markdown('<img src="x" onerror="alert(1)">')


def test_javascript_links_lose_their_address():
    html = render_markdown("[klik](javascript:alert(1))")

    assert "javascript:" not in html


def test_ordinary_links_get_a_safe_rel():
    html = render_markdown("[site](https://example.org)")

    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_a_heading_in_the_minutes_cannot_add_a_second_h1():
    assert "<h1" not in render_markdown("# Titel")


@pytest.mark.django_db
def test_the_meeting_page_shows_minutes_sanitised(member_client, group):
    meeting = MeetingFactory(group=group, minutes="**Besluit** <script>alert(1)</script>")

    text = member_client.get(url("meeting_detail", pk=meeting.pk)).text

    assert "<strong>Besluit</strong>" in text
    assert "<script>alert(1)" not in text
