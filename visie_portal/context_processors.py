from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info, override


def language_alternates(request):
    """The current page's address in every language, for the switcher and hreflang links.

    The bare ``/`` has no language prefix to swap, so its alternates are the prefixed
    home pages.
    """
    path = request.get_full_path()
    is_root = getattr(request.resolver_match, "url_name", None) == "root"
    alternates = []
    for code, _name in settings.LANGUAGES:
        if is_root:
            with override(code):
                url = reverse("home")
        else:
            url = translate_url(path, code)
        alternates.append({"code": code, "name": get_language_info(code)["name_local"], "url": url})
    return {"language_alternates": alternates}
