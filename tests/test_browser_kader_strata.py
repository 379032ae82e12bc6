"""The kader and strata screens on a 360 px phone (contrast, tap targets, no overflow, measured)
and on a laptop; screenshots under test-artifacts/."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from kader.models import SkillAssessment
from kader.tests.conftest import build_year_a, ensure_defaults
from tests.browser import log_in
from tests.factories import PASSWORD
from tests.phone_checks import ARTIFACTS, check_phone_page
from visits import services as visit_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def year_a(world):
    """The hand-made year of kader/tests/conftest.py, with the default skill list restored."""
    ensure_defaults()
    return build_year_a(world)


def test_kader_records_who_is_on_duty_and_sees_the_roster(live_server, world, year_a, phone):
    page = phone
    day = visit_services.opening_day_open(
        posyandu=world.a.posyandu, tanggal=dt.date(2026, 11, 10), user=world.users["kader_a"]
    )
    log_in(page, live_server.url, "kader_a", PASSWORD)
    page.goto(f"{live_server.url}/hari-buka/{day.pk}/")
    page.get_by_label("Kader 1").select_option(label="Meja 2 · penimbangan & pengukuran")
    page.get_by_label("Nama tenaga kesehatan 1").fill("Bd. Rina")
    page.get_by_label("Profesi 1").select_option(label="Bidan")
    check_phone_page(page, "kader-opening-day-attendance")
    page.get_by_role("button", name="Simpan kader bertugas").click()
    expect(page.get_by_text("1 kader bertugas dicatat. 1 tenaga kesehatan hadir.")).to_be_visible()
    page.goto(f"{live_server.url}/kader/posyandu/{world.a.posyandu.pk}/f5/?bulan=2026-11")
    expect(page.get_by_text("Tenaga kesehatan: Bd. Rina (Bidan)")).to_be_visible()
    check_phone_page(page, "kader-f5")
    page.goto(f"{live_server.url}/kader/")
    expect(page.get_by_role("heading", name="Kader Posyandu Mawar")).to_be_visible()
    check_phone_page(page, "kader-roster")
    page.get_by_role("link", name="Kader 1").click()
    expect(page.get_by_text("Tingkat TKK menurut aturan")).to_be_visible()
    check_phone_page(page, "kader-detail")


def test_puskesmas_assesses_a_kader_and_reads_the_strata(live_server, world, year_a, phone, browser):
    page = phone
    kader = year_a["on_duty"][0]
    log_in(page, live_server.url, "staff_a", PASSWORD)
    page.goto(f"{live_server.url}/kader/{kader.pk}/penilaian/")
    page.get_by_label("Tanggal penilaian").fill("2026-11-02")
    page.get_by_label("A1. Menjelaskan paket layanan").select_option("kompeten")
    page.get_by_label("B4. Melakukan penimbangan").select_option("belum")
    check_phone_page(page, "kader-assessment")
    page.get_by_role("button", name="Simpan penilaian").click()
    expect(page.get_by_text("2 penilaian keterampilan dicatat.")).to_be_visible()
    assert SkillAssessment.objects.count() == 2
    page.goto(f"{live_server.url}/kader/")
    expect(page.get_by_text("Melakukan penimbangan dan pengukuran")).to_be_visible()
    check_phone_page(page, "kader-overview")
    page.goto(f"{live_server.url}/strata/?tahun=2025")
    check_phone_page(page, "strata-list")
    page.get_by_role("link", name="Mawar").first.click()
    expect(page.get_by_text("strata Madya")).to_be_visible()
    check_phone_page(page, "strata-detail")
    laptop = browser.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID").new_page()
    log_in(laptop, live_server.url, "staff_a", PASSWORD)
    for name, path in (("strata-detail-laptop", f"/strata/posyandu/{world.a.posyandu.pk}/?tahun=2025"),
                       ("kader-overview-laptop", "/kader/?per=desa")):  # fmt: skip
        laptop.goto(f"{live_server.url}{path}")
        laptop.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    laptop.context.close()
