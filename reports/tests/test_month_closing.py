"""Tutup bulan on hand-made data: Puskesmas A closes August 2026, a kader corrects a weighing
within the 30-day rule, the reports keep the snapshot until the month is closed again.

The `august` fixture (reports/tests/conftest.py) gives Posyandu Mawar S 7, K 5, D 6, N 2, T 1,
O 1, B 2, 2T 1 and Melati S 1, D 1, N 1. Child c5 (born 1 February 2025) weighed 8,0 kg in July
and 8,4 kg on 25 August (N); corrected to 8,0 kg it has not gained: T. Mawar then has N 1, T 2.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from registry import services as registry_services
from registry.models import Person
from reports import closing, pws, selectors, snapshots, tasks
from reports import services as report_services
from reports.dashboard import pws_dashboard
from reports.models import MonthClosing, Recap, RecapKind
from reports.period import Month
from reports.skdn import Skdn
from tests.factories import make_household, make_person
from visits import services
from visits.models import Visit

AUG = Month(2026, 8)
UTC = dt.UTC
CLOSED = dt.datetime(2026, 9, 5, 9, 0, tzinfo=UTC)
CORRECTED = dt.datetime(2026, 9, 12, 9, 0, tzinfo=UTC)  # 18 days after 25 August: kader may
RECLOSED = dt.datetime(2026, 9, 14, 9, 0, tzinfo=UTC)
SNAPSHOT_MAWAR = Skdn(s=7, k=5, d=7, n=2, t=1, o=1, b=3, two_t=1, bgm=0)  # c6, 60 months on the 25th, in D
CORRECTED_MAWAR = Skdn(s=7, k=5, d=7, n=1, t=2, o=1, b=3, two_t=1, bgm=0)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.REPORT_DEADLINE_DAY = 5
    # The clock jumps weeks between requests of one session; the idle logout is tested elsewhere.
    settings.SESSION_IDLE_MINUTES = 60 * 24 * 365


def page(client, **params):
    return client.get(reverse("month_closing"), params)


def close(client, puskesmas, month="2026-08"):
    url = f"{reverse('month_closing')}?puskesmas={puskesmas.pk}&bulan={month}"
    return client.post(url)


def correct_c5(world, kg="8.0"):
    visit = Visit.objects.get(person__tanggal_lahir=dt.date(2025, 2, 1), tanggal=dt.date(2026, 8, 25))
    data = {"berat_kg": Decimal(kg), "cara_ukur": 1}
    version = visit.measurement.version
    services.record_save(visit=visit, meja=2, data=data, user=world.users["kader_a"], version=version)


def mawar_report(client, world):
    url = reverse("posyandu_report", args=[world.a.posyandu.pk])
    return client.get(url, {"bulan": "2026-08"})


def recap_skdn_row(world, settings):
    recap, _ = tasks.request_recap(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)
    recap = report_services.build(recap.pk)
    sheet = load_workbook(settings.MEDIA_ROOT / recap.file)["SKDN"]
    return [c.value for c in sheet[5]][:11]


@pytest.mark.parametrize(
    ("day", "month", "deadline"),
    [
        (5, Month(2026, 8), dt.date(2026, 9, 5)),
        (5, Month(2026, 12), dt.date(2027, 1, 5)),  # across the year
        (31, Month(2027, 1), dt.date(2027, 2, 28)),  # no 31 February: its last day
        (30, Month(2028, 1), dt.date(2028, 2, 29)),  # leap year
        (10, Month(2026, 11), dt.date(2026, 12, 10)),
    ],
)
def test_report_deadline_is_the_setting_day_of_the_next_month(settings, day, month, deadline):
    settings.REPORT_DEADLINE_DAY = day
    assert closing.report_deadline(month) == deadline


def test_closed_month_corrected_keeps_the_snapshot_until_closed_again(clock, august, login, settings):
    world = august
    client = login("staff_a")
    clock.move_to(CLOSED)
    assert close(client, world.pkm_a).status_code == 302
    first = MonthClosing.objects.get()
    assert (first.version, first.current, first.closed_at) == (1, True, CLOSED)
    assert (
        'Batas kirim laporan: <strong id="batas-kirim">5 September 2026'
        in page(client, puskesmas=world.pkm_a.pk, bulan="2026-08").content.decode()
    )

    clock.move_to(CORRECTED)
    correct_c5(world)
    mawar = world.a.posyandu.pk
    assert selectors.skdn(posyandu_ids=[mawar], month=AUG)[mawar] == CORRECTED_MAWAR  # live

    report = mawar_report(login("kader_a"), world)
    assert report.context["r"].skdn == SNAPSHOT_MAWAR
    assert "Angka terkini berbeda dari snapshot" in report.content.decode()
    nd = pws_dashboard(puskesmas=world.pkm_a, indicator=pws.INDICATORS["nd"], month=AUG).rows[0]
    assert nd.this_month == 37.5  # snapshot N 3 / D 8 (Mawar 2/7, Melati 1/1); live 2/8
    assert recap_skdn_row(world, settings) == ["Desa A", "Mawar", 7, 5, 7, 2, 1, 1, 3, 1, 0]

    client = login("staff_a")  # the same test client, back from the kader
    html = page(client, puskesmas=world.pkm_a.pk, bulan="2026-08").content.decode()
    assert "Koreksi setelah tutup bulan" in html and "belum masuk snapshot" in html
    assert 'id="angka-berbeda"' in html and "ada koreksi setelah tutup bulan" in html
    pws_html = client.get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": "nd"}).content.decode()
    assert "Agustus 2026 (versi 1, ada koreksi setelah tutup bulan)" in pws_html

    clock.move_to(RECLOSED)
    assert close(client, world.pkm_a).status_code == 302
    v1, v2 = MonthClosing.objects.order_by("version")
    assert (v1.version, v1.current, v2.version, v2.current) == (1, False, 2, True)
    assert v1.snapshot["posyandu"][str(mawar)]["skdn"]["n"] == 2  # version 1 kept as it was
    assert v2.snapshot["posyandu"][str(mawar)]["skdn"]["n"] == 1
    assert mawar_report(client, world).context["r"].skdn == CORRECTED_MAWAR
    html = page(client, puskesmas=world.pkm_a.pk, bulan="2026-08").content.decode()
    assert 'id="angka-sama"' in html and "sudah masuk snapshot versi berikutnya" in html
    assert "Versi 1:" in html and "Versi 2:" in html


def test_a_child_registered_after_closing_changes_the_live_s_but_is_no_koreksi(clock, august, login):
    """A balita born before August and registered in September counts in August's S from the
    register: the report says its live figures differ, and why it may be, without calling it
    a correction; the closing page lists no koreksi."""
    clock.move_to(CLOSED)
    close(login("staff_a"), august.pkm_a)
    clock.move_to(CORRECTED)
    make_person(make_household(august.a.posyandu), tanggal_lahir=dt.date(2025, 5, 5), hubungan="anak")
    html = mawar_report(login("kader_a"), august).content.decode()
    assert "Angka terkini berbeda dari snapshot" in html and "baru didaftarkan" in html
    closing_page = page(login("staff_a"), puskesmas=august.pkm_a.pk, bulan="2026-08").content.decode()
    assert "ada koreksi setelah tutup bulan" not in closing_page


def test_a_recap_built_before_a_later_change_is_usang_and_rebuilt(
    clock, august, login, settings, django_capture_on_commit_callbacks
):
    world = august
    client = login("staff_a")
    assert recap_skdn_row(world, settings)[5] == 2  # N of Mawar, built on ENTERED
    assert "usang" not in client.get(reverse("recap_list")).content.decode()

    clock.move_to(CORRECTED)
    correct_c5(world)
    html = client.get(reverse("recap_list")).content.decode()
    assert "usang" in html and "Buat ulang" in html and 'name="bulan" value="2026-08"' in html

    clock.move_to(RECLOSED)
    with django_capture_on_commit_callbacks(execute=True):  # the build task, run eagerly
        response = client.post(
            reverse("recap_list"), {"area": f"puskesmas:{world.pkm_a.pk}", "bulan": "2026-08"}
        )
    assert response.status_code == 302
    assert "usang" not in client.get(reverse("recap_list")).content.decode()
    recap = Recap.objects.get()
    sheet = load_workbook(settings.MEDIA_ROOT / recap.file)["SKDN"]
    assert [c.value for c in sheet[5]][5:7] == [1, 2]  # N 1, T 2 after the rebuild


def test_a_recap_of_a_closed_month_is_usang_only_when_closed_again(clock, august, login, settings):
    world = august
    client = login("staff_a")
    clock.move_to(CLOSED)
    close(client, world.pkm_a)
    clock.move_to(CLOSED + dt.timedelta(hours=1))
    recap_skdn_row(world, settings)  # built from snapshot version 1
    clock.move_to(CORRECTED)
    correct_c5(world)
    assert "usang" not in client.get(reverse("recap_list")).content.decode()  # it reads the snapshot
    clock.move_to(RECLOSED)
    close(client, world.pkm_a)
    assert "usang" in client.get(reverse("recap_list")).content.decode()


def test_the_running_month_cannot_be_closed(clock, world, login):
    response = close(login("staff_a"), world.pkm_a, month="2026-09")
    assert response.status_code == 302
    assert not MonthClosing.objects.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Bulan berjalan belum dapat ditutup; tunggu sampai bulan berakhir."]


@pytest.mark.parametrize("name", ["staff_a", "admin"])
def test_own_puskesmas_staff_and_admin_close(clock, world, login, name):
    assert close(login(name), world.pkm_a).status_code == 302
    assert MonthClosing.objects.get().puskesmas == world.pkm_a


@pytest.mark.parametrize(
    ("name", "status"), [("kader_a", 404), ("staff_b", 404), ("dinkes_2", 404), ("dinkes_1", 403)]
)
def test_others_may_not_close(clock, world, login, name, status):
    assert close(login(name), world.pkm_a).status_code == status
    assert not MonthClosing.objects.exists()


@pytest.mark.parametrize(("name", "status"), [("dinkes_1", 200), ("staff_a", 200), ("kader_a", 404),
                                              ("staff_b", 404), ("dinkes_2", 404)])  # fmt: skip
def test_who_reads_the_closing_page(clock, world, login, name, status):
    assert page(login(name), puskesmas=world.pkm_a.pk).status_code == status


def test_dinkes_read_without_the_button_or_the_names(clock, august, login):
    world = august
    clock.move_to(CLOSED)
    close(login("staff_a"), world.pkm_a)
    clock.move_to(CORRECTED)
    correct_c5(world)
    html = page(login("dinkes_1"), puskesmas=world.pkm_a.pk, bulan="2026-08").content.decode()
    assert "Koreksi setelah tutup bulan" in html and "Tutup ulang" not in html
    assert "Anak 2025-02-01" not in html and "berat_kg" not in html
    staff_html = page(login("staff_a"), puskesmas=world.pkm_a.pk, bulan="2026-08").content.decode()
    assert "Anak 2025-02-01" in staff_html and "Tutup ulang" in staff_html


@pytest.mark.parametrize("bulan", ["x", "2026-13", "99999-01", "2026-08-01", ""])
def test_garbage_month_or_puskesmas_never_fails(clock, world, login, bulan):
    client = login("staff_a")
    assert page(client, puskesmas=world.pkm_a.pk, bulan=bulan).status_code == 200
    assert page(client, puskesmas="abc").status_code == 404


def test_closing_page_uses_a_fixed_number_of_queries(clock, august, login, django_assert_num_queries):
    client = login("staff_a")
    clock.move_to(CLOSED)
    close(client, august.pkm_a)
    # the live figures once, whatever the number of months (8 of them pregnancy and
    # immunisation; SKDN, gizi and the age bands 4); the corrections: one query for the visits'
    # history, one for the life-cycle records'
    with django_assert_num_queries(42):
        page(client, puskesmas=august.pkm_a.pk, bulan="2026-08")


def test_closed_month_pages_keep_a_fixed_number_of_queries(clock, august, login, django_assert_num_queries):
    client = login("staff_a")
    clock.move_to(CLOSED)
    close(client, august.pkm_a)
    # the snapshot, the live figures (3 of them for the pregnancy episodes, 5 for immunisation,
    # 4 for SKDN, gizi and the age bands)
    with django_assert_num_queries(27):
        mawar_report(client, august)
    with django_assert_num_queries(54):  # test_pws has the same page on an open month
        client.get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": "nd"})
    with django_assert_num_queries(12):
        client.get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": "k1"})


def test_pws_count_indicator_and_sasaran_read_the_snapshot(clock, august, login, weigh):
    world = august
    weigh(world.a.person, world.a.posyandu, dt.date(2026, 8, 10), "70", sistol=120, diastol=80)
    clock.move_to(CLOSED)
    close(login("staff_a"), world.pkm_a)
    weigh(world.a2.person, world.a2.posyandu, dt.date(2026, 8, 12), "65", sistol=118, diastol=78)
    make_person(make_household(world.a.posyandu))  # a new adult: live sasaran 12
    row = pws_dashboard(puskesmas=world.pkm_a, indicator=pws.INDICATORS["td"], month=AUG).rows[0]
    assert (row.this_month, row.sasaran) == (1, 11)  # frozen: 1 adult screened of 11; live 2 of 12
    assert (
        pws_dashboard(puskesmas=world.pkm_a, indicator=pws.INDICATORS["td"], month=Month(2026, 9))
        .rows[0]
        .last_month
        == 1
    )


def test_dinkes_choose_a_puskesmas_of_their_kab_kota(clock, world, login):
    html = page(login("dinkes_1"), puskesmas=world.pkm_b.pk).content.decode()
    assert "Tutup bulan Puskesmas B" in html
    assert f'<option value="{world.pkm_a.pk}">Puskesmas A</option>' in html
    assert "Puskesmas C" not in html  # another Kab/Kota


def test_a_snapshot_reads_back_when_sections_gained_or_lost_fields():
    stored = {"skdn": {"s": 7, "d": 6, "n": 2, "dropped_later": 9}, "rujukan": {"dirujuk": 3}}
    figures = snapshots.load_month(stored)
    assert figures.skdn == Skdn(s=7, d=6, n=2)  # an unknown field is ignored, missing ones read 0
    assert (figures.rujukan.dirujuk, figures.rujukan.alasan, figures.gizi.stunting) == (3, 0, 0)
    bands = snapshots.load_bands({"L0": {"s": 2}, "P4": {"d": 1}})
    assert bands == {("L", 0): Skdn(s=2), ("P", 4): Skdn(d=1)}
    assert snapshots.load_month(snapshots.dump_month(figures)) == figures


def band_row(settings, world, label=("12–23", "L")) -> list:
    """The recap's "SKDN umur x JK" cells S … BGM of one age band and sex (Puskesmas A)."""
    recap, _ = tasks.request_recap(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)
    sheet = load_workbook(settings.MEDIA_ROOT / report_services.build(recap.pk).file)["SKDN umur x JK"]
    return next(list(row[2:]) for row in sheet.iter_rows(values_only=True) if row[:2] == label)


