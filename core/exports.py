"""CSV downloads, written one way for every app: safe and readable in a spreadsheet.

- Formula injection: Excel, LibreOffice and Google Sheets run a cell that starts with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula
  (``=cmd|' /C calc'!A0``). Such a text cell gets a leading apostrophe and shows as text.
  Numbers (``int``, ``Decimal``) are written as they are, so ``-5.00`` in an amount column
  stays a number; only text is neutralised.
- Encoding: UTF-8 with a byte order mark; without it Excel reads the file as Windows-1252
  and shows "2014–2019" as "2014â€“2019".
"""

import csv
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import translation

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# CSV lines per chunk of a streamed response: each chunk a response yields has a fixed cost.
LINES_PER_CHUNK = 100


def csv_cell(value) -> str | int | Decimal:
    """A number as it is; anything else as text, neutralised if a spreadsheet would run it."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    """What ``csv.writer`` writes to: each row comes back as a string."""

    def write(self, line: str) -> str:
        return line


def csv_lines(header: Iterable, rows: Iterable[Iterable]) -> Iterator[str]:
    """The file's lines, the byte order mark first; every cell goes through ``csv_cell``."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield BOM + writer.writerow([csv_cell(title) for title in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def _chunks(header, rows, language: str) -> Iterator[str]:
    # Streamed rows are rendered after the view has returned: keep the request's language
    # for translated names and labels.
    with translation.override(language):
        batch = []
        for line in csv_lines(header, rows):
            batch.append(line)
            if len(batch) == LINES_PER_CHUNK:
                yield "".join(batch)
                batch = []
        if batch:
            yield "".join(batch)


def csv_response(filename: str, header, rows, *, streaming: bool) -> HttpResponseBase:
    """A CSV download: streamed row by row (memory stays flat however many rows), or built
    whole so that the page cache can keep it (``streaming=False``, public exports)."""
    chunks = _chunks(header, rows, translation.get_language())
    content_type = "text/csv; charset=utf-8"
    if streaming:
        response = StreamingHttpResponse(chunks, content_type=content_type)
    else:
        response = HttpResponse("".join(chunks), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
