"""Signals the shared core sends so that apps can react without the core importing them."""

from django.dispatch import Signal

# Sent after ``restore_portal`` replaced the database content, with ``archive=True`` for a
# pg_restore (which brings derived data back) and False for JSON (which leaves it out, so
# apps rebuild it: regions re-indexes its search vectors).
content_restored = Signal()
