"""On a phone (360×740): a kader records a birth from the mother's page (a refusal beside the
date first, the input kept), then a move out and a return, and a Puskesmas staff member a death;
every form is measured (contrast, tap targets, no overflow) and screenshotted."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from registry.models import Birth, Death, Departure, Relation
from tests.browser import log_in
from tests.factories import PASSWORD, child_in, make_person
from tests.phone_checks import check_phone_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kader_records_a_birth_and_a_move_out_on_a_phone(live_server, world, phone):
    mother = make_person(world.a.household, nama="Sari Wulandari", jenis_kelamin="P",
                         tanggal_lahir=dt.date(1996, 3, 3), hubungan=Relation.SUAMI_ISTRI)  # fmt: skip
    page = phone
    log_in(page, live_server.url, "kader_a", PASSWORD)
    expect(page.get_by_role("button", name="Buka hari ini")).to_be_visible()
    page.goto(f"{live_server.url}/warga/{mother.pk}/")
    check_phone_page(page, "vital-01-person-page-buttons")
    page.get_by_role("link", name="Catat kelahiran").click()
    page.get_by_label("Nama lengkap").fill("Bayi Ny. Sari")
    page.get_by_label("Jenis kelamin").select_option("P")
    page.get_by_label("Tanggal lahir").fill("2005-06-01")  # the mother was 9
    page.get_by_label("Berat lahir (gram)").fill("2350")
    page.get_by_label("Panjang lahir (cm)").fill("46,5")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Ibu: Umur 9 tahun", exact=False)).to_be_visible()
    expect(page.get_by_label("Nama lengkap")).to_have_value("Bayi Ny. Sari")
    check_phone_page(page, "vital-02-birth-refused")
    page.get_by_label("Tanggal lahir").fill("2026-11-10")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Kelahiran Bayi Ny. Sari dicatat.")).to_be_visible()
    expect(page.get_by_text("BBLR", exact=True)).to_be_visible()
    check_phone_page(page, "vital-03-baby-page")
    assert Birth.objects.get().mother == mother

    page.get_by_role("link", name="Pindah / tidak ditemukan").click()
    page.get_by_label("Pindah keluar wilayah").check()
    page.get_by_label("Alasan").fill("ikut orang tua ke Palembang")
    check_phone_page(page, "vital-04-departure-form")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Tidak dihitung dalam sasaran mulai bulan berikutnya.")).to_be_visible()
    page.get_by_role("link", name="Aktifkan kembali").click()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("aktif kembali.", exact=False)).to_be_visible()
    assert Departure.objects.get().aktif_kembali == timezone.localdate()  # the form's default


def test_staff_records_a_death_refused_before_birth_on_a_phone(live_server, world, phone):
    child = child_in(world.a.posyandu, nama="Rizky", tanggal_lahir=dt.date(2025, 6, 1))
    page = phone
    log_in(page, live_server.url, "staff_a", PASSWORD)
    page.goto(f"{live_server.url}/warga/{child.pk}/kematian/")
    page.get_by_label("Tanggal meninggal").fill("2025-05-01")
    page.get_by_label("Sebab").fill("diare")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Tanggal meninggal tidak boleh sebelum tanggal lahir.")).to_be_visible()
    expect(page.get_by_label("Sebab")).to_have_value("diare")
    check_phone_page(page, "vital-05-death-refused")
    page.get_by_label("Tanggal meninggal").fill("2026-11-02")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Kematian Rizky dicatat.")).to_be_visible()
    assert Death.objects.get().person == child
