"""Recap workbooks read back cell by cell, the recap page and who sees which recap."""

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports import services
from reports.models import Recap, RecapKind, RecapStatus
from reports.period import Month

AUG = Month(2026, 8)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def built(kind, area):
    recap, _ = services.mark_requested(kind=kind, area=area, month=AUG)
    return services.build(recap.pk)


def test_puskesmas_recap_cell_by_cell(august, settings):
    recap = built(RecapKind.PUSKESMAS, august.pkm_a)
    assert (recap.status, recap.progress) == (RecapStatus.DONE, 100)
    book = load_workbook(settings.MEDIA_ROOT / recap.file)
    assert book.sheetnames == [
        "SKDN",
        "Status gizi",
        "Kunjungan",
        "Layanan",
        "Skrining PTM",
        "Rujukan",
        "KIA",
        "Lahir & mati",
        "Ibu hamil & nifas",
        "Imunisasi",
        "Vitamin A",
        "SKDN umur x JK",
    ]
    sheet = book["SKDN"]
    assert sheet["A1"].value == "Rekap Puskesmas A: SKDN"
    assert sheet["A2"].value == "Bulan Agustus 2026"
    headers = ["Desa/Kelurahan", "Posyandu", "S", "K", "D", "N", "T", "O", "B", "2T", "BGM"]
    assert [c.value for c in sheet[4]] == headers + ["K/S", "D/S", "N/D", "N/D'", "BGM/D"]
    assert sheet.freeze_panes == "C5"
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_row=8)]
    assert values[0][:11] == ["Desa A", "Mawar", 7, 5, 7, 2, 1, 1, 3, 1, 0]
    assert values[0][11:] == [5 / 7, 7 / 7, 2 / 7, 2 / 3, 0]  # the exact fractions
    assert values[1][:11] == ["Desa A", "Melati", 1, 1, 1, 1, 0, 0, 0, 0, 0]
    assert values[2][:11] == ["Subtotal Desa A", None, 8, 6, 8, 3, 1, 1, 3, 1, 0]
    assert values[2][11:] == [6 / 8, 8 / 8, 3 / 8, 3 / 4, 0]
    assert values[3][0] == "Total" and values[3][2:11] == [8, 6, 8, 3, 1, 1, 3, 1, 0]
    assert sheet["C5"].number_format == "#,##0" and sheet["L5"].number_format == "0.0%"
    assert sheet["H8"].font.bold and sheet.column_dimensions["A"].width == 24
    gizi = book["Status gizi"]
    assert [c.value for c in gizi[5]][:5] == ["Desa A", "Mawar", 1, 1, 1.0]  # one measured length, stunted


def test_kabkota_recap_has_a_row_per_puskesmas(august, settings):
    recap = built(RecapKind.KABKOTA, august.kab1)
    sheet = load_workbook(settings.MEDIA_ROOT / recap.file)["SKDN"]
    assert sheet["A1"].value == "Rekap Kab/Kota Kota Metro: SKDN"
    rows = [[c.value for c in row][:4] for row in sheet.iter_rows(min_row=5, max_row=7)]
    assert rows == [["Puskesmas A", 8, 6, 8], ["Puskesmas B", 0, 0, 0], ["Total", 8, 6, 8]]
    assert sheet.freeze_panes == "B5"


def test_a_failed_build_leaves_no_partial_file_and_the_old_file_stays(august, settings, monkeypatch):
    recap = built(RecapKind.PUSKESMAS, august.pkm_a)
    original = (settings.MEDIA_ROOT / recap.file).read_bytes()
    services.mark_requested(kind=RecapKind.PUSKESMAS, area=august.pkm_a, month=AUG)

    def broken(*args, **kwargs):
        raise OSError("disk penuh")

    monkeypatch.setattr("openpyxl.Workbook.save", broken)
    from reports.tasks import build_recap

    with pytest.raises(OSError):
        build_recap.apply(args=[recap.pk], retries=3).get()
    recap.refresh_from_db()
    assert recap.status == RecapStatus.FAILED and "disk penuh" in recap.error
    assert (settings.MEDIA_ROOT / recap.file).read_bytes() == original
    assert not list(settings.MEDIA_ROOT.rglob("*.part"))


def test_queue_monthly_recaps_queues_every_area_once(world):
    from reports.tasks import queue_monthly_recaps

    assert queue_monthly_recaps.apply().get() == 5  # 3 Puskesmas and 2 Kab/Kota
    assert queue_monthly_recaps.apply().get() == 0  # already queued: nothing twice
    assert Recap.objects.count() == 5


