"""Issue 9: anonymous public pages and API reads are cached, and never served stale.

Each content change below goes through the service an editor or member would use, and the
very next anonymous request must show it.
"""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from rest_framework.authtoken.models import Token

from budget import services as budget_services
from core import page_cache
from regions import services as regions_services
from tests.budget.factories import DecidedReviewFactory, LegislatureFactory, ReviewLineFactory
from tests.regions.factories import (
    draft_analysis,
    published_analysis,
    republished_analysis,
    second_publisher,
)
from tests.working_group.factories import MemberFactory, TaskFactory, TrackFactory
from working_group import services as wg_services
from working_group.models import Visibility

pytestmark = pytest.mark.django_db


def get_counting_queries(client, address, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, **headers)
    return response, len(queries)


@pytest.fixture
def analysis():
    return published_analysis(title_nl="Eerste titel")


@pytest.fixture
def analysis_url(analysis):
    return reverse("regions:analysis", kwargs={"slug": analysis.slug})


# --- What is cached, for whom ------------------------------------------------------------


def test_second_anonymous_request_is_answered_without_database_queries(client, analysis_url):
    client.get(analysis_url)

    response, queries = get_counting_queries(client, analysis_url)

    assert response.status_code == 200
    assert queries == 0


def test_cached_page_has_the_same_body_as_the_fresh_one(client, analysis_url):
    fresh = client.get(analysis_url)

    cached = client.get(analysis_url)

    assert cached.content == fresh.content


def test_cached_page_keeps_the_security_headers(client, analysis_url):
    client.get(analysis_url)

    cached = client.get(analysis_url)

    assert "default-src 'self'" in cached["Content-Security-Policy"]
    assert cached["X-Frame-Options"] == "DENY"
    assert cached["X-Content-Type-Options"] == "nosniff"


def test_cached_page_carries_the_etag_of_the_fresh_one(client, analysis_url):
    fresh = client.get(analysis_url)

    cached = client.get(analysis_url)

    assert cached["ETag"] == fresh["ETag"]


def test_cached_page_answers_304_to_its_etag(client, analysis_url):
    etag = client.get(analysis_url)["ETag"]

    response = client.get(analysis_url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304


def test_public_task_export_is_cached(client, working_group_member):
    export = reverse("working_group:public_tasks_csv")
    client.get(export)

    response, queries = get_counting_queries(client, export)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert queries == 0


def test_each_language_is_cached_separately(client, analysis):
    client.get(reverse("regions:analysis", kwargs={"slug": analysis.slug}))

    english = client.get(f"/en/security-environment/{analysis.slug}/")

    assert english["Content-Language"] == "en"


def test_anonymous_api_list_is_cached(client, analysis):
    client.get("/api/v1/analyses/")

    response, queries = get_counting_queries(client, "/api/v1/analyses/")

    assert response.status_code == 200
    assert queries == 0


def test_signed_in_user_never_gets_the_cached_anonymous_page(client, analysis_url, editor):
    client.get(analysis_url)
    client.force_login(editor)

    response, queries = get_counting_queries(client, analysis_url)

    assert response.status_code == 200
    assert queries > 0


def test_signed_in_user_does_not_fill_the_cache(client, analysis_url, editor):
    client.force_login(editor)
    client.get(analysis_url)
    client.logout()

    _, queries = get_counting_queries(client, analysis_url)

    assert queries > 0


def test_token_authenticated_api_request_is_not_answered_from_the_cache(
    client, analysis, working_group_member
):
    client.get("/api/v1/analyses/")
    token = Token.objects.create(user=working_group_member)

    _, queries = get_counting_queries(
        client, "/api/v1/analyses/", HTTP_AUTHORIZATION=f"Token {token.key}"
    )

    assert queries > 0


def test_share_link_page_is_never_cached(client):
    draft = draft_analysis()
    link = regions_services.share_link_create(analysis=draft, by=draft.draft_revision.author)
    address = link.get_absolute_url()
    client.get(address)

    _, queries = get_counting_queries(client, address)

    assert queries > 0


def test_sign_in_page_with_its_csrf_token_is_not_cached(client):
    address = reverse("working_group:login")
    client.get(address)

    second = client.get(address)

    # Rendered again: a replayed page would not renew the visitor's CSRF cookie.
    assert "csrftoken" in second.cookies


def test_setting_the_cache_time_to_zero_turns_the_cache_off(client, analysis_url, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(analysis_url)

    _, queries = get_counting_queries(client, analysis_url)

    assert queries > 0


# --- Invalidation: every kind of change shows on the next anonymous request -----------------


def test_publishing_shows_the_new_analysis_on_the_index_at_once(client):
    published_analysis(title_nl="Oude analyse")
    index = reverse("regions:index")
    client.get(index)

    published_analysis(title_nl="Nieuwe analyse", slug="nieuwe-analyse")

    assert "Nieuwe analyse" in client.get(index).text


def test_edit_and_republish_shows_the_new_title_at_once(client, analysis, analysis_url):
    client.get(analysis_url)

    republished_analysis(analysis, title_nl="Herziene titel")

    page = client.get(analysis_url).text
    assert "Herziene titel" in page
    assert "Eerste titel" not in page


def test_withdrawal_removes_the_analysis_from_the_index_at_once(client, analysis):
    index = reverse("regions:index")
    assert "Eerste titel" in client.get(index).text

    regions_services.analysis_archive(
        analysis=analysis, reason="Vervangen door een nieuwe analyse.", by=second_publisher()
    )

    assert "Eerste titel" not in client.get(index).text


def test_budget_change_shows_on_the_budget_page_at_once(client, publisher):
    legislature = LegislatureFactory(slug="2014-2019")
    review = DecidedReviewFactory(legislature=legislature, year=2015)
    line = ReviewLineFactory(review=review, amount_requested=Decimal("60000000"))
    address = reverse("budget:year", kwargs={"legislature": "2014-2019", "year": 2015})
    assert "60.000.000" in client.get(address).text

    line.amount_requested = Decimal("75000000")
    budget_services.review_save(
        review=review,
        by=publisher,
        expected_version=review.version,
        lines=[line],
        change_note="Correctie van het gevraagde bedrag.",
    )

    page = client.get(address).text
    assert "75.000.000" in page
    assert "60.000.000" not in page


def test_task_made_public_appears_in_the_public_export_at_once(client, working_group_member):
    member = MemberFactory(user=working_group_member)
    task = TaskFactory(
        track=TrackFactory(group=member.group),
        owner=member,
        title_nl="Aankoop fregatten",
        visibility=Visibility.INTERNAL,
    )
    export = reverse("working_group:public_tasks_csv")
    assert b"Aankoop fregatten" not in client.get(export).getvalue()

    wg_services.task_update(
        task=task, expected_version=task.version, by=working_group_member,
        visibility=Visibility.PUBLIC,
    )  # fmt: skip

    assert b"Aankoop fregatten" in client.get(export).getvalue()


def test_scheduled_publication_bounds_the_generation(analysis):
    # Before the next local midnight, which ends every generation anyway (a fixed "in two
    # hours" made this fail every evening after 22:00 in Brussels).
    tomorrow = timezone.localdate() + timedelta(days=1)
    midnight = timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))
    later = timezone.now() + (midnight - timezone.now()) / 2
    scheduled = published_analysis(slug="gepland", publish_at=later)

    generation = page_cache.current_generation()

    assert generation["valid_until"] == scheduled.publish_at


