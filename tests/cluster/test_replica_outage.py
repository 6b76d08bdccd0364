"""With the replica stopped, both app servers keep answering public pages from the primary.

In a module of its own, run after the others: it stops and restarts the cluster's replica.
"""

import pytest

pytestmark = pytest.mark.cluster

PUBLIC_PAGES = ["/nl/", "/nl/security-environment/", "/fr/budget/", "/en/working-group/"]


@pytest.fixture
def replica_stopped(cluster):
    cluster.replica("stop")
    yield
    cluster.replica("start")


def test_public_pages_answer_on_both_servers_while_the_replica_is_stopped(
    cluster, web, replica_stopped
):
    answers = [
        (base + page, web.get(base + page).status)
        for base in (cluster.a, cluster.b)
        for page in PUBLIC_PAGES * 3
    ]

    assert {status for _url, status in answers} == {200}, answers
