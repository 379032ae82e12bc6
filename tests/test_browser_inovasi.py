"""Inovasi on a phone and a laptop: a kader records PMT for an enrolled child; the programme,
donor and effect pages pass the phone checks (contrast, tap targets, no overflow)."""

import pytest
from playwright.sync_api import expect

from inovasi.models import PmtDelivery
from inovasi.tests.conftest import child, enrolled, programme, thin_child, weigh  # noqa: F401, F811  (fixtures)
from tests.browser import log_in
from tests.factories import PASSWORD
from tests.phone_checks import ARTIFACTS, check_phone_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kader_records_pmt_on_a_phone(live_server, world, phone, enrolled):  # noqa: F811
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
    assert PmtDelivery.objects.filter(menu="Bubur kacang hijau").count() == 1
    check_phone_page(page, "inovasi-programme-phone")
    page.goto(f"{live_server.url}/inovasi/posyandu/{world.a.posyandu.pk}/")
    check_phone_page(page, "inovasi-posyandu-phone")
    page.get_by_role("link", name="Door prize bulanan").click()
    expect(page.get_by_text("Perbandingan sebelum/sesudah bukan bukti sebab-akibat")).to_be_visible()
    check_phone_page(page, "inovasi-effect-phone")


def test_donor_report_on_a_phone_and_a_laptop(live_server, world, phone, enrolled):  # noqa: F811
    page = phone
    log_in(page, live_server.url, "staff_a", PASSWORD)
    page.goto(f"{live_server.url}/inovasi/donatur/{enrolled['donor'].pk}/")
    expect(page.get_by_text("B. S.")).to_be_visible()
    check_phone_page(page, "inovasi-donor-phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/inovasi/program/{enrolled['programme'].pk}/")
    expect(page.get_by_text("Saldo Rp650.000")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "inovasi-programme-laptop.png"), full_page=True)