def test_generation_is_replaced_once_its_moment_has_passed():
    first = page_cache.current_generation()
    cache.set(
        page_cache.GENERATION_KEY, {**first, "valid_until": timezone.now() - timedelta(seconds=1)}
    )

    assert page_cache.current_generation()["token"] != first["token"]


def test_generation_ends_at_the_next_local_midnight_at_the_latest():
    generation = page_cache.current_generation()

    local_end = timezone.localtime(generation["valid_until"])
    assert (local_end.hour, local_end.minute, local_end.second) == (0, 0, 0)
    assert local_end - timezone.localtime() <= timedelta(days=1)


# --- Conditional GET ---------------------------------------------------------------------


def test_public_page_carries_last_modified_of_the_last_content_change(client, analysis_url):
    response = client.get(analysis_url)

    changed_at = page_cache.current_generation()["changed_at"]
    assert response["Last-Modified"] == http_date(changed_at.timestamp())


def test_unchanged_page_answers_304_to_if_modified_since(client, analysis_url):
    last_modified = client.get(analysis_url)["Last-Modified"]

    response = client.get(analysis_url, HTTP_IF_MODIFIED_SINCE=last_modified)

    assert response.status_code == 304


def test_changed_content_answers_200_to_an_old_etag(client, analysis, analysis_url):
    etag = client.get(analysis_url)["ETag"]
    regions_services.analysis_archive(
        analysis=analysis, reason="Vervangen door een nieuwe analyse.", by=second_publisher()
    )

    response = client.get(analysis_url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200


def test_region_address_redirect_is_cached(client, analysis):
    address = reverse("regions:region", kwargs={"slug": analysis.region.slug})
    first = client.get(address)

    second, queries = get_counting_queries(client, address)

    assert first.status_code in (301, 302)
    assert (second.status_code, second["Location"], queries) == (
        first.status_code,
        first["Location"],
        0,
    )


def test_not_found_answers_are_not_cached(client):
    client.get("/nl/security-environment/bestaat-niet/")

    _, queries = get_counting_queries(client, "/nl/security-environment/bestaat-niet/")

    assert queries > 0
