"""A woman registered at meja 1 without network is marked pregnant (HPHT, G-P-A): refused on the
phone as the online form refuses, then saved; she gets the ibu hamil forms and referral reasons,
and the sync opens her pregnancy episode through the online form and service."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from registry.models import Person
from tests.phone_checks import check_phone_page
from visits.models import Pregnancy, Referral

from .test_browser_offline import go_meja, person_button
from .test_browser_offline_meja3 import reasons_on_screen
from .test_browser_offline_sync import prepared, sync

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_newcomer_marked_pregnant_offline(live_server, world, baby, phone, today):
    page, base = phone, live_server.url
    prepared(page, base)
    page.context.set_offline(True)
    page.get_by_role("button", name="Daftar warga baru").click()
    page.get_by_label("Nama lengkap").fill("Rina")
    page.get_by_label("Jenis kelamin").select_option("P")
    page.get_by_label("Tanggal lahir (tttt-bb-hh)").fill((today - dt.timedelta(days=9 * 365)).isoformat())
    page.get_by_label("Hubungan dalam keluarga").select_option("anak")
    page.get_by_label("Keluarga", exact=True).select_option(str(baby.household_id))
    page.get_by_label("Sedang hamil (perempuan 10–54 tahun)").check()
    hpht = today - dt.timedelta(days=70)
    page.get_by_label("HPHT (tttt-bb-hh)").fill(hpht.isoformat())
    page.get_by_label("Hamil ke- (G)").fill("1")
    page.get_by_label("Persalinan sebelumnya (P)").fill("1")
    page.get_by_label("Keguguran sebelumnya (A)").fill("0")
    page.get_by_role("button", name="Simpan warga baru (di HP)").click()
    # refused beside the fields, as the online form; nothing typed is lost
    expect(page.get_by_text("kehamilan hanya untuk perempuan 10–54 tahun")).to_be_visible()
    expect(page.get_by_text("Hamil ke- harus lebih dari jumlah persalinan")).to_be_visible()
    expect(page.get_by_label("Nama lengkap")).to_have_value("Rina")
    check_phone_page(page, "offline_newcomer_hamil")

    page.get_by_label("Tanggal lahir (tttt-bb-hh)").fill("1998-04-02")
    page.get_by_label("Hamil ke- (G)").fill("2")
    page.get_by_role("button", name="Simpan warga baru (di HP)").click()
    expect(page.locator("#screen").get_by_text("Rina", exact=True)).to_be_visible()

    go_meja(page, 2)
    person_button(page, "Rina").click()
    page.get_by_label("LiLA (cm)").fill("22")
    page.get_by_label("Hemoglobin (Hb) (g/dL)").fill("10")  # asked of an ibu hamil only
    page.get_by_role("button", name="Simpan (di HP)").click()
    phone_reasons = reasons_on_screen(page)
    assert phone_reasons == ["Ibu hamil anemia: Hb 10 g/dL < 11", "Ibu hamil KEK: LiLA 22 cm < 23,5 cm"]

    page.context.set_offline(False)
    sync(page)
    expect(page.locator("#sync-state")).to_contain_text("4 tersimpan")
    rina = Person.objects.get(nama="Rina")
    episode = Pregnancy.objects.get(ibu=rina)
    assert (episode.hpht, episode.gravida, episode.para, episode.abortus) == (hpht, 2, 1, 0)
    server = Referral.objects.filter(visit__person=rina).order_by("id").values_list("alasan", flat=True)
    assert list(server) == phone_reasons
