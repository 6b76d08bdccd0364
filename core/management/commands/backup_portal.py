"""Back up the portal's data: portable JSON always, and a pg_dump archive on PostgreSQL.

The JSON uses natural keys, so it restores into any fresh database of the same schema,
SQLite or PostgreSQL; the pg_dump archive is the faster, exact copy for PostgreSQL.
"""

import gzip
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

# Rebuilt by `migrate`, derived from content (search vectors, rebuilt by restore_portal) or
# pure runtime state: never restored from a backup.
EXCLUDED = [
    "contenttypes",
    "regions.searchdocument",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
]


def dump_json(path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            exclude=EXCLUDED,
            indent=None,
            stdout=stream,
        )


class Command(BaseCommand):
    help = "Write a backup to backups/ (JSON with natural keys; plus pg_dump on PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(settings.BASE_DIR / "backups"))

    def handle(self, *args, directory, **options):
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")

        json_path = folder / f"visie-portal-{stamp}.json.gz"
        dump_json(json_path)
        self.stdout.write(f"JSON backup: {json_path}")

        if connection.vendor == "postgresql":
            if shutil.which("pg_dump") is None:
                raise CommandError("pg_dump is not installed; the JSON backup was written.")
            dump_path = folder / f"visie-portal-{stamp}.pgdump"
            db = connection.settings_dict
            subprocess.run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    f"--file={dump_path}",
                    f"--dbname={db['NAME']}",
                    f"--host={db.get('HOST') or 'localhost'}",
                    f"--port={db.get('PORT') or 5432}",
                    f"--username={db.get('USER') or 'postgres'}",
                ],
                check=True,
                env={"PGPASSWORD": db.get("PASSWORD") or "", "PATH": "/usr/bin:/bin"},
            )
            self.stdout.write(f"PostgreSQL archive: {dump_path}")