def test_the_recaps_skdn_by_age_and_sex_reads_the_snapshot_of_a_closed_month(clock, august, login, settings):
    # Boys of 12–23 months on 31 August in Mawar and Melati: c1 (N), c2 (T, 2T), c5 (N), c7 (B, no
    # Buku KIA) and c8 (N, moved to Melati): S 5, K 4, D 5, N 3, T 1, O 0, B 1, 2T 1, BGM 0.
    world = august
    clock.move_to(CLOSED)
    close(login("staff_a"), world.pkm_a)
    clock.move_to(CORRECTED)
    correct_c5(world)  # live: c5 8,0 → 8,0 kg is T, so N 2 and T 2
    assert band_row(settings, world) == [5, 4, 5, 3, 1, 0, 1, 1, 0]  # the snapshot, as the report shows
    clock.move_to(RECLOSED)
    close(login("staff_a"), world.pkm_a)
    assert band_row(settings, world) == [5, 4, 5, 2, 2, 0, 1, 1, 0]


def correct_c5_birth_date(world):
    c5 = Person.objects.get(tanggal_lahir=dt.date(2025, 2, 1))
    registry_services.person_save(
        user=world.users["kader_a"], person=c5, fields={"tanggal_lahir": dt.date(2025, 1, 1)}
    )


