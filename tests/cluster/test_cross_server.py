"""Two app servers, one primary, one streaming replica, one Redis: what a visitor sees.

Against `make cluster-up` (scripts/cluster.sh): app server A and B are separate gunicorns
with their own processes and memory; only the databases and Redis are shared. The replica
applies changes 500 ms late, so a read that wrongly went to it right after a write would
show the old content: without the router's freshness fence the "at once" test fails.
"""

import pytest

from tests.cluster.support import Browser

pytestmark = pytest.mark.cluster


def test_a_session_created_on_a_is_valid_on_b(cluster, web):
    web.sign_in(cluster.a, cluster.publisher)

    response = web.get(f"{cluster.b}/nl/admin/")

    assert response.status == 200
    assert "/login/" not in response.url


def test_an_analysis_published_on_a_is_public_on_b_at_once(cluster, web):
    analysis = cluster.draft("Gepubliceerd via server A")
    web.sign_in(cluster.a, cluster.publisher)
    visitor = Browser()
    page = f"{cluster.b}/nl/security-environment/{analysis['slug']}/"
    assert visitor.get(page).status == 404

    web.post(f"{cluster.a}/nl/admin/regions/analysis/{analysis['pk']}/transition/force_publish/")

    # Straight away, before the replica can be assumed to have caught up: never the old page.
    for _ in range(5):
        response = visitor.get(page)
        assert (response.status, "Gepubliceerd via server A" in response.text) == (200, True)


def test_the_list_cached_on_b_shows_a_publication_on_a_at_once(cluster, web):
    analysis = cluster.draft("Lijst toont het meteen")
    web.sign_in(cluster.a, cluster.publisher)
    listing = f"{cluster.b}/nl/security-environment/"
    visitor = Browser()
    visitor.get(listing)  # Now in B's page cache, or in the shared one.
    assert "Lijst toont het meteen" not in visitor.get(listing).text

    web.post(f"{cluster.a}/nl/admin/regions/analysis/{analysis['pk']}/transition/force_publish/")

    for _ in range(5):
        assert "Lijst toont het meteen" in visitor.get(listing).text


def test_an_analysis_published_on_a_is_public_on_b_once_the_replica_caught_up(cluster, web):
    analysis = cluster.draft("Na replicatie zichtbaar")
    web.sign_in(cluster.a, cluster.publisher)
    web.post(f"{cluster.a}/nl/admin/regions/analysis/{analysis['pk']}/transition/force_publish/")

    cluster.wait_for_replication()
    response = Browser().get(f"{cluster.b}/nl/security-environment/")

    assert response.status == 200
    assert "Na replicatie zichtbaar" in response.text


def test_an_editor_who_unpublished_on_a_sees_it_gone_on_b_after_signing_out(cluster, web):
    analysis = cluster.draft("Wordt ingetrokken", published=True)
    page = f"{cluster.b}/nl/security-environment/{analysis['slug']}/"
    cluster.wait_for_replication()
    assert Browser().get(page).status == 200
    web.sign_in(cluster.a, cluster.publisher)

    web.post(f"{cluster.a}/nl/admin/regions/analysis/{analysis['pk']}/transition/unpublish/")
    web.post(f"{cluster.a}/nl/admin/logout/")

    # Signed out, so anonymous again: the read-your-writes pin keeps this web on the primary.
    assert web.cookie("sessionid") is None
    assert web.cookie("visie_primary_until") is not None
    assert web.get(page).status == 404
