"""Percentages, and the one rounding rule for showing them (Django-free).

Every percentage on a page is rounded half-up to one decimal (12,25 → 12,3), the way a
spreadsheet rounds the same fraction in a 0.0% cell, so a page and the Excel recap always show
the same figure. Python's own formatting rounds half to even on the binary value and Django's
number formatting truncates; neither is used for percentages.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")


def percent(numerator: int, denominator: float) -> float | None:
    """100 · numerator / denominator, None without a denominator. The integer product is divided
    once, so the float is the nearest one to the true value and its repr is the short decimal."""
    return None if not denominator else 100 * numerator / denominator


def round_percent(value: float | None) -> Decimal | None:
    """Half-up to one decimal, from the shortest decimal that is the float (17.45 stays 17.45)."""
    return None if value is None else Decimal(repr(float(value))).quantize(ONE_DECIMAL, ROUND_HALF_UP)


def format_percent(value: float | None, unit: str = "%") -> str:
    """85,7% (comma as decimal mark); a dash when there is no figure."""
    rounded = round_percent(value)
    return "–" if rounded is None else f"{rounded}".replace(".", ",") + unit
