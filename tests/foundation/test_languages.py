"""Every public URL answers in nl, fr, de and en with the right <html lang> and hreflang.

The walk covers every named public route of the portal (with real demo objects); a new
public route that is not listed here fails `test_the_walk_covers_every_public_route`.
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from budget.models import YearlyReview
from core import roles
from regions import services
from regions.models import Analysis, Topic
from tests.factories import UserFactory

LANGUAGES = ("nl", "fr", "de", "en")

# Signed-in or editorial routes are no public pages; the API lives outside the language
# prefix (it negotiates with Accept-Language, see docs/decisions/0005-api.md).
PRIVATE_PREFIXES = ("admin", "audit-", "two-factor", "working_group:", "v1:", "api-")
PUBLIC_WORKING_GROUP = {"working_group:index", "working_group:public_tasks_csv"}
PRIVATE = {"regions:preview", "regions:share", "root", "healthz", "set_language"}
# Machine formats: they answer in every language but carry no <html lang>.
NOT_HTML = {"regions:feed", "budget:lines_csv", "budget:lines_json", "budget:datapackage"}


def route_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace in ("admin", "api"):
                continue
            yield from route_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def is_public(name: str) -> bool:
    if name in PUBLIC_WORKING_GROUP:
        return True
    return not name.startswith(PRIVATE_PREFIXES) and name not in PRIVATE and "sitemap" not in name


@pytest.fixture(scope="module")
def public_routes(django_db_setup, django_db_blocker):
    """(name, kwargs, query) for every public route, with demo objects; loaded once."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())
        analyses = list(Analysis.objects.public().select_related("region"))
        withdrawn = analyses[-1]
        publisher = UserFactory(username="walk-publisher", groups=[roles.PUBLISHERS])
        services.analysis_archive(analysis=withdrawn, reason="Vervangen.", by=publisher)
        analysis = analyses[0]
        topic = Topic.objects.filter(analysisrevision__analysis__in=analyses[:-1]).first()
        review = YearlyReview.objects.public().select_related("legislature").first()
        routes = [
            ("home", {}, ""),
            ("regions:index", {}, ""),
            ("regions:search", {}, "?q=Afrika"),
            ("regions:feed", {}, ""),
            ("regions:topic", {"slug": topic.slug}, ""),
            ("regions:region", {"slug": analysis.region.slug}, ""),
            ("regions:analysis", {"slug": analysis.slug}, ""),
            ("regions:analysis", {"slug": withdrawn.slug}, ""),
            ("budget:index", {}, ""),
            ("budget:year", {"legislature": review.legislature.slug, "year": review.year}, ""),
            ("budget:lines_csv", {}, ""),
            ("budget:lines_json", {}, ""),
            ("budget:datapackage", {}, ""),
            ("working_group:index", {}, ""),
            ("working_group:public_tasks_csv", {}, ""),
        ]
        yield routes
        call_command("flush", "--noinput", verbosity=0)


@pytest.mark.django_db
def test_the_walk_covers_every_public_route(public_routes):
    walked = {name for name, _kwargs, _query in public_routes}

    assert {name for name in route_names() if is_public(name)} == walked


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_route_answers_in_the_language_with_lang_and_hreflang(
    client, public_routes, language
):
    for name, kwargs, query in public_routes:
        with translation.override(language):
            url = reverse(name, kwargs=kwargs)
        assert url.startswith(f"/{language}/")
        response = client.get(url + query, follow=True)
        assert response.status_code == 200, url
        if name in NOT_HTML or not response["Content-Type"].startswith("text/html"):
            continue
        page = response.content.decode()
        assert f'<html lang="{language}">' in page, url
        final_path = response.request["PATH_INFO"]
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', page)
        )
        assert set(alternates) == set(LANGUAGES), url
        assert alternates[language] == final_path + (query if final_path == url else ""), url
        for other, href in alternates.items():
            assert href.startswith(f"/{other}/"), (url, href)
