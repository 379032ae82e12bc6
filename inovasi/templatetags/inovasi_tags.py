"""Display filters of the inovasi pages."""

from django import template

from common.numbers import format_percent
from inovasi import eligibility

register = template.Library()


@register.filter
def inisial(nama: str) -> str:
    """ "Nabila Putri" → "N. P.": a donor's report names no child in full."""
    return eligibility.initials(nama)


@register.filter
def alasan(codes) -> str:
    """Reason codes ("BBU,T" or a tuple) in words; "tidak ada" for none."""
    return eligibility.labels(codes if isinstance(codes, str) else ",".join(codes))


@register.filter
def rupiah(amount: int) -> str:
    """1500000 → "Rp1.500.000"."""
    return eligibility.rupiah(amount)


@register.filter
def gram(value) -> str:
    """Weight gain with its sign: +350 g, −120 g; a dash when unknown."""
    if value is None:
        return "–"
    return f"+{value} g" if value >= 0 else f"−{-value} g"


@register.filter
def pct_points(value) -> str:
    """A change in percentage points with its sign (+12,5 poin); a dash without a figure."""
    text = format_percent(value, " poin")
    return "+" + text if value is not None and value > 0 else text.replace("-", "−")
