"""``{% time_tag value %}``: a ``<time>`` element with the machine-readable moment.

Equivalent to ``<time datetime="{{ value|date:'c' }}">{{ value|date:"DATE_FORMAT" }}</time>``
but converts to local time and formats once; list pages show one per item, and the two
filters were a measurable part of an item's cost.
"""

from datetime import datetime

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def time_tag(value, format_name="DATE_FORMAT"):
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), formats.date_format(value, format_name)
    )
