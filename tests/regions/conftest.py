import pytest


@pytest.fixture(autouse=True)
def _dutch(settings):
    """Pages and services run in Dutch, the source language, unless a test says otherwise."""
    from django.utils import translation

    with translation.override("nl"):
        yield
