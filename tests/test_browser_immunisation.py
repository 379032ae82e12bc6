"""The immunisation card and "Tambah dosis" on a phone (360×740): a refused date stays typed with
the reason beside the field, a corrected one lands on the card; the DOFU list is readable."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser import log_in
from tests.factories import PASSWORD, child_in
from tests.phone_checks import check_phone_page
from visits.models import Dose

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kader_adds_a_dose_from_the_buku_kia_on_a_phone(live_server, world, phone):
    page = phone
    today = timezone.localdate()
    baby = child_in(world.a.posyandu, nama="Sari Dewi", tanggal_lahir=today - dt.timedelta(days=100))
    log_in(page, live_server.url, "kader_a", PASSWORD)
    page.goto(f"{live_server.url}/warga/{baby.pk}/")
    expect(page.get_by_role("heading", name="Imunisasi")).to_be_visible()
    expect(page.get_by_text("terlambat").first).to_be_visible()  # BCG due from birth, 100 days ago
    check_phone_page(page, "imunisasi-01-kartu")

    page.get_by_role("link", name="Tambah dosis").click()
    page.get_by_label("Jenis imunisasi").select_option("BCG")
    before_birth = (today - dt.timedelta(days=101)).isoformat()
    page.get_by_label("Tanggal diberikan").fill(before_birth)
    page.get_by_label("Disalin dari Buku KIA").check()
    page.get_by_role("button", name="Simpan dosis").click()
    expect(page.get_by_text("Tanggal sebelum tanggal lahir anak")).to_be_visible()
    expect(page.get_by_label("Tanggal diberikan")).to_have_value(before_birth)
    check_phone_page(page, "imunisasi-02-tanggal-ditolak")

    page.get_by_label("Tanggal diberikan").fill((today - dt.timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Simpan dosis").click()
    expect(page.get_by_text("BCG untuk Sari Dewi dicatat.")).to_be_visible()
    assert Dose.objects.get(person=baby).tempat == "buku_kia"

    page.goto(f"{live_server.url}/posyandu/{world.a.posyandu.pk}/dofu/")
    expect(page.get_by_role("link", name="Sari Dewi")).to_be_visible()
    check_phone_page(page, "imunisasi-03-dofu")
