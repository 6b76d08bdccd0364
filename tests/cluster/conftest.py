"""The cross-server tests talk HTTP to the local cluster of `make cluster-up`.

They run when the cluster is up (``.cluster/env``, or ``CLUSTER_URL_A``/``CLUSTER_URL_B`` with
``DATABASE_URL``/``REPLICA_DATABASE_URL`` for a cluster elsewhere) and are skipped with that
reason otherwise; ``make cluster-test`` sets ``CLUSTER_REQUIRED=1`` so that a missing cluster
fails instead. The test process keeps its own settings: the cluster's environment goes only to
the ``manage.py`` runs that prepare content in the cluster's primary.
"""

import os

import pytest

from tests.cluster.support import Browser, Cluster, cluster_env


def pytest_collection_modifyitems(config, items):
    # Without a cluster, skip; unless one is required, then the fixture below fails.
    if cluster_env() is not None or os.environ.get("CLUSTER_REQUIRED") == "1":
        return
    skip = pytest.mark.skip(reason="no local cluster is running (make cluster-up starts one)")
    for item in items:
        if "cluster" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def cluster():
    env = cluster_env()
    if env is None:
        pytest.fail("no local cluster is running (make cluster-up starts one)")
    return Cluster(env)


@pytest.fixture
def web():
    """A browser of its own per test (the name `browser` belongs to pytest-playwright)."""
    return Browser()
