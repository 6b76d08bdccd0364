"""The portal's own settings, plus the benchmark's URLconf with the trivial reference view.

Everything else comes from the environment exactly as in production (``bench.run`` sets
DEBUG=0 and the HTTPS switches off, as ``make serve`` does), so what is measured is what
is deployed. The trivial view lives only here: production URLs never include it.
"""

import os

from bench import TRIVIAL_PATH
from visie_portal.settings import *  # noqa: F403
from visie_portal.settings import ALLOWED_HOSTS, BASE_DIR, PAGE_CACHE_SKIP_PREFIXES

ROOT_URLCONF = "bench.urls"
# The test client's host name, for the in-process measurement.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
# collectstatic goes to a throw-away folder (production settings need the manifest).
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", str(BASE_DIR / "bench" / ".data" / "static"))
# The reference view is what an ordinary Django view costs: no page-cache lookup either.
PAGE_CACHE_SKIP_PREFIXES = [*PAGE_CACHE_SKIP_PREFIXES, TRIVIAL_PATH]
