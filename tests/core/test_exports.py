"""The one CSV writer: text a spreadsheet would run comes out as text, numbers as numbers."""

from decimal import Decimal

import pytest

from core.exports import BOM, csv_cell, csv_lines

FORMULA_PREFIXES = ["=", "+", "-", "@", "\t", "\r"]


def csv_text(header, rows) -> str:
    return "".join(csv_lines(header, rows))


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES)
def test_text_starting_like_a_formula_gets_a_leading_apostrophe(prefix):
    assert csv_cell(prefix + "cmd|' /C calc'!A0") == "'" + prefix + "cmd|' /C calc'!A0"


def test_ordinary_text_is_left_alone():
    assert csv_cell("2014–2019") == "2014–2019"


def test_a_negative_amount_stays_a_number():
    assert csv_text(["granted"], [[Decimal("-5.00"), -3]]).endswith("\r\n-5.00,-3\r\n")


def test_text_that_looks_like_a_negative_number_is_still_text():
    # Only the cell's type says "number": a title "-5" could as well be "-5+A1".
    assert csv_cell("-5") == "'-5"


def test_a_missing_value_is_an_empty_cell():
    assert csv_cell(None) == ""


def test_the_file_starts_with_one_byte_order_mark():
    text = csv_text(["title"], [["a"], ["b"]])

    assert text.startswith(BOM + "title\r\n")
    assert text.count(BOM) == 1


def test_the_header_is_neutralised_too():
    assert csv_text(["=title"], []) == BOM + "'=title\r\n"
