"""Benchmark harness of issue 9: ``make bench`` runs ``python -m bench.run``.

See README.md, "Performance".
"""
