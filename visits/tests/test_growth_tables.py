"""The shipped WHO tables: complete, and equal to values published by WHO."""

import pytest

from visits.growth.tables import TABLES, table

ROWS = {
    "wfa_0_5": 2 * 1827,  # days 0–1826
    "lhfa_0_5": 2 * 1827,
    "bfa_0_5": 2 * 1827,
    "hcfa_0_5": 2 * 1857,  # days 0–1856
    "acfa_0_5": 2 * 1736,  # days 91–1826
    "wfl_0_2": 2 * 651,  # 45.0–110.0 cm
    "wfh_2_5": 2 * 551,  # 65.0–120.0 cm
    "hfa_5_19": 2 * 170,  # months 60–228, and 229 repeating 228 as in WHO's files
    "wfa_5_10": 2 * 62,  # months 60–120, and 121
    "bfa_5_19": 2 * 170,
}


@pytest.mark.parametrize("name", TABLES)
def test_row_counts(name):
    assert table(name).rows() == ROWS[name]


# (table, sex, x, L, M, S) as printed in WHO's tables (anthro/anthroplus data-raw, WHO 2006/2007)
PUBLISHED = [
    ("wfa_0_5", 1, 0, 0.3487, 3.3464, 0.14602),
    ("lhfa_0_5", 1, 0, 1, 49.8842, 0.03795),
    ("lhfa_0_5", 2, 0, 1, 49.1477, 0.0379),
    ("wfl_0_2", 1, 45.0, -0.3521, 2.441, 0.09182),
    ("wfh_2_5", 2, 65.0, -0.3833, 7.2402, 0.09113),
    ("hcfa_0_5", 1, 0, 1, 34.4618, 0.03686),
    ("acfa_0_5", 1, 91, 0.3933, 13.4779, 0.07474),
    ("bfa_5_19", 1, 61, -0.7387, 15.2641, 0.0839),
    ("bfa_5_19", 2, 228, -0.7496, 21.4269, 0.14441),
    ("bfa_5_19", 2, 120, -1.4864, 16.6133, 0.12307),
]


@pytest.mark.parametrize("name, sex, x, L, M, S", PUBLISHED)
def test_published_values(name, sex, x, L, M, S):
    t = table(name)
    got = [float(a[0]) for a in t.at([sex - 1], [x])]
    assert got == pytest.approx([L, M, S], abs=1e-9)
