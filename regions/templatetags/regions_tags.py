"""Small pieces of the region pages that repeat per list item, as tags instead of includes.

An ``{% include %}`` per card and ``get_FOO_display`` (which rebuilds the choices on every
call) were a measurable share of a listing's cost; these do the same from the enum.
"""

from html import escape

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from core.addresses import address_maker
from core.templatetags.dates import time_tag
from core.templatetags.translated import fallback_notice
from core.translated import served_text
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
    return format_html(
        '<span class="trend trend-{}"><span aria-hidden="true" class="trend-icon">{}</span> '
        "{} {}</span>",
        trend,
        TREND_ICONS.get(trend, "▶"),
        gettext("Trend:"),
        Trend(trend).label,
    )


@register.simple_tag
def analysis_cards(analyses, level: int = 3) -> SafeString:
    """The list items of a listing (index, topic, search): one ``<li class="card">`` each.

    Written in Python like the tags above; a card included as a template cost about as
    much as the rest of its page. A search result's ``snippet`` (already escaped and
    marked) takes the summary's place.
    """
    address = address_maker("regions:analysis", "slug", "analysis-address-sentinel")
    words = {
        "updated": escape(gettext("Last updated")),
        "part_of": gettext("Part of %(parent)s"),
    }
    return mark_safe("".join(_card(analysis, level, words, address) for analysis in analyses))


def _card(analysis, level: int, words: dict, address) -> str:
    region = analysis.region
    revision = analysis.live_revision
    name = served_text(region, "name")
    title = served_text(revision, "title")
    summary = served_text(revision, "summary")
    parent = ""
    if region.parent_id is not None:
        part_of = escape(words["part_of"] % {"parent": region.parent.name})
        parent = f'\n  <p class="region-parent">{part_of}</p>'
    snippet = getattr(analysis, "snippet", None)
    if snippet:
        text = f'<p class="snippet"{summary.lang_attr}>{conditional_escape(snippet)}</p>'
    else:
        text = f"<p{summary.lang_attr}>{escape(summary.text)}</p>"
    return (
        '<li class="card">\n'
        f'  <h{level}><a href="{address(analysis.slug)}"{name.lang_attr}>'
        f"{escape(name.text)}</a></h{level}>{parent}\n"
        f'  <p class="analysis-title"{title.lang_attr}>{escape(title.text)}</p>\n'
        f"  {text}\n"
        f"  {fallback_notice(name, title, summary)}\n"
        f"  <p>{trend_badge(revision.trend)}</p>\n"
        f'  <p class="last-update">{words["updated"]}: {time_tag(analysis.last_published_at)}</p>\n'
        "</li>"
    )
