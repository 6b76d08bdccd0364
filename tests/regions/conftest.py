import pytest


@pytest.fixture(autouse=True)
def _dutch(settings):
    """Pages, services and their messages run in Dutch, the source language, unless a test
    says otherwise; asserting Dutch messages also proves the catalogue is in use."""
    from django.utils import translation

    with translation.override("nl"):
        yield
