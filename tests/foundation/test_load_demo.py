from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from core.management.commands.load_demo import demo_modules

PORTAL_APPS = ("regions", "budget", "working_group")


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for app_label in PORTAL_APPS
        for model in apps.get_app_config(app_label).get_models()
    }


@pytest.mark.django_db
def test_load_demo_twice_adds_nothing_the_second_time():
    call_command("load_demo", stdout=StringIO())
    after_first = row_counts()

    call_command("load_demo", stdout=StringIO())

    assert row_counts() == after_first


@pytest.mark.django_db
def test_load_demo_fills_every_app_that_has_demo_content():
    call_command("load_demo", stdout=StringIO())

    for app_config, _module in demo_modules():
        counts = [m._default_manager.count() for m in app_config.get_models()]
        assert any(counts), f"{app_config.label} demo loaded nothing"
