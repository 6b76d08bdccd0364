"""Template side of visie_portal.translated: fallback text, its ``lang`` and the notice.

{% load translated %}
{% translated revision "title" as title %}
<h1{{ title.lang_attr }}>{{ title }}</h1>
{% fallback_notice title %}
"""

from django import template

from visie_portal.translated import ServedText, any_fallback, served_text

register = template.Library()


@register.simple_tag
def translated(instance, field):
    return served_text(instance, field)


@register.simple_tag
def fallback_in(instances, field):
    """True when any of ``instances`` shows ``field`` in Dutch instead of the page's language."""
    return any_fallback(instances, field)


@register.inclusion_tag("visie_portal/_fallback_notice.html")
def fallback_notice(*texts):
    """The translated notice, once, when any of ``texts`` (ServedText or bool) fell back."""
    shown = any(t.is_fallback if isinstance(t, ServedText) else bool(t) for t in texts)
    return {"show": shown}


@register.inclusion_tag("visie_portal/_fallback_marker.html")
def fallback_marker(text):
    """A short inline marker for one list item's fallback text (notices would crowd a list)."""
    return {"show": text.is_fallback}
