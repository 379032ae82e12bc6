"""SKDN on hand-made data, the expected values written out (August 2026, Posyandu Mawar = A)."""

import datetime as dt

from reports import selectors
from reports.period import Month
from reports.skdn import Skdn

D = dt.date
AUG = Month(2026, 8)


def test_skdn_of_posyandu_a_in_august(august):
    result = selectors.skdn(posyandu_ids=[august.a.posyandu.pk], month=AUG)[august.a.posyandu.pk]
    # c6 turns 60 months on 15 August and is weighed on the 20th: in S, so in D (B, first weighing)
    assert result == Skdn(s=7, k=5, d=7, n=2, t=1, o=1, b=3, two_t=1, bgm=0)
    assert result.d_prime == 3
    assert round(result.k_s, 2) == 71.43
    assert result.d_s == 100
    assert round(result.n_d, 2) == 28.57
    assert round(result.n_d_prime, 2) == 66.67
    assert result.bgm_d == 0 and round(result.two_t_d, 2) == 14.29


def test_a_child_who_moved_counts_where_the_household_was_at_month_end(august):
    a, a2 = august.a.posyandu.pk, august.a2.posyandu.pk
    aug = selectors.skdn(posyandu_ids=[a, a2], month=AUG)
    assert (aug[a2].s, aug[a2].d, aug[a2].n) == (1, 1, 1)
    july = selectors.skdn(posyandu_ids=[a, a2], month=Month(2026, 7))
    assert (july[a2].s, july[a2].d) == (0, 0)
    assert july[a].s == 9  # c1–c8 and the child aged 60 months in August, still 59 in July


def test_gizi_counts_only_the_weighing_that_counts_and_leaves_out_implausible(august):
    gizi = selectors.gizi(posyandu_ids=[august.a.posyandu.pk], month=AUG)[august.a.posyandu.pk]
    assert gizi.diukur_bbu == 7 and gizi.underweight == 2  # c1 (BB/U −2,39) and c5 (−2,48)
    assert (gizi.diukur_pbu, gizi.stunting) == (1, 1)
    assert gizi.prevalensi["stunting"] == 100


def test_skdn_needs_a_constant_number_of_queries(august, django_assert_max_num_queries):
    ids = [august.a.posyandu.pk, august.a2.posyandu.pk, august.b.posyandu.pk]
    with django_assert_max_num_queries(4):  # S and D, each for stayed and moved households
        selectors.skdn(posyandu_ids=ids, month=AUG)
