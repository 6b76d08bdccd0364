"""Labels, the trend badge and search highlights of the region pages.

``get_FOO_display`` rebuilds the choices on every call, a measurable share of a listing's
cost; these filters do the same from the enum.
"""

import functools
import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from regions.models import RegionGroup, RegionKind, Trend
from regions.search import MARK_START, MARK_STOP

register = template.Library()

MARKED = re.compile(f"{MARK_START}(.*?){MARK_STOP}", re.DOTALL)

TREND_ICONS = {Trend.IMPROVING: "▲", Trend.DETERIORATING: "▼"}


@register.filter
def trend_label(value: str) -> str:
    return Trend(value).label


@register.filter
def region_group_label(value: str) -> str:
    return RegionGroup(value).label


@register.filter
def region_kind_label(value: str) -> str:
    return RegionKind(value).label


@register.simple_tag
def trend_badge(trend: str):
    """The assessed trend: an icon hidden from screen readers, then the words."""
    return _trend_badge(trend, get_language())


@functools.cache
def _trend_badge(trend: str, language: str | None):
    # A listing shows one per card, from four trends: each badge is built once per language.
    return format_html(
        '<span class="trend trend-{}"><span aria-hidden="true" class="trend-icon">{}</span> '
        "{} {}</span>",
        trend,
        TREND_ICONS.get(trend, "▶"),
        gettext("Trend:"),
        Trend(trend).label,
    )


@register.filter
def highlighted(snippet: str) -> SafeString:
    """A search snippet with every part escaped; the marked words inside ``<mark>``."""
    # re.split puts the marked words at the odd positions; a stray marker is dropped.
    parts = MARKED.split(snippet)
    return mark_safe(
        "".join(
            format_html("<mark>{}</mark>", part)
            if position % 2
            else conditional_escape(part.replace(MARK_START, "").replace(MARK_STOP, ""))
            for position, part in enumerate(parts)
        )
    )
