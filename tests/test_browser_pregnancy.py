"""A kader on a 360×740 phone records a pregnancy, an ANC contact and the birth: each form is
refused beside its field when wrong, and every page passes the phone checks."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from conftest import test_today
from registry.models import Relation
from tests.browser import log_in
from tests.factories import PASSWORD, make_household, make_person
from tests.phone_checks import check_phone_page
from visits.models import Pregnancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kader_records_a_pregnancy_a_contact_and_the_birth(live_server, world, phone):
    page, today = phone, test_today()
    household = make_household(world.a.posyandu)
    ibu = make_person(
        household, nama="Siti Aminah", hubungan=Relation.KEPALA, tanggal_lahir=dt.date(1996, 4, 2)
    )
    hpht = today - dt.timedelta(days=150)
    log_in(page, live_server.url, "kader_a", PASSWORD)
    page.goto(f"{live_server.url}/warga/{ibu.pk}/")
    expect(page.get_by_text("Belum ada kehamilan tercatat.")).to_be_visible()
    page.get_by_role("link", name="Catat kehamilan baru").click()

    page.get_by_label("HPHT").fill((today + dt.timedelta(days=5)).isoformat())
    page.get_by_label("Hamil ke- (G)").fill("2")
    page.get_by_label("Persalinan sebelumnya (P)").fill("1")
    page.get_by_label("Keguguran sebelumnya (A)").fill("0")
    page.get_by_role("button", name="Simpan kehamilan").click()
    expect(page.get_by_text("Tanggal tidak boleh di masa depan.")).to_be_visible()
    expect(page.get_by_label("Hamil ke- (G)")).to_have_value("2")  # what was typed is kept
    check_phone_page(page, "pregnancy-01-new-refused")
    page.get_by_label("HPHT").fill(hpht.isoformat())
    page.get_by_role("button", name="Simpan kehamilan").click()

    expect(page.get_by_text("Kehamilan Siti Aminah dicatat.")).to_be_visible()
    expect(page.get_by_text("21 minggu 3 hari (trimester 2)")).to_be_visible()
    check_phone_page(page, "pregnancy-02-episode")
    page.get_by_text("Catat kontak ANC").click()
    page.locator("#id_kontak-tanggal").fill((hpht + dt.timedelta(days=70)).isoformat())
    page.get_by_label("Diperiksa oleh").select_option("bidan")
    page.get_by_role("button", name="Simpan kontak").click()
    expect(page.get_by_text("Kontak ANC dicatat.")).to_be_visible()
    expect(page.get_by_text("Trimester 1: 1")).to_be_visible()

    page.get_by_label("Hasil kehamilan").select_option("lahir_hidup")
    page.get_by_label("Tanggal persalinan/keguguran").fill((hpht - dt.timedelta(days=1)).isoformat())
    page.get_by_label("Jenis kelamin bayi").select_option("P")
    page.get_by_label("Berat lahir (gram)").fill("2400")
    page.get_by_label("Tempat persalinan").select_option("fasyankes")
    page.get_by_label("Penolong persalinan").select_option("bidan")
    page.get_by_role("button", name="Simpan hasil").click()
    expect(page.get_by_text("Tanggal ini tidak boleh sebelum HPHT")).to_be_visible()
    check_phone_page(page, "pregnancy-03-outcome-refused")
    page.get_by_label("Tanggal persalinan/keguguran").fill(today.isoformat())
    page.get_by_role("button", name="Simpan hasil").click()
    expect(page.get_by_text("Hasil kehamilan dicatat; kehamilan ditutup.")).to_be_visible()
    expect(page.get_by_role("link", name="Bayi Ny. Siti Aminah")).to_be_visible()
    check_phone_page(page, "pregnancy-04-closed")
    episode = Pregnancy.objects.get(ibu=ibu)
    assert (episode.hasil, episode.tanggal_hasil, episode.bayi.household_id) == (
        "lahir_hidup",
        today,
        household.pk,
    )

    page.goto(f"{live_server.url}/warga/{ibu.pk}/td/")
    check_phone_page(page, "pregnancy-05-td")
