"""Acceptance 4: the chart is valid SVG with a title and description, the numbers also as text,
and its series are told apart by pattern and label, not only by colour."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import override

from budget.charts import stacked_bar_chart
from budget.selectors import budget_index
from tests.budget.factories import legislature_with_years

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def _svg(client, language="en"):
    with override(language):
        html = client.get(reverse("budget:index")).text
    fragment = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    return ET.fromstring(fragment)  # raises if the SVG is not well-formed XML


def test_chart_is_well_formed_svg_labelled_by_its_title_and_description(client):
    legislature_with_years(5)

    svg = _svg(client)

    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "Amounts granted per year" in title.text
    assert "annual ceiling of €100,000,000.00" in desc.text


def test_chart_numbers_are_also_text(client):
    legislature_with_years(5)

    svg = _svg(client)

    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert texts.count("€90,000,000.00") == 5
    assert {"2000", "2001", "2002", "2003", "2004"} <= set(texts)
    assert "Ceiling €100,000,000.00" in texts
    assert "2004: €90,000,000.00 granted." in svg.find(f"{SVG}desc").text


def test_chart_tells_series_apart_by_pattern_and_legend_not_colour_alone(client):
    legislature_with_years(2)

    svg = _svg(client)

    assert svg.find(f".//{SVG}pattern") is not None
    fills = {rect.get("fill") for rect in svg.iter(f"{SVG}rect")}
    assert any(fill.startswith("url(#hatch-") for fill in fills)
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert "Payment appropriations (solid)" in texts
    assert "Commitment appropriations (hatched)" in texts


def test_chart_coordinates_stay_dot_decimal_in_every_language(client):
    legislature_with_years(3)

    svg = _svg(client, language="nl")

    for rect in svg.iter(f"{SVG}rect"):
        for attribute in ("x", "y", "width", "height"):
            value = rect.get(attribute)
            if value is not None:
                Decimal(value)  # a comma would raise


def test_ceiling_line_sits_above_a_full_bar():
    legislature_with_years(1)
    overview = budget_index().overview

    chart = stacked_bar_chart(overview)

    bar = chart.bars[0]
    assert chart.ceiling_y < bar.commitment_y < bar.payment_y < chart.baseline_y
    assert bar.payment_height + bar.commitment_height <= chart.baseline_y - chart.ceiling_y
