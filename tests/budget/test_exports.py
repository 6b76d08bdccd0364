"""Open data: stable columns, dot decimals, example data marked, a Fiscal Data Package."""

import codecs
import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import override

from budget.exports import COLUMNS
from tests.budget.factories import (
    DecidedReviewFactory,
    ReviewLineFactory,
    YearlyReviewFactory,
    legislature_with_years,
)

pytestmark = pytest.mark.django_db


def get(client, name, language="nl"):
    with override(language):
        return client.get(reverse(name))


@pytest.fixture
def example_review():
    review = DecidedReviewFactory(is_example_data=True, legislature__name="2014–2019")
    ReviewLineFactory(
        review=review,
        amount_requested=Decimal("1234567.80"),
        amount_granted=Decimal("1000000.05"),
    )
    return review


def csv_rows(client):
    content = get(client, "budget:lines_csv").content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_csv_has_the_documented_columns_in_order(client, example_review):
    rows = csv_rows(client)

    assert rows[0] == list(COLUMNS)
    assert rows[1] == [
        "2014–2019",
        "2015",
        "decided",
        "granted",
        "payment",
        "debt_repayment",
        "1234567.80",
        "1000000.05",
        "EUR",
        "true",
    ]


def test_csv_is_offered_as_a_download(client, example_review):
    response = get(client, "budget:lines_csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]


def test_csv_starts_with_a_byte_order_mark_so_excel_reads_it_as_utf8(client, example_review):
    content = get(client, "budget:lines_csv").content

    assert content.startswith(codecs.BOM_UTF8 + b"legislature,")
    assert "2014–2019".encode() in content


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_a_legislature_name_a_spreadsheet_would_run_comes_out_as_text(client, prefix):
    name = prefix + "cmd|' /C calc'!A0"
    ReviewLineFactory(review=YearlyReviewFactory(legislature__name=name))

    assert csv_rows(client)[1][0] == "'" + name


def test_exports_use_dot_decimals_whatever_the_page_language(client, example_review):
    for language in ("nl", "fr", "de", "en"):
        content = get(client, "budget:lines_csv", language).content.decode()
        assert "1000000.05" in content


def test_json_marks_example_data_on_each_line_and_overall(client, example_review):
    data = get(client, "budget:lines_json").json()

    assert data["columns"] == list(COLUMNS)
    assert data["contains_example_data"] is True
    assert data["lines"][0]["is_example_data"] is True
    assert data["lines"][0]["granted"] == "1000000.05"


def test_json_without_example_data_says_so(client):
    ReviewLineFactory(review=YearlyReviewFactory())

    assert get(client, "budget:lines_json").json()["contains_example_data"] is False


def test_exports_hold_one_row_per_line_of_every_review(client, example_review):
    ReviewLineFactory(review=example_review, kind="commitment", purpose="investment")
    ReviewLineFactory(review=YearlyReviewFactory(legislature=example_review.legislature, year=2016))

    assert len(get(client, "budget:lines_json").json()["lines"]) == 3


def test_datapackage_describes_the_csv_as_a_fiscal_data_package(client, example_review):
    package = json.loads(get(client, "budget:datapackage").content)

    assert package["profile"] == "fiscal-data-package"
    [resource] = package["resources"]
    assert resource["path"].endswith("/budget/export/lines.csv")
    assert [field["name"] for field in resource["schema"]["fields"]] == list(COLUMNS)
    assert package["fiscalPeriod"] == {"start": "2015-01-01", "end": "2015-12-31"}
    assert package["contains_example_data"] is True
    assert "is_example_data = true" in package["description"]


def test_datapackage_model_gives_currency_direction_and_phase(client, example_review):
    model = json.loads(get(client, "budget:datapackage").content)["model"]

    granted = model["measures"]["granted"]
    assert (granted["source"], granted["direction"], granted["phase"]) == (
        "granted",
        "expenditure",
        "approved",
    )
    assert model["measures"]["requested"]["phase"] == "proposed"
    assert {m["currency"] for m in model["measures"].values()} == {"EUR"}
    assert model["dimensions"]["operation-character"]["attributes"] == {"kind": {"source": "kind"}}


def test_datapackage_sources_exist_in_the_schema(client, example_review):
    package = json.loads(get(client, "budget:datapackage").content)
    columns = {field["name"] for field in package["resources"][0]["schema"]["fields"]}

    sources = {measure["source"] for measure in package["model"]["measures"].values()}
    for dimension in package["model"]["dimensions"].values():
        sources |= {attribute["source"] for attribute in dimension["attributes"].values()}
    assert sources <= columns


@pytest.mark.parametrize("years", [5, 50])
@pytest.mark.parametrize("name", ["budget:lines_csv", "budget:lines_json", "budget:datapackage"])
def test_exports_run_one_query_whatever_the_years(
    client, django_assert_num_queries, uncached_pages, name, years
):
    legislature_with_years(years)

    with django_assert_num_queries(1):
        response = get(client, name)
    assert response.status_code == 200
