"""A kader on a phone registers a household with two members and finds one by NIK."""

import re

import pytest
from playwright.sync_api import expect

from registry.models import Household
from tests.browser import fill_member, log_in, open_menu
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kader_registers_household_and_finds_member_by_nik(live_server, world, phone):
    page = phone
    log_in(page, live_server.url, "kader_a", PASSWORD)
    expect(page.get_by_role("button", name="Buka hari ini")).to_be_visible()  # the kader's landing page
    open_menu(page)
    page.get_by_role("link", name="Warga").click()
    expect(page.get_by_role("heading", name="Warga")).to_be_visible()

    page.get_by_role("link", name="+ Keluarga baru").click()
    page.get_by_label("No. KK").fill("1872 0112 3456 0009")
    page.get_by_label("Alamat").fill("Jl. Kenari No. 9")
    page.get_by_label("RT").fill("4")
    page.get_by_label("RW", exact=True).fill("2")

    fill_member(page, 0, "Budi Santoso", "L", "1985-04-12", "kepala", nik="1872011204850001")

    page.get_by_role("button", name="+ Tambah anggota").click()
    fill_member(page, 1, "Siti Aminah", "P", "1990-06-15", "pasangan", nik="1872015506900002")
    page.get_by_role("button", name="Simpan keluarga").click()

    expect(page.get_by_text("Data keluarga dan anggotanya disimpan.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Budi Santoso"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Siti Aminah"))).to_be_visible()
    household = Household.objects.get(no_kk="1872011234560009")
    assert household.members.count() == 2

    open_menu(page)
    page.get_by_role("link", name="Warga").click()
    page.get_by_label("Cari nama, NIK, atau No. KK").fill("1872015506900002")
    results = page.locator("#results")
    expect(results.get_by_text("1 warga ditemukan")).to_be_visible()
    results.get_by_role("link", name=re.compile("Siti Aminah")).click()
    expect(page.get_by_role("heading", name="Siti Aminah")).to_be_visible()
    expect(page.get_by_text("1872015506900002")).to_be_visible()
