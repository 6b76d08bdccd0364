"""Money on pages follows the active language; exports always use a dot."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils.translation import override

from budget.money import export_amount, format_money

HUNDRED_MILLION = Decimal("100000000.00")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "€\u00a0100.000.000,00"),
        ("fr", "100\u202f000\u202f000,00\u00a0€"),
        ("en", "€100,000,000.00"),
        ("de", "100.000.000,00\u00a0€"),
    ],
)
def test_money_is_written_the_way_each_language_writes_it(language, expected):
    assert format_money(HUNDRED_MILLION, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "€ 100.000.000,00"), ("fr", "100 000 000,00 €"), ("en", "€100,000,000.00")],
)
def test_money_reads_as_the_issue_asks_when_spaces_are_plain(language, expected):
    plain = format_money(HUNDRED_MILLION, language).replace("\u00a0", " ").replace("\u202f", " ")
    assert plain == expected


def test_template_filter_uses_the_active_language():
    template = Template("{% load money %}{{ amount|money }}")

    with override("en"):
        assert template.render(Context({"amount": Decimal("1234.5")})) == "€1,234.50"


def test_cents_of_a_trillion_survive_formatting():
    assert format_money(Decimal("999999999999.99"), "en") == "€999,999,999,999.99"


def test_float_is_refused():
    with pytest.raises(TypeError):
        format_money(0.1, "en")


def test_export_amount_is_dot_decimal_without_grouping():
    assert export_amount(Decimal("1000000000000")) == "1000000000000.00"
