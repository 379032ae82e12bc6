"""SKDN on hand-made data, the expected values written out (August 2026, Posyandu Mawar = A)."""

import datetime as dt

import pytest

from registry.services import household_move
from reports import selectors
from reports.period import Month
from reports.skdn import Skdn

D = dt.date
AUG = Month(2026, 8)


@pytest.fixture
def august(world, child, weigh):
    a, a2 = world.a.posyandu, world.a2.posyandu
    c1 = child(a, D(2025, 1, 15))  # N
    weigh(c1, a, D(2026, 7, 10), "8.0")
    weigh(c1, a, D(2026, 8, 10), "8.5", tinggi_cm=70)  # very short: stunted
    c2 = child(a, D(2025, 3, 1))  # T in July and August: 2T
    for day, kg in [(D(2026, 6, 10), "8.95"), (D(2026, 7, 10), "9.0"), (D(2026, 8, 10), "9.05")]:
        weigh(c2, a, day, kg)
    c3 = child(a, D(2024, 5, 1), buku_kia=False)  # first weighing ever: B
    weigh(c3, a, D(2026, 8, 10), "11.0")
    c4 = child(a, D(2024, 1, 20))  # not weighed in July: O
    weigh(c4, a, D(2026, 6, 10), "12.0")
    weigh(c4, a, D(2026, 8, 10), "12.5")
    c5 = child(a, D(2025, 2, 1))  # weighed twice in August: the later counts (N), once
    weigh(c5, a, D(2026, 7, 10), "8.0")
    weigh(c5, a, D(2026, 8, 3), "7.9")
    weigh(c5, a, D(2026, 8, 25), "8.4")
    c6 = child(a, D(2021, 8, 15))  # 59 months on 1 August: in S; 60 months when weighed: not in D
    weigh(c6, a, D(2026, 8, 20), "16.0")
    child(a, D(2021, 8, 1))  # 60 months on 1 August: not a balita this month
    c7 = child(a, D(2025, 6, 1), buku_kia=False)  # a later implausible weight does not count
    weigh(c7, a, D(2026, 8, 5), "9.0")
    weigh(c7, a, D(2026, 8, 20), "30.0")
    c8 = child(a, D(2025, 4, 1))  # moved from A to A2 on 15 August
    weigh(c8, a, D(2026, 7, 10), "8.0")
    household_move(household=c8.household, to=a2, on=D(2026, 8, 15), user=world.users["staff_a"])
    weigh(c8, a2, D(2026, 8, 20), "8.3")
    return world


def test_skdn_of_posyandu_a_in_august(august):
    result = selectors.skdn(posyandu_ids=[august.a.posyandu.pk], month=AUG)[august.a.posyandu.pk]
    assert result == Skdn(s=7, k=5, d=6, n=2, t=1, o=1, b=2, two_t=1, bgm=0)
    assert result.d_prime == 3
    assert round(result.k_s, 2) == 71.43
    assert round(result.d_s, 2) == 85.71
    assert round(result.n_d, 2) == 33.33
    assert round(result.n_d_prime, 2) == 66.67
    assert result.bgm_d == 0 and round(result.two_t_d, 2) == 16.67


def test_a_child_who_moved_counts_where_the_household_was_at_month_end(august):
    a, a2 = august.a.posyandu.pk, august.a2.posyandu.pk
    aug = selectors.skdn(posyandu_ids=[a, a2], month=AUG)
    assert (aug[a2].s, aug[a2].d, aug[a2].n) == (1, 1, 1)
    july = selectors.skdn(posyandu_ids=[a, a2], month=Month(2026, 7))
    assert (july[a2].s, july[a2].d) == (0, 0)
    assert july[a].s == 9  # c1–c8 and the child aged 60 months in August, still 59 in July


def test_gizi_counts_only_the_weighing_that_counts_and_leaves_out_implausible(august):
    gizi = selectors.gizi(posyandu_ids=[august.a.posyandu.pk], month=AUG)[august.a.posyandu.pk]
    assert gizi.diukur_bbu == 6 and gizi.underweight == 2  # c1 (BB/U −2,39) and c5 (−2,48)
    assert (gizi.diukur_pbu, gizi.stunting) == (1, 1)
    assert gizi.prevalensi["stunting"] == 100


def test_skdn_needs_a_constant_number_of_queries(august, django_assert_max_num_queries):
    ids = [august.a.posyandu.pk, august.a2.posyandu.pk, august.b.posyandu.pk]
    with django_assert_max_num_queries(2):
        selectors.skdn(posyandu_ids=ids, month=AUG)
