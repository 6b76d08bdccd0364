"""Every user-facing string has a translation in all four catalogues.

The check extracts messages afresh with `makemessages` (needs GNU gettext, installed by
`.ci/run`) into a scratch copy of each app, so a string added to a template or to Python
code without a translation fails here, not in front of a French reader.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.helpers import REPO_ROOT

APPS = ("core", "regions", "budget", "working_group", "staff_otp")
LANGUAGES = ("nl", "fr", "de", "en")


def catalogue(app: str, language: str, root: Path = REPO_ROOT) -> Path:
    return root / app / "locale" / language / "LC_MESSAGES" / "django.po"


def untranslated(po: polib.POFile) -> list[str]:
    return [
        entry.msgid
        for entry in po
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("app", APPS)
def test_committed_catalogue_translates_every_message(app, language):
    po = polib.pofile(str(catalogue(app, language)))

    assert untranslated(po) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("app", APPS)
def test_compiled_catalogue_matches_its_source(app, language):
    po_path = catalogue(app, language)
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    source = polib.pofile(str(po_path))

    def pairs(catalogue_file):
        return {
            (entry.msgctxt, entry.msgid, entry.msgstr or tuple(entry.msgstr_plural.items()))
            for entry in catalogue_file
            if entry.msgid and not entry.obsolete and "fuzzy" not in entry.flags
        }

    assert pairs(source) <= pairs(compiled)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("app", APPS)
def test_every_message_in_the_code_is_in_the_catalogues(app, tmp_path):
    scratch = tmp_path / app
    shutil.copytree(REPO_ROOT / app, scratch, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, str(REPO_ROOT / "manage.py"), "makemessages", "--no-obsolete"]
        + [f"-l{language}" for language in LANGUAGES],
        cwd=scratch,
        check=True,
        capture_output=True,
    )

    for language in LANGUAGES:
        fresh = {entry.msgid for entry in polib.pofile(str(catalogue(app, language, tmp_path)))}
        committed = {entry.msgid for entry in polib.pofile(str(catalogue(app, language)))}
        assert fresh - committed == set(), f"{app}/{language}: run `make messages` and translate"
