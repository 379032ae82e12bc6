"""Adult IMT categories (Asia-Pacific, Kepmenkes ILP) at each boundary, written out by hand; the
limits 18,5 and 25 come from visits/rules.py, the one place meja 3 and the reports read them."""

import pytest

from visits import rules
from visits.results.measurement import adult_bmi_category


@pytest.mark.parametrize(
    ("bmi", "category"),
    [
        (18.49, "Berat badan kurang"),
        (18.5, "Normal"),
        (22.99, "Normal"),
        (23.0, "Berat badan lebih"),
        (24.99, "Berat badan lebih"),
        (25.0, "Obesitas I"),
        (29.99, "Obesitas I"),
        (30.0, "Obesitas II"),
    ],
)
def test_adult_bmi_category_at_each_boundary(bmi, category):
    assert adult_bmi_category(bmi) == category


def test_the_limits_are_the_rules_constants():
    assert (rules.ADULT_UNDERWEIGHT_IMT_BELOW, rules.ADULT_OBESE_IMT) == (18.5, 25)
