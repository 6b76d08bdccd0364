"""Translation parity of analysis revisions: is each language's text up to date with Dutch?

A revision stores, per language, a fingerprint of that language's text and the
fingerprint of the Dutch text it was written against (``translation_sources``). When a
new revision keeps a language's text unchanged, its "written against" carries over from
the revision before, so a Dutch edit without a matching French edit makes French
outdated. See docs/decisions/0007-translation-parity.md.
"""

import hashlib

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

SOURCE = "nl"
# What a translator must translate for the page to be whole; change notes are per change.
REQUIRED_FIELDS = ("title", "summary", "body")
FIGURE_FIELDS = ("label", "unit")

CURRENT, OUTDATED, MISSING = "current", "outdated", "missing"
STATUS_LABELS = {
    CURRENT: _("up to date"),
    OUTDATED: _("older than the Dutch"),
    MISSING: _("missing"),
}


def target_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != SOURCE]


def _text(revision, figures, language: str) -> str:
    parts = [
        getattr(revision, build_localized_fieldname(f, language)) or "" for f in REQUIRED_FIELDS
    ]
    for figure in figures:
        parts.extend(
            getattr(figure, build_localized_fieldname(f, language)) or "" for f in FIGURE_FIELDS
        )
    # Empty values are left out: dropping a key figure nobody translated is no translation.
    return "\x1f".join(part for part in parts if part)


def fingerprint(revision, figures, language: str) -> str:
    return hashlib.sha256(_text(revision, figures, language).encode()).hexdigest()[:16]


def is_complete(revision, language: str) -> bool:
    return all(getattr(revision, build_localized_fieldname(f, language)) for f in REQUIRED_FIELDS)


def build_record(revision, figures, earlier_records) -> dict:
    """The ``translation_sources`` of ``revision``; ``earlier_records`` are the records of
    the revisions it continues from (its ``based_on`` first, then the previous one)."""
    source = fingerprint(revision, figures, SOURCE)
    record = {SOURCE: {"text": source}}
    for language in target_languages():
        if not is_complete(revision, language):
            continue
        text = fingerprint(revision, figures, language)
        against = source
        for earlier in earlier_records:
            entry = (earlier or {}).get(language)
            if entry and entry.get("text") == text:
                against = entry["against"]  # unchanged text: still written against that Dutch
                break
        record[language] = {"text": text, "against": against}
    return record


def status_from_record(record: dict) -> dict[str, str]:
    source = (record.get(SOURCE) or {}).get("text")
    status = {}
    for language in target_languages():
        entry = record.get(language)
        if not entry:
            status[language] = MISSING
        elif entry.get("against") != source:
            status[language] = OUTDATED
        else:
            status[language] = CURRENT
    return status


def gaps(record: dict) -> dict[str, str]:
    """Languages that are missing or outdated, with their status."""
    return {code: s for code, s in status_from_record(record).items() if s != CURRENT}