def test_a_birth_date_corrected_after_closing_is_a_koreksi_and_a_reclosing_makes_the_recap_usang(
    clock, august, login, settings
):
    world = august
    client = login("staff_a")
    clock.move_to(CLOSED)
    close(client, world.pkm_a)
    clock.move_to(CLOSED + dt.timedelta(hours=1))
    recap_skdn_row(world, settings)
    clock.move_to(CORRECTED)
    correct_c5_birth_date(world)  # recomputes the ages and z-scores of c5's three weighings
    html = page(client, puskesmas=world.pkm_a.pk, bulan="2026-08").content.decode()
    assert "Koreksi setelah tutup bulan" in html and "ada koreksi setelah tutup bulan" in html
    assert html.count("meja 2, oleh kader_a") == 2  # c5's two August visits; July is another month
    assert "usang" not in client.get(reverse("recap_list")).content.decode()  # it reads the snapshot
    clock.move_to(RECLOSED)
    close(client, world.pkm_a)
    assert "usang" in client.get(reverse("recap_list")).content.decode()


def test_a_recap_of_an_open_month_is_usang_after_a_birth_date_correction(clock, august, login, settings):
    world = august
    recap_skdn_row(world, settings)
    client = login("staff_a")
    assert "usang" not in client.get(reverse("recap_list")).content.decode()
    clock.move_to(CORRECTED)
    correct_c5_birth_date(world)
    assert "usang" in client.get(reverse("recap_list")).content.decode()


def test_a_weight_corrected_in_july_makes_augusts_recap_usang(clock, august, login, settings):
    # c5: July 8,0 kg, 25 August 8,4 kg (N). July corrected to 8,3 kg: August gains 100 g < KBM
    # 200 g at 18 months, so August's code turns T; August's recap must say so.
    world = august
    assert recap_skdn_row(world, settings)[5:7] == [2, 1]  # Mawar N 2, T 1
    client = login("staff_a")
    clock.move_to(CORRECTED)
    july = Visit.objects.get(person__tanggal_lahir=dt.date(2025, 2, 1), tanggal=dt.date(2026, 7, 10))
    services.record_save(visit=july, meja=2, data={"berat_kg": Decimal("8.3"), "cara_ukur": 1},
                         user=world.users["staff_a"], version=july.measurement.version)  # fmt: skip
    assert "usang" in client.get(reverse("recap_list")).content.decode()
    assert recap_skdn_row(world, settings)[5:7] == [1, 2]
