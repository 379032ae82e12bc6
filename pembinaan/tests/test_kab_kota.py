"""Dasbor Kab/Kota on hand-made data (October 2026): the PWS figures per Puskesmas agree with
the PWS page, reporting completeness, strata, sorting, access and a fixed number of queries."""

import datetime as dt

from django.urls import reverse

from kader.models import Kader
from pembinaan.kabkota import kab_kota_rows, sort_rows
from registry.models import Desa, Posyandu, Puskesmas, Strata
from reports import pws
from reports.dashboard import pws_dashboard
from reports.period import Month

OCT = Month(2026, 10)
URL = reverse("kab_kota_dashboard") + "?bulan=2026-10"


def october(world, weigh, child):
    """Mawar: three balita, two weighed (D/S 66,7%: two visits, one Posyandu reporting); Melati
    and Anggrek: no visit."""
    mawar = world.a.posyandu
    weigh(child(mawar), mawar, dt.date(2026, 10, 10), "8.0")
    weigh(child(mawar), mawar, dt.date(2026, 10, 12), "8.2")
    child(mawar)
    Posyandu.objects.filter(pk=world.b.posyandu.pk).update(strata=Strata.MADYA)  # typed in: not shown
    Kader.objects.create(posyandu=mawar, nama="Kader Aktif", aktif=True)
    Kader.objects.create(posyandu=mawar, nama="Kader Berhenti", aktif=False)
    Kader.objects.create(posyandu=world.b.posyandu, nama="Kader B", aktif=True)


def test_rows_per_puskesmas_agree_with_the_pws_and_count_reporting(world, weigh, child):
    october(world, weigh, child)
    rows = kab_kota_rows(user=world.users["dinkes_1"], kab_kota=world.kab1, month=OCT)
    a, b = rows
    assert (a.puskesmas.nama, b.puskesmas.nama) == ("Puskesmas A", "Puskesmas B")
    assert round(a.figures["ds"].this_month, 2) == 66.67  # D 2 / S 3
    pws_total = pws_dashboard(puskesmas=world.pkm_a, indicator=pws.INDICATORS["ds"], month=OCT).total
    assert a.figures["ds"].this_month == pws_total.this_month
    assert b.figures["ds"].this_month is None  # no opening day in Puskesmas B: no figure, not 0
    assert (a.reported, a.posyandu, a.completeness) == (1, 2, 50)  # Mawar of Mawar and Melati
    assert (b.reported, b.posyandu, b.completeness) == (0, 1, 0)
    # computed, not typed: one opening day in October is far from Madya's 8 a year
    assert a.strata_list[0] == ("Pratama", 2) and dict(b.strata_list) == {
        "Pratama": 1, "Madya": 0, "Purnama": 0, "Mandiri": 0
    }  # fmt: skip
    assert (a.aktif, b.aktif) == (0, 0)
    assert (a.kader, b.kader) == (1, 1)  # active kader of the roster only


def test_sorting_puts_rows_without_a_figure_last(world, weigh, child):
    october(world, weigh, child)
    rows = kab_kota_rows(user=world.users["dinkes_1"], kab_kota=world.kab1, month=OCT)
    assert [r.puskesmas.nama for r in sort_rows(rows, "lapor", descending=False)] == [
        "Puskesmas B",
        "Puskesmas A",
    ]
    assert [r.puskesmas.nama for r in sort_rows(rows, "ds", descending=False)] == [
        "Puskesmas A",
        "Puskesmas B",
    ]
    assert [r.puskesmas.nama for r in sort_rows(rows, "nama", descending=True)] == [
        "Puskesmas B",
        "Puskesmas A",
    ]


def test_who_sees_which_rows(world, login):
    assert login("dinkes_1").get(URL).content.decode().count("<td>Puskesmas ") == 2
    staff = login("staff_a").get(URL).content.decode()
    assert "Puskesmas A" in staff and "<td>Puskesmas B" not in staff
    assert login("kader_a").get(URL).status_code == 404
    assert login("dinkes_2").get(URL + f"&kab_kota={world.kab1.pk}").status_code == 404
    assert login("staff_a").get(URL + f"&kab_kota={world.kab2.pk}").status_code == 404
    assert "Puskesmas C" in login("dinkes_2").get(URL).content.decode()


def test_a_fixed_number_of_queries_whatever_the_number_of_puskesmas(world, login, django_assert_num_queries):
    client = login("dinkes_1")
    # 51 for the PWS series and completeness, 10 for the computed strata, 2 for the kader
    with django_assert_num_queries(61):
        assert client.get(URL).status_code == 200
    extra = Puskesmas.objects.create(nama="Puskesmas D", kab_kota=world.kab1)
    desa = Desa.objects.create(kode="1872011009", nama="Desa D", kecamatan=world.a.posyandu.desa.kecamatan,
                               puskesmas=extra)  # fmt: skip
    Posyandu.objects.create(nama="Kenanga", desa=desa, jadwal_jenis="tanggal", jadwal_tanggal=5)
    with django_assert_num_queries(61):
        page = client.get(URL + "&urut=lapor&arah=turun")
    assert "Puskesmas D" in page.content.decode()
