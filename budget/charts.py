"""Geometry of the server-rendered SVG chart: stacked bars of the granted amounts per year
(payment below, commitment above) against the annual ceiling.

Coordinates are computed with ``Decimal`` (amounts never pass through float) and rounded
to a tenth of a pixel; the template only draws what this module measured.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from budget.models import ZERO
from budget.selectors import LegislatureOverview

WIDTH = Decimal(640)
HEIGHT = Decimal(320)
LEFT = Decimal(16)
RIGHT = Decimal(16)
TOP = Decimal(36)
BOTTOM = Decimal(56)
TENTH = Decimal("0.1")


def _px(value: Decimal) -> Decimal:
    return value.quantize(TENTH, rounding=ROUND_HALF_UP)


@dataclass
class Bar:
    year: int
    x: Decimal
    width: Decimal
    label_x: Decimal
    payment_y: Decimal
    payment_height: Decimal
    commitment_y: Decimal
    commitment_height: Decimal
    total: Decimal
    total_y: Decimal
    is_example_data: bool


@dataclass
class Chart:
    width: Decimal
    height: Decimal
    baseline_y: Decimal
    plot_left: Decimal
    plot_right: Decimal
    ceiling: Decimal
    ceiling_y: Decimal
    bars: list[Bar]

    @property
    def year_label_y(self) -> Decimal:
        return self.baseline_y + 16

    @property
    def ceiling_label_y(self) -> Decimal:
        return self.ceiling_y - 6

    @property
    def legend_box_y(self) -> Decimal:
        return self.height - 22

    @property
    def legend_text_y(self) -> Decimal:
        return self.height - 11

    @property
    def legend_second_x(self) -> Decimal:
        return self.plot_left + 250


def stacked_bar_chart(overview: LegislatureOverview) -> Chart:
    ceiling = overview.legislature.annual_ceiling
    rows = overview.rows
    # The scale leaves headroom above the ceiling so its line and label stay visible.
    top_value = max([ceiling, *(row.totals.granted_total for row in rows)]) * Decimal("1.15")
    if top_value <= ZERO:
        top_value = Decimal(1)
    plot_height = HEIGHT - TOP - BOTTOM
    baseline = TOP + plot_height
    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / max(len(rows), 1)
    bar_width = slot * Decimal("0.6")

    def height_of(amount: Decimal) -> Decimal:
        return _px(plot_height * amount / top_value)

    bars = []
    for index, row in enumerate(rows):
        x = LEFT + slot * index + (slot - bar_width) / 2
        payment_height = height_of(row.totals.granted_payment)
        commitment_height = height_of(row.totals.granted_commitment)
        payment_y = baseline - payment_height
        commitment_y = payment_y - commitment_height
        bars.append(
            Bar(
                year=row.year,
                x=_px(x),
                width=_px(bar_width),
                label_x=_px(x + bar_width / 2),
                payment_y=payment_y,
                payment_height=payment_height,
                commitment_y=commitment_y,
                commitment_height=commitment_height,
                total=row.totals.granted_total,
                total_y=commitment_y - Decimal(6),
                is_example_data=row.is_example_data,
            )
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        baseline_y=baseline,
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        ceiling=ceiling,
        ceiling_y=baseline - height_of(ceiling),
        bars=bars,
    )
