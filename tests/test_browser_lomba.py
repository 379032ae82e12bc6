"""Penilaian Posyandu and the Dasbor Kab/Kota on the demo data, on a phone (measured: contrast,
tap targets, no overflow) and on a laptop (screenshots under test-artifacts/)."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from pembinaan.tests.conftest import ensure_default_instrument
from registry.demo import DEMO_PASSWORD
from tests.browser import log_in, open_menu
from tests.phone_checks import ARTIFACTS, check_phone_page, overflows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # seed_demo refuses otherwise
    ensure_default_instrument()
    call_command("seed_demo")


def test_dinkes_reads_the_ranking_pembinaan_evidence_and_dashboard_on_a_phone(live_server, demo, phone):
    page = phone
    log_in(page, live_server.url, "dinkes", DEMO_PASSWORD)
    open_menu(page)
    page.get_by_role("link", name="Penilaian Posyandu").click()
    page.get_by_role("link", name="Lomba Posyandu").click()
    expect(page.locator("#peringkat tbody tr")).to_have_count(8)  # every demo Posyandu
    expect(page.locator("#peringkat tbody tr").first.locator("td").first).to_have_text("1")
    check_phone_page(page, "lomba-01-peringkat")
    page.locator("#peringkat").get_by_role("link", name="Pembinaan").first.click()
    expect(page.get_by_role("heading", name="Pembinaan tercatat")).to_be_visible()
    check_phone_page(page, "lomba-02-pembinaan")
    page.get_by_role("link", name="← peringkat").click()
    page.locator("#peringkat").get_by_role("link", name="Berkas bukti").first.click()
    expect(page.locator("#skdn tbody tr").first).to_be_visible()
    check_phone_page(page, "lomba-03-berkas-bukti")
    open_menu(page)
    page.get_by_role("link", name="Dasbor Kab/Kota").click()
    expect(page.locator("#dasbor-kab-kota tbody tr")).to_have_count(2)  # both demo Puskesmas
    check_phone_page(page, "lomba-04-dasbor-kab-kota")


def test_a_puskesmas_assessor_scores_on_a_phone_and_must_give_a_reason(live_server, demo, phone):
    page = phone
    log_in(page, live_server.url, "bidan.metro", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/penilaian/")
    page.get_by_role("link", name="Lomba Posyandu").click()
    expect(page.locator("#peringkat")).not_to_contain_text("Dahlia")  # Puskesmas Iringmulyo's
    page.locator("#peringkat").get_by_role("link", name="Beri skor").first.click()
    check_phone_page(page, "lomba-05-skor")
    prefilled = page.locator(".criterion", has=page.locator(".data-prefill")).filter(
        has=page.locator("input[type=text]")
    )
    card = prefilled.last  # a criterion the data answers
    chosen = card.locator("input[type=radio]:checked").get_attribute("value")
    other = "1" if chosen != "1" else "4"
    card.locator(f"input[type=radio][value='{other}']").check()
    card.locator("input[type=text]").fill("")
    page.get_by_role("button", name="Simpan skor").click()
    expect(page.get_by_text("tuliskan alasannya")).to_be_visible()
    card = page.locator(".criterion", has=page.get_by_text("tuliskan alasannya"))
    expect(card.locator(f"input[type=radio][value='{other}']")).to_be_checked()  # kept as typed
    card.locator("input[type=text]").fill("Diperiksa langsung di buku register")
    page.get_by_role("button", name="Simpan skor").click()
    expect(page.get_by_text("disimpan")).to_be_visible()


def test_laptop_screens(live_server, demo, browser):
    context = browser.new_context(viewport=LAPTOP, locale="id-ID", timezone_id="Asia/Jakarta")
    page = context.new_page()
    log_in(page, live_server.url, "dinkes", DEMO_PASSWORD)
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{live_server.url}/penilaian/")
    page.get_by_role("link", name="Lomba Posyandu").click()
    assert not overflows(page)
    page.screenshot(path=str(ARTIFACTS / "lomba-laptop-peringkat.png"), full_page=True)
    page.goto(f"{live_server.url}/dasbor-kab-kota/?urut=ds&arah=turun")
    assert not overflows(page)
    page.screenshot(path=str(ARTIFACTS / "lomba-laptop-dasbor-kab-kota.png"), full_page=True)
    page.locator("#dasbor-kab-kota").get_by_role("link", name="Kelengkapan laporan").click()
    assert "urut=lapor" in page.url
    context.close()
