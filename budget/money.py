"""Money as text: per language on pages, machine-readable in exports. Never via float."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language

CENT = Decimal("0.01")
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

# (thousands separator, decimal separator, pattern) per language. Non-breaking spaces keep
# an amount on one line in narrow table cells; French groups with the narrow one (CLDR).
_STYLES = {
    "nl": (".", ",", "€" + NBSP + "{number}"),
    "fr": (NARROW_NBSP, ",", "{number}" + NBSP + "€"),
    "de": (".", ",", "{number}" + NBSP + "€"),
    "en": (",", ".", "€{number}"),
}


def as_cents(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):
        raise TypeError("Money is never a float; pass a Decimal.")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(value: Decimal, language: str | None = None) -> str:
    """``Decimal("100000000")`` → ``€ 100.000.000,00`` in Dutch, ``€100,000,000.00`` in English."""
    if isinstance(value, float):
        raise TypeError("Money is never a float; pass a Decimal.")
    language = (language or get_language() or "nl").split("-")[0]
    thousands, decimal, pattern = _STYLES.get(language, _STYLES["nl"])
    amount = as_cents(value)
    sign = "-" if amount < 0 else ""
    # Decimal's own format groups digits exactly; swap the separators afterwards.
    digits = f"{abs(amount):,.2f}"
    number = digits.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    return sign + pattern.format(number=number)


def export_amount(value: Decimal) -> str:
    """Dot decimal with exactly two places, no grouping: ``100000000.00``."""
    return f"{as_cents(value):.2f}"