VISIBLE = {
    "kader_a": set(),
    "staff_a": {"pkm_a"},
    "staff_b": {"pkm_b"},
    "dinkes_1": {"pkm_a", "pkm_b", "kab1"},
    "dinkes_2": {"pkm_c", "kab2"},
    "admin": {"pkm_a", "pkm_b", "pkm_c", "kab1", "kab2"},
}


@pytest.fixture
def all_recaps(world):
    made = {}
    for name in ("pkm_a", "pkm_b", "pkm_c"):
        made[name] = built(RecapKind.PUSKESMAS, getattr(world, name))
    for name in ("kab1", "kab2"):
        made[name] = built(RecapKind.KABKOTA, getattr(world, name))
    return made


@pytest.mark.parametrize("role", VISIBLE)
def test_each_role_lists_and_downloads_only_its_recaps(login, all_recaps, role):
    client = login(role)
    listed = {r.pk for r in client.get(reverse("recap_list")).context["page"]}
    assert listed == {all_recaps[name].pk for name in VISIBLE[role]}
    codes = {
        name: client.get(reverse("recap_download", args=[r.pk])).status_code for name, r in all_recaps.items()
    }
    assert codes == {name: 200 if name in VISIBLE[role] else 404 for name in all_recaps}


@pytest.mark.parametrize(("role", "shown"), [("kader_a", False), ("staff_a", True), ("dinkes_1", True)])
def test_the_recap_page_links_pws_and_tutup_bulan_only_for_who_may_open_them(login, world, role, shown):
    html = login(role).get(reverse("recap_list")).content.decode()
    for url in (reverse("pws_dashboard"), reverse("month_closing")):
        assert (f'href="{url}"' in html) == shown
        assert login(role).get(url).status_code == (200 if shown else 404)


def test_puskesmas_staff_cannot_request_another_area(login, world):
    client = login("staff_a")
    response = client.post(reverse("recap_list"), {"area": f"puskesmas:{world.pkm_b.pk}", "bulan": "2026-08"})
    assert response.status_code == 403
    assert not Recap.objects.exists()


def test_a_recap_of_a_month_the_page_does_not_offer_is_refused(login, world):
    client = login("staff_a")
    for month in ("2099-01", "1999-12"):
        response = client.post(reverse("recap_list"), {"area": f"puskesmas:{world.pkm_a.pk}", "bulan": month},
                               follow=True)  # fmt: skip
        assert (
            "Rekap hanya dapat dibuat untuk bulan berjalan dan 12 bulan sebelumnya."
            in response.content.decode()
        )
    assert not Recap.objects.exists()


def test_recap_page_needs_a_fixed_number_of_queries(login, all_recaps, django_assert_num_queries):
    client = login("admin")
    with django_assert_num_queries(9):  # one finds the usang recaps, one the Posyandu not entered
        client.get(reverse("recap_list"))


# 6 for the Lahir & mati sheet; 8 for the pregnancy (3) and immunisation (5 in a vitamin A month)
# sections and 3 progress updates for their three sheets; SKDN, gizi and SKDN umur x JK 4, from
# the same two counts over the balita and their weighings
@pytest.mark.parametrize(("kind", "area", "queries"), [("puskesmas", "pkm_a", 39), ("kabkota", "kab1", 40)])
def test_recap_build_is_a_fixed_number_of_queries(august, kind, area, queries, django_assert_num_queries):
    recap, _ = services.mark_requested(kind=kind, area=getattr(august, area), month=AUG)
    with django_assert_num_queries(queries):
        assert services.build(recap.pk).status == RecapStatus.DONE


def test_recap_download_is_a_fixed_number_of_queries(login, all_recaps, django_assert_num_queries):
    client = login("dinkes_1")
    with django_assert_num_queries(3):  # session, user with profile and area, the recap
        response = client.get(reverse("recap_download", args=[all_recaps["kab1"].pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "kind, name, title",
    [
        (RecapKind.PUSKESMAS, "Puskesmas Sukamaju", "Rekap Puskesmas Sukamaju"),
        (RecapKind.PUSKESMAS, "Sukamaju", "Rekap Puskesmas Sukamaju"),
        (RecapKind.KABKOTA, "Kota Metro", "Rekap Kota Metro"),
        (RecapKind.KABKOTA, "Kabupaten Lampung Timur", "Rekap Kabupaten Lampung Timur"),
        (RecapKind.KABKOTA, "Metro", "Rekap Kab/Kota Metro"),
    ],
)
def test_a_recap_title_names_the_kind_once(kind, name, title):
    from registry.models import KabKota, Puskesmas

    recap = Recap(kind=kind, kab_kota=KabKota(nama=name), puskesmas=Puskesmas(nama=name))
    assert recap.title == title
