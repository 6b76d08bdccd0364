"""Benchmark harness of issue 9: ``make bench`` runs ``python -m bench.run``.

See README.md, "Performance".
"""

# The reference view of every ratio (bench/urls.py); not part of the production URLs.
TRIVIAL_PATH = "/__bench__/trivial/"
