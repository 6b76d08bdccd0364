"""Labels and the trend badge of the region pages, read from the enums.

``get_FOO_display`` rebuilds the choices on every call, a measurable share of a listing's
cost; these filters do the same from the enum.
"""

import functools

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from regions.models import RegionGroup, RegionKind, Trend

register = template.Library()

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
