from rest_framework.pagination import CursorPagination, PageNumberPagination


class StandardPagination(PageNumberPagination):
    """Numbered pages for lists that stay small (regions, topics, legislatures…)."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


class StreamPagination(CursorPagination):
    """Cursor pages for lists that grow without bound: page 1,000 costs what page 1 costs.

    Views set ``ordering`` to a unique, indexed key (e.g. ``("-created_at", "-id")``).
    """

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
