"""Display of the strata figures: percentages by common.numbers, other figures with a comma."""

from django import template

from common.numbers import format_percent

from ..models import Indicator

register = template.Library()

PERCENT_INDICATORS = {Indicator.DS, Indicator.KIA, Indicator.KB, Indicator.IMUNISASI, Indicator.DANA_SEHAT}
LABELS = dict(Indicator.choices)
STRATA_NAMES = {"pratama": "Pratama", "madya": "Madya", "purnama": "Purnama", "mandiri": "Mandiri"}


@register.filter
def indicator_value(value, indikator: str) -> str:
    """48,3% for a percentage, 4,5 for an average, 8 for a count, – when there is no figure."""
    if indikator in PERCENT_INDICATORS:
        return format_percent(value)
    if value is None:
        return "–"
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


@register.filter
def indicator_label(indikator: str) -> str:
    return LABELS.get(indikator, indikator)


@register.filter
def strata_name(code: str) -> str:
    return STRATA_NAMES.get(code, code)
