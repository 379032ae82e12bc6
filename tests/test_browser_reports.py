"""A Puskesmas user reads the PWS dashboard; a Dinkes user asks for last month's recap and
downloads it once Celery has built it."""

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from conftest import PASSWORD
from reports.period import Month
from tests.browser import log_in
from tests.phone_checks import ARTIFACTS, smallest_chart_text_px

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_puskesmas_user_sees_pws_figures_and_charts(live_server, world, phone):
    page = phone
    log_in(page, live_server.url, "staff_a", PASSWORD)
    page.goto(f"{live_server.url}/laporan/")
    expect(page.get_by_role("heading", name="PWS Puskesmas A")).to_be_visible()
    expect(page.locator("#pws")).to_contain_text("Desa A")
    page.get_by_label("Indikator").select_option("td")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.get_by_text("Skrining tekanan darah usia ≥ 18 tahun ·")).to_be_visible()
    expect(page.locator("svg.dash-chart")).to_have_count(2)
    assert smallest_chart_text_px(page, "svg.dash-chart") >= 12  # readable on a 360 px phone
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "pws-phone.png"), full_page=True)


def test_dinkes_user_downloads_last_months_recap(live_server, world, phone, tmp_path):
    page = phone
    log_in(page, live_server.url, "dinkes_1", PASSWORD)
    page.goto(f"{live_server.url}/laporan/rekap/")
    page.get_by_label("Wilayah").select_option(label="Kota Metro")
    last_month = Month.of(timezone.localdate()).previous
    page.get_by_label("Bulan").select_option(last_month.key)
    page.get_by_role("button", name="Buat rekap").click()  # Celery runs eagerly in this test process
    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh Excel").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    sheet = load_workbook(saved)["SKDN"]
    assert sheet["A1"].value == "Rekap Kab/Kota Kota Metro: SKDN"
    assert sheet["A2"].value == f"Bulan {last_month}"
    assert [row[0].value for row in sheet.iter_rows(min_row=5)] == ["Puskesmas A", "Puskesmas B", "Total"]


def test_puskesmas_user_closes_last_month_on_a_phone(live_server, world, phone):
    page = phone
    log_in(page, live_server.url, "staff_a", PASSWORD)
    page.goto(f"{live_server.url}/laporan/")
    page.get_by_role("link", name="Tutup bulan").click()
    last_month = Month.of(timezone.localdate()).previous
    expect(page.locator("#batas-kirim")).to_be_visible()
    button = page.get_by_role("button", name=f"Tutup bulan {last_month}")
    assert button.bounding_box()["height"] >= 44
    button.click()
    expect(page.get_by_role("alert")).to_contain_text(f"{last_month} ditutup: snapshot versi 1 disimpan.")
    expect(page.get_by_role("button", name="Tutup ulang (versi baru)")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # readable at 360 px
