"""Percentages are rounded half-up to one decimal, the same on every page and in Excel."""

from decimal import Decimal

import pytest

from common.numbers import format_percent, percent, round_percent
from reports.templatetags.report_tags import pct


@pytest.mark.parametrize(
    "numerator, denominator, shown",
    [
        (49, 400, "12,3%"),  # 12,25: half-up (half-even and truncation give 12,2)
        (1, 80, "1,3%"),  # 1,25
        (1, 2000, "0,1%"),  # 0,05 (truncation gives 0,0)
        (2, 3, "66,7%"),  # 66,666… (truncation gives 66,6)
        (1, 6, "16,7%"),
        (1, 8, "12,5%"),
        (1249, 10000, "12,5%"),  # 12,49 rounds down
        (7, 7, "100,0%"),
        (0, 5, "0,0%"),
    ],
)
def test_half_up_to_one_decimal(numerator, denominator, shown):
    assert pct(percent(numerator, denominator)) == shown


def test_no_denominator_is_a_dash_not_zero():
    assert percent(3, 0) is None and pct(None) == "–" and format_percent(None) == "–"


def test_the_rounded_value_is_a_decimal_for_anyone_comparing_figures():
    assert round_percent(percent(49, 400)) == Decimal("12.3")
    assert round_percent(17.45) == Decimal("17.5")  # the float 17.45 is a hair below; its decimal is not
