"""Restore a backup written by `backup_portal` into the configured database.

JSON backups replace the current content: the database is flushed, then the dump is
loaded in one transaction (the roles and permissions come back from migrations and the
dump's natural keys). A `.pgdump` archive is restored with pg_restore on PostgreSQL.
"""

import subprocess
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core.seeding import refresh_planner_statistics
from core.signals import content_restored


class Command(BaseCommand):
    help = "Restore a backup (.json.gz, .json or .pgdump) into the configured database."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--noinput", action="store_true", help="Do not ask to confirm.")

    def handle(self, *args, file, noinput, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No backup at {path}.")
        if not noinput:
            answer = input(f"This replaces ALL content of the database with {path}. Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")

        if path.suffix == ".pgdump":
            self.restore_archive(path)
        else:
            self.restore_json(path)
        refresh_planner_statistics()
        self.stdout.write(self.style.SUCCESS(f"Restored {path}."))

    def restore_json(self, path: Path) -> None:
        # loaddata reads .json.gz itself.
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(path), verbosity=0)
            # Derived data (search vectors) is left out of the JSON backup; apps rebuild it.
            content_restored.send(sender=self.__class__, archive=False)

    def restore_archive(self, path: Path) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("A .pgdump archive restores only into PostgreSQL.")
        db = connection.settings_dict
        connection.close()
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                f"--dbname={db['NAME']}",
                f"--host={db.get('HOST') or 'localhost'}",
                f"--port={db.get('PORT') or 5432}",
                f"--username={db.get('USER') or 'postgres'}",
                str(path),
            ],
            check=True,
            env={"PGPASSWORD": db.get("PASSWORD") or "", "PATH": "/usr/bin:/bin"},
        )
        content_restored.send(sender=self.__class__, archive=True)
