"""Where a child counts: S, K, D and everything D carries (N, T, O, B, 2T, BGM, status gizi) go
to the Posyandu of the child's household at the month's end, so D ⊆ S. Hand-made, August 2026;
Posyandu A (Mawar) and A2 (Melati) in Puskesmas A, B in Puskesmas B."""

import datetime as dt

from registry.services import household_move
from reports import selectors
from reports.period import Month
from reports.skdn import Skdn

D = dt.date
AUG = Month(2026, 8)


def _skdn(world):
    ids = [world.a.posyandu.pk, world.a2.posyandu.pk, world.b.posyandu.pk]
    result = selectors.skdn(posyandu_ids=ids, month=AUG)
    return result[ids[0]], result[ids[1]], result[ids[2]]


def test_a_child_weighed_outside_its_area_counts_where_it_lives(world, child, weigh):
    a, b = world.a.posyandu, world.b.posyandu
    kid = child(a, D(2025, 1, 15))
    weigh(kid, b, D(2026, 8, 10), "8.5", tinggi_cm=70)  # first weighing ever (B), stunted
    in_a, _, in_b = _skdn(world)
    assert in_a == Skdn(s=1, k=1, d=1, b=1)
    assert in_b == Skdn()  # B only held the visit: D/S never above 100 %
    gizi = selectors.gizi(posyandu_ids=[a.pk, b.pk], month=AUG)
    assert (gizi[a.pk].diukur_pbu, gizi[a.pk].stunting) == (1, 1)
    assert (gizi[b.pk].diukur_pbu, gizi[b.pk].stunting) == (0, 0)
    visits = selectors.kelompok(posyandu_ids=[a.pk, b.pk], month=AUG)
    assert (visits[a.pk].bayi_balita, visits[b.pk].bayi_balita) == (0, 1)  # the visit counts where it was


def test_a_child_who_moved_mid_month_counts_where_it_lives_at_month_end(world, child, weigh):
    a, a2 = world.a.posyandu, world.a2.posyandu
    kid = child(a, D(2025, 1, 15))
    weigh(kid, a, D(2026, 7, 10), "8.0")
    weigh(kid, a, D(2026, 8, 5), "8.4")  # N at A, before the move
    household_move(household=kid.household, to=a2, on=D(2026, 8, 15), user=world.users["staff_a"])
    in_a, in_a2, _ = _skdn(world)
    assert in_a == Skdn()
    assert in_a2 == Skdn(s=1, k=1, d=1, n=1)


def test_a_move_after_the_month_leaves_the_month_where_it_was(world, child, weigh):
    a, a2 = world.a.posyandu, world.a2.posyandu
    kid = child(a, D(2025, 1, 15))
    weigh(kid, a, D(2026, 8, 10), "8.4")
    household_move(household=kid.household, to=a2, on=D(2026, 9, 3), user=world.users["staff_a"])
    weigh(kid, a2, D(2026, 9, 10), "8.55")  # 150 g gain at 19 months, KBM 200 g: T
    in_a, in_a2, _ = _skdn(world)
    assert in_a == Skdn(s=1, k=1, d=1, b=1)  # August: household still in A on 31 August
    assert in_a2 == Skdn()
    september = selectors.skdn(posyandu_ids=[a.pk, a2.pk], month=Month(2026, 9))
    assert (september[a.pk].s, september[a.pk].d) == (0, 0)
    assert september[a2.pk] == Skdn(s=1, k=1, d=1, t=1)


def test_turning_60_months_during_the_month_stays_in_s_and_in_d(world, child, weigh):
    a = world.a.posyandu
    turns_60_on_2nd = child(a, D(2021, 8, 2))  # 59 completed months on 1 August: a balita of August
    weigh(turns_60_on_2nd, a, D(2026, 8, 20), "16.0")  # weighed after the birthday: still D
    turned_60_on_1st = child(a, D(2021, 8, 1))  # 60 months on 1 August: not in S
    weigh(turned_60_on_1st, a, D(2026, 8, 20), "16.0")
    born_31st = child(a, D(2026, 8, 31))  # born on the month's last day: in S, not weighed
    in_a, _, _ = _skdn(world)
    assert in_a == Skdn(s=2, k=2, d=1, b=1)
    assert in_a.d_s == 50
    assert born_31st.pk and turned_60_on_1st.pk


def test_by_sex_and_band_d_never_exceeds_s(world, child, weigh):
    a, b = world.a.posyandu, world.b.posyandu
    boy, girl = child(a, D(2026, 5, 20)), child(a, D(2023, 1, 10), sex="P")
    weigh(boy, b, D(2026, 8, 10), "5.5")  # weighed at B, lives in A: band 0–5 months
    weigh(girl, a, D(2026, 8, 10), "12.0")  # 43 months on 31 August: band 36–59
    bands = selectors.skdn_by_sex_and_band(posyandu_ids=[a.pk], month=AUG)
    assert bands[("L", 0)] == Skdn(s=1, k=1, d=1, b=1)
    assert bands[("P", 4)] == Skdn(s=1, k=1, d=1, b=1)
    assert all(cell.d <= cell.s for cell in bands.values())
    assert selectors.skdn_by_sex_and_band(posyandu_ids=[b.pk], month=AUG)[("L", 0)] == Skdn()


def test_the_report_s_one_pass_gives_the_same_skdn_gizi_and_bands_as_their_own_selectors(august):
    """posyandu_month_and_bands counts S/K and the weighings once, by Posyandu, sex and age band,
    and adds them up: the same figures as skdn(), gizi() and skdn_by_sex_and_band() alone."""
    a, a2 = august.a.posyandu.pk, august.a2.posyandu.pk
    figures, bands = selectors.posyandu_month_and_bands(posyandu_ids=[a, a2], month=AUG)
    skdn, gizi = (
        selectors.skdn(posyandu_ids=[a, a2], month=AUG),
        selectors.gizi(posyandu_ids=[a, a2], month=AUG),
    )
    for pid in (a, a2):
        assert figures[pid].skdn == skdn[pid] and figures[pid].gizi == gizi[pid]
        assert sum(bands[pid].values(), Skdn()) == skdn[pid]
    mawar = figures[a].skdn  # c1–c7 live in A; c3 and c7 have no Buku KIA; c1 and c5 are N
    assert (mawar.s, mawar.k, mawar.d, mawar.n) == (7, 5, 7, 2)
    assert (figures[a2].skdn.s, figures[a2].skdn.d) == (1, 1)  # c8 moved to A2 on 15 August
    assert figures[a].gizi.stunting == 1  # c1, 70 cm at 19 months
