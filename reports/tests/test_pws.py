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
    assert round(row.this_month, 2) == 87.5  # D 7 / S 8 (Mawar 6/7, Melati 1/1)
    assert round(row.last_month, 2) == 44.44  # July: D 4 / S 9
    assert round(row.cumulative, 2) == 18.31  # (0·5 + 2 + 4 + 7) / (9·7 + 8) = 13/71
    assert row.target == 85 and round(row.percent_of_target, 2) == round(100 * (13 / 71 * 100) / 85, 2)
    assert (row.trend, row.status) == ("naik", "di bawah target, membaik")
    assert board.total.cumulative == row.cumulative  # one desa in Puskesmas A


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
    assert row.sasaran == 40 and row.percent_of_target == 5
    assert round(row.target, 2) == round(40 * 8 / 12, 2)
    assert row.status == "di bawah target"  # 2 reached against a target line of 26,7; same as July


def test_lower_is_better_indicator_meets_its_target_below_it():
    row = pws.rate_row("x", pws.INDICATORS["stunting"], [(1, 10), (1, 20)])
    assert round(row.cumulative, 2) == 6.67 and row.status == "mencapai target"


def test_dashboard_page_renders_table_and_both_charts(login, august):
    html = (
        login("staff_a")
        .get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": "ds"})
        .content.decode()
    )
    assert "Desa A" in html and "87,5%" in html and "18,3%" in html
    assert html.count('class="dash-chart"') == 2 and "target 85%" in html


def test_dashboard_uses_a_fixed_number_of_queries(login, august, django_assert_num_queries):
    client = login("staff_a")
    with django_assert_num_queries(47):  # 12 months × (2 SKDN queries + 1), the page, 3 for tutup bulan
        client.get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": "ds"})
    with django_assert_num_queries(14):  # 4 of them for tutup bulan
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
    with django_assert_num_queries(10):
        response = client.get(reverse("pws_sasaran"), {"puskesmas": august.pkm_a.pk})
    assert response.status_code == 200
