"""An innovation's effect page on hand-made weighings: D/S and N/D before and after its start at
Mawar (A), beside Melati (A2), the other Posyandu of Puskesmas A, which has no innovation."""

import datetime as dt

import pytest

from inovasi import selectors, services

D = dt.date


@pytest.fixture
def door_prize(world, child, weigh):
    a, a2 = world.a.posyandu, world.a2.posyandu
    a1 = child(a, D(2025, 3, 1))  # Mawar: June B, August O, September N, October N
    for month, kg in [(6, "9.0"), (8, "9.6"), (9, "10.0"), (10, "10.4")]:
        weigh(a1, a, D(2026, month, 10), kg)
    a2_child = child(a, D(2025, 3, 1))  # Mawar: August B, October O
    for month, kg in [(8, "9.0"), (10, "9.5")]:
        weigh(a2_child, a, D(2026, month, 10), kg)
    b1 = child(a2, D(2025, 3, 1))  # Melati: May B, June N, July N, August N
    for month, kg in [(5, "9.0"), (6, "9.4"), (7, "9.8"), (8, "10.2")]:
        weigh(b1, a2, D(2026, month, 10), kg)
    return services.innovation_create(
        user=world.users["kader_a"], posyandu=a, jenis="door_prize", nama="Door prize", mulai=D(2026, 8, 1)
    )


def test_effect_before_and_after_beside_the_comparison_group(world, door_prize, django_assert_num_queries):
    with django_assert_num_queries(26):  # 4 a month for 6 months, the innovation, the comparison group
        page = selectors.effect_page(user=world.users["staff_a"], pk=door_prize.pk, today=D(2026, 11, 16))
    assert page["comparison_count"] == 1  # Melati; Anggrek belongs to Puskesmas B
    ds, nd = page["comparisons"]
    # Mawar: before (May–July) S = 2 × 3 = 6, D = 1 (a1 in June); after (Aug–Oct) D = 3 + 2 = 5
    assert (ds.before.num, ds.before.den, ds.after.num, ds.after.den) == (1, 6, 5, 6)
    assert round(ds.change, 2) == 66.67
    # Melati: before D = 3 of S = 3, after D = 1 of 3: −66,67 points; difference +133,33 points
    assert (ds.other_before.num, ds.other_before.den, ds.other_after.num, ds.other_after.den) == (3, 3, 1, 3)
    assert round(ds.other_change, 2) == -66.67 and round(ds.difference, 2) == 133.33
    # N/D: Mawar 0/1 → 2/5 (September and October of a1); Melati 2/3 → 1/1
    assert (nd.before.num, nd.before.den, nd.after.num, nd.after.den) == (0, 1, 2, 5)
    assert (nd.other_before.num, nd.other_before.den, nd.other_after.num, nd.other_after.den) == (2, 3, 1, 1)
    assert round(nd.difference, 2) == 6.67  # (40 − 0) − (100 − 66,67)


def test_the_page_says_before_after_is_not_proof(login, door_prize):
    page = login("kader_a").get(f"/inovasi/{door_prize.pk}/").content.decode()
    assert "Perbandingan sebelum/sesudah bukan bukti sebab-akibat" in page
    assert "+66,7 poin" in page and "+133,3 poin" in page


def test_after_window_stops_at_the_running_month(world, door_prize):
    page = selectors.effect_page(user=world.users["staff_a"], pk=door_prize.pk, today=D(2026, 9, 5))
    assert [str(m) for m in page["after"]] == ["Agustus 2026", "September 2026"]
    ds = page["comparisons"][0]
    assert (ds.after.num, ds.after.den) == (3, 4)  # a1 and a2_child in August, a1 in September
