from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def pct(value) -> str:
    """A percentage with one decimal and a comma (85,7%); a dash when there is no denominator."""
    return "–" if value is None else f"{number_format(value, 1)}%"


@register.filter
def get(mapping, key):
    return mapping.get(key)
