"""Money as text: per language on pages and in the admin's inputs, machine-readable in
exports. Never via float."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

CENT = Decimal("0.01")
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
SPACES = (" ", NBSP, NARROW_NBSP)

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
    pattern = _style(language)[2]
    amount = as_cents(value)
    sign = "-" if amount < 0 else ""
    return sign + pattern.format(number=format_number(abs(amount), language))


def format_number(value: Decimal, language: str | None = None) -> str:
    """The amount without the euro sign: ``60.000.000,50`` in Dutch, as editors type it."""
    if isinstance(value, float):
        raise TypeError("Money is never a float; pass a Decimal.")
    thousands, decimal, _pattern = _style(language)
    # Decimal's own format groups digits exactly; swap the separators afterwards.
    digits = f"{as_cents(value):,.2f}"
    return digits.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def _style(language: str | None) -> tuple[str, str, str]:
    language = (language or get_language() or "nl").split("-")[0]
    return _STYLES.get(language, _STYLES["nl"])


def export_amount(value: Decimal) -> str:
    """Dot decimal with exactly two places, no grouping: ``100000000.00``."""
    return f"{as_cents(value):.2f}"


def parse_amount(text: str, language: str | None = None) -> Decimal:
    """The amount an editor typed as ``language`` writes it (the active language by default).

    The thousands separator must be followed by groups of exactly three digits
    (``10.000`` in Dutch), the decimal separator by one or two digits (``60000000,50``).
    Anything else may mean two amounts (``1.5`` in Dutch: 15 or one and a half?), so it is
    refused with a message that says how it would have been read.
    """
    thousands, decimal, _pattern = _style(language)
    typed = text.strip().strip("€").strip()
    if thousands in SPACES:
        # French groups with a narrow space; editors type whichever space their keyboard has.
        typed = "".join(thousands if char in SPACES else char for char in typed)
    sign = "-" if typed.startswith("-") else ""
    typed = typed.removeprefix("-")
    group, mark = re.escape(thousands), re.escape(decimal)
    if re.fullmatch(rf"(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{mark}\d{{1,2}})?", typed):
        return as_cents(sign + typed.replace(thousands, "").replace(decimal, "."))
    raise _refusal(typed, sign, thousands, decimal, language)


def _refusal(typed, sign, thousands, decimal, language) -> ValidationError:
    """Why ``typed`` is no clear amount, naming how it would have been read."""
    parts = re.fullmatch(rf"(\d[\d{re.escape(thousands)}]*)(?:{re.escape(decimal)}(\d+))?", typed)
    if parts is None:
        example = format_number(Decimal("1234567.89"), language)
        return ValidationError(
            _("Enter an amount such as %(example)s."), code="invalid", params={"example": example}
        )
    whole, fraction = parts[1].replace(thousands, ""), parts[2]
    if fraction is not None and len(fraction) > 2:
        values = {"read": sign + typed, "decimal": decimal}
        if len(fraction) == 3 and thousands not in typed:
            values["whole"] = sign + _grouped(whole + fraction, thousands)
            message = _(
                "Read as %(read)s, with more than two decimals? Write at most two decimals "
                "after “%(decimal)s”, or %(whole)s for a whole amount."
            )
        else:
            message = _(
                "Read as %(read)s, with more than two decimals? Write at most two decimals "
                "after “%(decimal)s”."
            )
        return ValidationError(message, code="ambiguous", params=values)
    tail = decimal + fraction if fraction else ""
    head, _separator, last = parts[1].rpartition(thousands)
    if fraction is None and parts[1].count(thousands) == 1 and len(last) <= 2:
        message = _(
            "Read as %(plain)s? Write %(decimal_amount)s for a decimal amount, or %(plain)s "
            "without “%(separator)s”."
        )
    else:
        message = _(
            "Read as %(read)s? Write %(read)s or %(plain)s: “%(separator)s” separates groups "
            "of three digits."
        )
    values = {
        "read": sign + _grouped(whole, thousands) + tail,
        "plain": sign + whole + tail,
        "decimal_amount": sign + head + decimal + last,
        "separator": thousands,
    }
    return ValidationError(message, code="ambiguous", params=values)


def _grouped(digits: str, thousands: str) -> str:
    return f"{int(digits):,}".replace(",", thousands)


class MoneyInput(forms.TextInput):
    """Shows a stored amount as the active language writes it, so that a form saved
    unchanged posts back the same amount."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int):
            return format_number(Decimal(value))
        return super().format_value(value)


class MoneyField(forms.DecimalField):
    """Every amount input: typed in the active language's format (``parse_amount``),
    cleaned to a ``Decimal`` with cents."""

    widget = MoneyInput

    def to_python(self, value):
        if isinstance(value, str):
            # Blank (spaces only) is an empty amount, not a malformed one.
            value = parse_amount(value) if value.strip() else ""
        return super().to_python(value)
