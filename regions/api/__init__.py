"""The regions app's read-only REST API (issue 6): regions, reference data, analyses.

Visibility is never decided here: every queryset starts from ``Analysis.objects.public()``
or ``readable_at_address()`` (via ``regions.selectors``), the same definitions the pages use.
"""
