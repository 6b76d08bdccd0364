"""Open data: CSV and JSON of every line, and a Fiscal Data Package describing the CSV.

Column names are stable and documented on the budget page; amounts are dot-decimal with
two places, produced from ``Decimal`` (never float), so tools summing them get the page's
totals to the cent. The CSV is written by ``core.exports`` (formula-safe, UTF-8 with BOM).
"""

from collections.abc import Iterator
from decimal import Decimal

from django.utils.translation import gettext as _

from budget.models import CURRENCY, LineKind, LinePurpose, Outcome, ReviewState
from budget.money import as_cents, export_amount
from budget.selectors import ExportLine, export_lines

COLUMNS = (
    "legislature",
    "year",
    "state",
    "outcome",
    "kind",
    "purpose",
    "requested",
    "granted",
    "currency",
    "is_example_data",
)

CSV_NAME = "budget-review-lines.csv"


def _record(line: ExportLine) -> dict[str, str | int | bool | Decimal]:
    """A line's values by column, amounts exact to the cent."""
    return {
        "legislature": line.legislature,
        "year": line.year,
        "state": line.state,
        "outcome": line.outcome,
        "kind": line.kind,
        "purpose": line.purpose,
        "requested": as_cents(line.requested),
        "granted": as_cents(line.granted),
        "currency": CURRENCY,
        "is_example_data": line.is_example_data,
    }


def csv_rows() -> Iterator[list]:
    """The CSV's rows in ``COLUMNS`` order: amounts stay numbers, so ``-5.00`` is no formula."""
    for line in export_lines():
        record = _record(line)
        record["is_example_data"] = "true" if record["is_example_data"] else "false"
        yield [record[column] for column in COLUMNS]


def lines_json() -> dict:
    # Amounts as strings: most JSON readers turn numbers into binary floats, losing cents.
    records = [
        {
            **record,
            "requested": export_amount(record["requested"]),
            "granted": export_amount(record["granted"]),
        }
        for record in map(_record, export_lines())
    ]
    return {
        "columns": list(COLUMNS),
        "note": _(
            "Amounts are decimal strings in euro with two places, to keep every cent exact. "
            "Rows with is_example_data true hold invented example figures."
        ),
        "contains_example_data": any(record["is_example_data"] for record in records),
        "lines": records,
    }


def _field(name, type_, description, **extra):
    return {"name": name, "type": type_, "description": description, **extra}


def datapackage(*, csv_url: str, homepage: str) -> dict:
    """A Fiscal Data Package (OpenSpending): the CSV plus a model of measures/dimensions.

    Each line carries two measures, ``requested`` (budget phase *proposed*) and
    ``granted`` (phase *approved*), both expenditure in EUR; ``kind`` is the operation
    character (payment vs commitment appropriations).
    """
    lines = list(export_lines())
    years = [line.year for line in lines]
    has_examples = any(line.is_example_data for line in lines)
    description = _(
        "The yearly reviews of the reflow of up to EUR 100 million to Belgian Defence "
        "agreed on 8 May 2015: one row per line of a review."
    )
    if has_examples:
        description += " " + _(
            "Some rows are invented example data (column is_example_data = true)."
        )
    package = {
        "profile": "fiscal-data-package",
        "name": "visie-portal-budget-reviews",
        "title": _("Yearly reviews of the EUR 100 million reflow to Defence"),
        "description": description,
        "homepage": homepage,
        "countryCode": "BE",
        "currency": CURRENCY,
        "contains_example_data": has_examples,
        "resources": [
            {
                "name": "budget-review-lines",
                "path": csv_url,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        _field("legislature", "string", _("Legislature, e.g. 2014–2019.")),
                        _field(
                            "year",
                            "year",
                            _("Budget year reviewed."),
                            columnType="date:fiscal-year",
                        ),
                        _field(
                            "state",
                            "string",
                            _("State of the review."),
                            constraints={"enum": list(ReviewState.values)},
                        ),
                        _field(
                            "outcome",
                            "string",
                            _("Outcome when decided; empty before."),
                            constraints={"enum": list(Outcome.values)},
                        ),
                        _field(
                            "kind",
                            "string",
                            _("Operation character: payment or commitment appropriations."),
                            columnType="operation-character",
                            constraints={"enum": list(LineKind.values)},
                        ),
                        _field(
                            "purpose",
                            "string",
                            _("Purpose of the line."),
                            columnType="economic-classification:generic:code",
                            constraints={"enum": list(LinePurpose.values)},
                        ),
                        _field(
                            "requested",
                            "number",
                            _("Amount requested, EUR."),
                            decimalChar=".",
                            groupChar="",
                            columnType="value",
                        ),
                        _field(
                            "granted",
                            "number",
                            _("Amount granted, EUR."),
                            decimalChar=".",
                            groupChar="",
                            columnType="value",
                        ),
                        _field("currency", "string", _("ISO 4217 currency code.")),
                        _field(
                            "is_example_data",
                            "boolean",
                            _("True when the figures are invented example data."),
                            trueValues=["true"],
                            falseValues=["false"],
                        ),
                    ],
                },
            }
        ],
        "model": {
            "measures": {
                "requested": {
                    "source": "requested",
                    "currency": CURRENCY,
                    "direction": "expenditure",
                    "phase": "proposed",
                    "title": _("Requested"),
                },
                "granted": {
                    "source": "granted",
                    "currency": CURRENCY,
                    "direction": "expenditure",
                    "phase": "approved",
                    "title": _("Granted"),
                },
            },
            "dimensions": {
                "date": {
                    "dimensionType": "datetime",
                    "attributes": {"year": {"source": "year"}},
                    "primaryKey": ["year"],
                },
                "operation-character": {
                    "dimensionType": "classification",
                    "attributes": {"kind": {"source": "kind"}},
                    "primaryKey": ["kind"],
                },
                "purpose": {
                    "dimensionType": "classification",
                    "classificationType": "economic",
                    "attributes": {"purpose": {"source": "purpose"}},
                    "primaryKey": ["purpose"],
                },
                "legislature": {
                    "dimensionType": "other",
                    "attributes": {"legislature": {"source": "legislature"}},
                    "primaryKey": ["legislature"],
                },
                "review": {
                    "dimensionType": "other",
                    "attributes": {
                        "state": {"source": "state"},
                        "outcome": {"source": "outcome"},
                        "is_example_data": {"source": "is_example_data"},
                    },
                    "primaryKey": ["state", "outcome", "is_example_data"],
                },
            },
        },
    }
    if years:
        package["fiscalPeriod"] = {"start": f"{min(years)}-01-01", "end": f"{max(years)}-12-31"}
    return package
