"""The home-visit list on a 360 px phone: each person says why they are on it, and a home
visit's outcome closes the reason."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from registry.models import Relation
from tests.browser import log_in
from tests.factories import PASSWORD, make_household, make_person
from tests.phone_checks import check_phone_page
from visits.models import HomeVisitOutcome

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kader_records_a_home_visit_outcome_and_the_reason_closes(live_server, world, phone):
    page = phone
    today = timezone.localdate()
    household = make_household(world.a.posyandu, alamat="Jl. Kenari No. 4", rt="002")
    make_person(household, nama="Ahmad Fauzi", hubungan=Relation.KEPALA, jenis_kelamin="L")
    make_person(household, nama="Rara Fauzi", nik=None, tanggal_lahir=today - dt.timedelta(days=300))
    log_in(page, live_server.url, "kader_a", PASSWORD)

    page.goto(f"{live_server.url}/kunjungan-rumah/")
    row = page.locator(".home-visit-row", has_text="Rara Fauzi")
    expect(row.get_by_text("Belum datang bulan ini")).to_be_visible()
    expect(row.get_by_text("Belum ada kunjungan bulan ini")).to_be_visible()
    expect(row.get_by_text("Bayi & balita")).to_be_visible()
    check_phone_page(page, "home-visits-01-list")

    # Rara is also overdue for her immunisations: the outcome of "belum datang" is recorded here
    row.get_by_role("listitem").filter(has_text="Belum datang bulan ini").get_by_role(
        "link", name="Catat hasil"
    ).click()
    expect(page.get_by_role("heading", name="Catat hasil kunjungan rumah")).to_be_visible()
    page.get_by_role("button", name="Simpan dan tutup alasan").click()
    expect(page.get_by_text("Pilih hasil kunjungan.")).to_be_visible()  # refused beside the field
    page.get_by_label("Tidak ditemui").check()
    page.get_by_label("Catatan").fill("Rumah kosong, ibu ke pasar")
    check_phone_page(page, "home-visits-02-outcome")
    page.get_by_role("button", name="Simpan dan tutup alasan").click()

    expect(page.get_by_text("Hasil kunjungan rumah Rara Fauzi dicatat")).to_be_visible()
    still_open = page.locator(".home-visit-row", has_text="Rara Fauzi")
    expect(still_open.get_by_text("Belum datang bulan ini")).to_have_count(0)
    expect(still_open.get_by_text("Imunisasi terlambat (DOFU)")).to_be_visible()  # that reason stays open
    page.get_by_label("Status").select_option("semua")
    page.get_by_role("button", name="Tampilkan").click()
    closed = page.locator(".home-visit-row", has_text="Rara Fauzi")
    expect(closed.get_by_text("Ditutup")).to_be_visible()
    expect(closed.get_by_text("Tidak ditemui", exact=False)).to_be_visible()
    check_phone_page(page, "home-visits-03-closed")
    assert HomeVisitOutcome.objects.get().catatan == "Rumah kosong, ibu ke pasar"
