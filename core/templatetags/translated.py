"""Template side of core.translated: fallback text, its ``lang`` and the notice.

{% load translated %}
{% translated revision "title" as title %}
<h1{{ title.lang_attr }}>{{ title }}</h1>
{% fallback_notice title %}

The notice and the marker are simple tags, not inclusion tags: list pages call them once
per item, and rendering a template each time was a measurable part of a page's cost.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from core.translated import ServedText, any_fallback, served_text

register = template.Library()


@register.simple_tag
def translated(instance, field):
    return served_text(instance, field)


@register.simple_tag
def fallback_in(instances, field):
    """True when any of ``instances`` shows ``field`` in Dutch instead of the page's language."""
    return any_fallback(instances, field)


@register.simple_tag
def fallback_notice(*texts):
    """The translated notice, once, when any of ``texts`` (ServedText or bool) fell back."""
    if not any(t.is_fallback if isinstance(t, ServedText) else bool(t) for t in texts):
        return ""
    # Translators: name YOUR language (the notice only shows on pages in it), e.g. French:
    # Ce texte n’est pas encore disponible en français…
    notice = gettext("This text is not yet available in English; it is shown in Dutch.")
    return format_html('<p class="fallback-notice">{}</p>', notice)


@register.simple_tag
def fallback_marker(text):
    """A short inline marker for one list item's fallback text (notices would crowd a list)."""
    if not text.is_fallback:
        return ""
    marker = gettext("(not yet translated; shown in Dutch)")
    return format_html(' <span class="fallback-notice">{}</span>', marker)
