"""PWS figures on hand-made data (Puskesmas A, desa A = Posyandu Mawar and Melati, August 2026)."""

import datetime as dt

from django.urls import reverse

from reports import pws
from reports.dashboard import pws_dashboard
from reports.models import SasaranDesa
from reports.period import Month

D = dt.date
AUG = Month(2026, 8)


def test_rate_indicator_d_s_this_month_cumulative_trend_and_status(august):
    board = pws_dashboard(puskesmas=august.pkm_a, indicator=pws.INDICATORS["ds"], month=AUG)
    row = board.rows[0]
    assert row.name == "Desa A"
    assert row.this_month == 100  # D 8 / S 8 (Mawar 7/7, Melati 1/1)
    assert round(row.last_month, 2) == 44.44  # July: D 4 / S 9
    # January to May had no opening day: left out, not zeros. June 2/9, July 4/9, August 8/8
    assert round(row.cumulative, 2) == round(100 * 14 / 26, 2) == 53.85
    assert row.target == 85 and round(row.percent_of_target, 2) == round(100 * 100 / 85, 2)
    assert (row.trend, row.status, row.meets) == ("naik", "mencapai target", True)  # this month ≥ 85
    assert board.total.cumulative == row.cumulative  # one desa in Puskesmas A


def test_january_compares_with_december_of_the_year_before(world, child, weigh):
    a = world.a.posyandu
    first, second = child(a, D(2025, 6, 1)), child(a, D(2025, 9, 1))
    weigh(first, a, D(2026, 12, 10), "9.0")
    weigh(second, a, D(2026, 12, 10), "8.0")
    weigh(first, a, D(2027, 1, 12), "9.3")  # second not weighed in January
    row = pws_dashboard(puskesmas=world.pkm_a, indicator=pws.INDICATORS["ds"], month=Month(2027, 1)).rows[0]
    assert (row.this_month, row.last_month) == (50, 100)  # January 1/2, December 2/2
    assert row.cumulative == 50  # the year 2027 is January alone
    assert (row.trend, row.status) == ("turun", "di bawah target")


def test_a_month_without_opening_day_shows_no_figure_and_is_left_out_of_the_cumulative():
    row = pws.rate_row("x", pws.INDICATORS["ds"], [(9, 10), (1, 2), None, (2, 4)], in_year=3)
    assert (row.this_month, row.last_month) == (50, None)
    assert row.cumulative == 50  # (1 + 2) / (2 + 4); December's 9/10 is last year
    assert row.trend == "–"  # last month had no opening day: nothing to compare
    steady = pws.rate_row("x", pws.INDICATORS["ds"], [(1, 2), (2, 4)], in_year=2)
    assert steady.trend == "tetap"
    empty = pws.rate_row("x", pws.INDICATORS["ds"], [(1, 2), None], in_year=2)
    assert (empty.this_month, empty.last_month, empty.status, empty.meets) == (
        None,
        50,
        "belum ada data",
        None,
    )


def test_count_indicator_counts_people_once_a_year_against_the_sasaran(august, weigh, world):
    a, a2 = world.a.posyandu, world.a2.posyandu
    weigh(world.a.person, a, D(2026, 7, 10), "70", sistol=120, diastol=80)
    weigh(world.a.person, a, D(2026, 8, 10), "70", sistol=125, diastol=80)  # second time: not counted again
    weigh(world.a2.person, a2, D(2026, 8, 10), "65", sistol=118, diastol=78)
    board = pws_dashboard(puskesmas=august.pkm_a, indicator=pws.INDICATORS["td"], month=AUG)
    row = board.rows[0]
    assert (row.this_month, row.last_month, row.cumulative) == (1, 1, 2)
    assert row.sasaran == 11  # registry: 9 household heads made by the fixture and the 2 area heads
    SasaranDesa.objects.create(desa=world.a.posyandu.desa, tahun=2026, jenis="dewasa", jumlah=40,
                               updated_by=world.users["staff_a"])  # fmt: skip
    row = pws_dashboard(puskesmas=august.pkm_a, indicator=pws.INDICATORS["td"], month=AUG).rows[0]
    # the month's 1 person against the month's target 40 / 12 = 3⅓: 30 % (like the status)
    assert row.sasaran == 40 and round(row.percent_of_target, 1) == 30.0
    assert round(row.target, 2) == round(40 * 8 / 12, 2)
    assert row.status == "di bawah target"  # 1 reached in August against 40 / 12 = 3,3 a month


def test_lower_is_better_indicator_says_below_target_is_good_and_above_is_not():
    stunting = pws.INDICATORS["stunting"]  # target 14 %
    row = pws.rate_row("x", stunting, [(1, 10), (1, 20)], in_year=2)
    assert row.this_month == 5 and round(row.cumulative, 2) == 6.67
    assert (row.trend, row.status, row.meets) == ("turun", "di bawah target (baik)", True)
    at_target = pws.rate_row("x", stunting, [(7, 50)], in_year=1)  # 14 % exactly
    assert (at_target.status, at_target.meets) == ("di bawah target (baik)", True)
    row = pws.rate_row("x", stunting, [(1, 20), (3, 20)], in_year=2)  # 5 % then 15 %
    assert (row.trend, row.status, row.meets) == ("naik", "di atas target", False)


def test_higher_is_better_meets_its_target_at_the_target():
    assert pws.rate_row("x", pws.INDICATORS["ds"], [(17, 20)], in_year=1).status == "mencapai target"  # 85 %
    assert pws.rate_row("x", pws.INDICATORS["ds"], [(84, 100)], in_year=1).status == "di bawah target"


def test_dashboard_page_renders_table_and_both_charts(login, august):
    html = (
        login("staff_a")
        .get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": "ds"})
        .content.decode()
    )
    assert "Desa A" in html and "100,0%" in html and "53,8%" in html and "44,4%" in html
    assert html.count('class="dash-chart"') == 2 and "target 85,0%" in html


def test_dashboard_uses_a_fixed_number_of_queries(login, august, django_assert_num_queries):
    client = login("staff_a")
    # 12 months of SKDN (S and D, stayed and moved households), opening days, the page, tutup bulan
    with django_assert_num_queries(58):
        client.get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": "ds"})
    with django_assert_num_queries(12):  # 4 of them for tutup bulan
        client.get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": "k1"})


def test_puskesmas_enters_sasaran_and_bad_input_is_refused_beside_the_field(login, world):
    client = login("staff_a")
    desa = world.a.posyandu.desa
    url = reverse("pws_sasaran") + "?tahun=2026"
    bad = client.post(url, {f"balita_{desa.pk}": "-5", f"dewasa_{desa.pk}": "300"})
    assert bad.context["form"].errors[f"balita_{desa.pk}"] == ["Tidak boleh negatif."]
    assert 'value="300"' in bad.content.decode() and not SasaranDesa.objects.exists()
    client.post(url, {f"balita_{desa.pk}": "120", f"dewasa_{desa.pk}": "300"})
    assert set(SasaranDesa.objects.values_list("jenis", "jumlah")) == {("balita", 120), ("dewasa", 300)}
    client.post(url, {f"balita_{desa.pk}": "", f"dewasa_{desa.pk}": "300"})  # back to the registry count
    assert set(SasaranDesa.objects.values_list("jenis", flat=True)) == {"dewasa"}


def test_sasaran_page_uses_a_fixed_number_of_queries(login, august, django_assert_num_queries):
    client = login("staff_a")
    with django_assert_num_queries(8):
        response = client.get(reverse("pws_sasaran"), {"puskesmas": august.pkm_a.pk})
    assert response.status_code == 200
