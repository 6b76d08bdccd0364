from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language_info, override


def language_alternates(request):
    """The current page's address in every language, for the switcher and hreflang links.

    The bare ``/`` has no language prefix to swap, so its alternates are the prefixed
    home pages.
    """
    path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    is_root = getattr(match, "url_name", None) == "root"
    alternates = []
    for code, _name in settings.LANGUAGES:
        if is_root:
            with override(code):
                url = reverse("home")
        elif match is not None:
            url = _reverse_in(match, path, code)
        else:
            url = translate_url(path, code)
        alternates.append({"code": code, "name": get_language_info(code)["name_local"], "url": url})
    return {"language_alternates": alternates}


def _reverse_in(match, path: str, code: str) -> str:
    """translate_url() without resolving the path again: the request has resolved it once."""
    with override(code):
        try:
            translated = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return path
    parts = urlsplit(path)
    return urlunsplit((parts.scheme, parts.netloc, translated, parts.query, parts.fragment))
