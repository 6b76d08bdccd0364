from django import template

from budget.money import format_money

register = template.Library()


@register.filter
def money(value):
    """Format a Decimal amount in EUR the way the active language writes it."""
    if value is None or value == "":
        return ""
    return format_money(value)
