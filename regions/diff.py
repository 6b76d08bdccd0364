"""Line-by-line comparison of two revisions, for the preview and the admin's compare view.

The result is plain data (operation + text); templates escape the text and mark it up
with ``<ins>``/``<del>``, so a diff can never inject HTML.
"""

import difflib
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DiffLine:
    op: str  # "equal", "insert" or "delete"
    text: str


@dataclass(frozen=True)
class FieldDiff:
    label: str
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(line.op != "equal" for line in self.lines)


def diff_lines(old: str, new: str) -> list[DiffLine]:
    old_lines, new_lines = (old or "").splitlines(), (new or "").splitlines()
    result: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(DiffLine("equal", line) for line in old_lines[i1:i2])
            continue
        result.extend(DiffLine("delete", line) for line in old_lines[i1:i2])
        result.extend(DiffLine("insert", line) for line in new_lines[j1:j2])
    return result


def _figures(revision) -> str:
    return "\n".join(f"{f.label}: {f.value} {f.unit}".strip() for f in revision.key_figures.all())


def _sources(revision) -> str:
    return "\n".join(f"{s.title} {s.url} {s.date or ''}".strip() for s in revision.sources.all())


def _names(items) -> str:
    return "\n".join(str(item) for item in items.all())


def compare_revisions(old, new) -> list[FieldDiff]:
    """Differences between two revisions (``old`` may be None: everything is new)."""
    fields = [
        (_("Title"), lambda r: r.title),
        (_("Summary"), lambda r: r.summary),
        (_("Body"), lambda r: r.body),
        (_("Horizon year"), lambda r: str(r.horizon_year)),
        (_("Assessed trend"), lambda r: r.get_trend_display()),
        (_("Key figures"), _figures),
        (_("Sources"), _sources),
        (_("Topics"), lambda r: _names(r.topics)),
        (_("Organisations"), lambda r: _names(r.organisations)),
        (_("Countries"), lambda r: _names(r.countries)),
    ]
    return [
        FieldDiff(label, diff_lines(read(old) if old else "", read(new))) for label, read in fields
    ]
