"""Inovasi on a phone and a laptop: a kader records PMT for an enrolled child; the programme,
donor and effect pages pass the phone checks (contrast, tap targets, no overflow)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from inovasi import services
from inovasi.models import PmtDelivery
from reports.tests.conftest import child, weigh  # noqa: F401  (fixtures)
from tests.browser import log_in
from tests.factories import PASSWORD
from tests.phone_checks import ARTIFACTS, check_phone_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date


@pytest.fixture
def programme(world, child, weigh):  # noqa: F811
    staff = world.users["staff_a"]
    kid = child(world.a.posyandu, D(2025, 1, 15), name="Bima Sakti")
    for month, kg in [(7, "8.0"), (8, "8.0"), (9, "8.6")]:
        weigh(kid, world.a.posyandu, D(2026, month, 10), kg)
    donor = services.donor_create(user=staff, puskesmas=world.pkm_a, nama="PT Maju Jaya", jenis="perusahaan")
    prog = services.programme_create(
        user=staff, posyandu=world.a.posyandu, nama="Asuh Mawar", mulai=D(2026, 8, 1)
    )
    services.pledge_add(
        user=staff, programme=prog, donor=donor, per_bulan=500_000, bulan=6, mulai=D(2026, 8, 1)
    )
    services.enrol(user=staff, programme=prog, person=kid, mulai=D(2026, 8, 10))
    services.ledger_add(
        user=staff,
        programme=prog,
        tanggal=D(2026, 8, 1),
        arah="masuk",
        jumlah=900_000,
        sumber="donatur",
        donor=donor,
    )
    services.innovation_create(
        user=staff, posyandu=world.a.posyandu, jenis="door_prize", nama="Door prize", mulai=D(2026, 8, 1)
    )
    return prog


def test_kader_records_pmt_on_a_phone(live_server, world, phone, programme):
    page = phone
    log_in(page, live_server.url, "kader_a", PASSWORD)
    page.goto(f"{live_server.url}/inovasi/")
    expect(page.get_by_role("heading", name="Inovasi Posyandu")).to_be_visible()
    check_phone_page(page, "inovasi-index-phone")
    page.get_by_role("link", name="Asuh Mawar").click()
    page.get_by_role("link", name="Catat PMT").click()
    check_phone_page(page, "inovasi-pmt-form-phone")
    page.get_by_label("Peserta").select_option(index=1)
    page.get_by_role("textbox", name="Menu").fill("Bubur kacang hijau")
    page.get_by_label("Diberikan oleh").fill("Kader Sari")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Bubur kacang hijau")).to_be_visible()
    assert PmtDelivery.objects.get().menu == "Bubur kacang hijau"
    check_phone_page(page, "inovasi-programme-phone")
    page.goto(f"{live_server.url}/inovasi/posyandu/{world.a.posyandu.pk}/")
    check_phone_page(page, "inovasi-posyandu-phone")
    page.get_by_role("link", name="Door prize").click()
    expect(page.get_by_text("Perbandingan sebelum/sesudah bukan bukti sebab-akibat")).to_be_visible()
    check_phone_page(page, "inovasi-effect-phone")


def test_donor_report_on_a_phone_and_a_laptop(live_server, world, phone, programme):
    page = phone
    log_in(page, live_server.url, "staff_a", PASSWORD)
    donor = programme.pledges.get().donor
    page.goto(f"{live_server.url}/inovasi/donatur/{donor.pk}/")
    expect(page.get_by_text("B. S.")).to_be_visible()
    check_phone_page(page, "inovasi-donor-phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/inovasi/program/{programme.pk}/")
    expect(page.get_by_text("Saldo Rp900.000")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "inovasi-programme-laptop.png"), full_page=True)
