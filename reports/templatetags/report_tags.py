from django import template

from common.numbers import format_percent

register = template.Library()


@register.filter
def pct(value) -> str:
    """A percentage rounded half-up to one decimal with a comma (85,7%); a dash without a figure."""
    return format_percent(value)


@register.filter
def get(mapping, key):
    return mapping.get(key)
