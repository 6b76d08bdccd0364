"""Load the demo content of every app, from files inside the repository only.

Each app that has demo content provides a ``demo`` module with a ``load(stdout)``
function; apps run in ``INSTALLED_APPS`` order so later apps can link to earlier ones.
Every loader is idempotent (it looks records up by natural key), so running the
command twice adds nothing twice.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if find_spec(module_name) is not None:
            yield app_config, import_module(module_name)


class Command(BaseCommand):
    help = "Load the demo content (regions, budget reviews, working group) from the seed."

    def handle(self, *args, **options):
        loaded = 0
        with transaction.atomic():
            for app_config, module in demo_modules():
                self.stdout.write(f"Loading demo content for {app_config.label}…")
                module.load(stdout=self.stdout)
                loaded += 1
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded for {loaded} app(s)."))
