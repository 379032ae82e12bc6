"""A whole opening day on a phone: a balita through the five tables, and an adult with high
blood pressure ending on the referral list."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser import add_to_queue, fill_member, log_in, open_menu
from tests.factories import PASSWORD
from visits.models import Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_today(page, base):
    page.goto(f"{base}/hari-buka/")
    page.get_by_role("button", name="Buka hari ini").click()
    expect(page.get_by_role("heading", name="Meja 1: Pendaftaran")).to_be_visible()


def queue_item(page, name):
    return page.locator(".list-group-item", has_text=name)


def test_balita_goes_through_the_five_tables(live_server, world, phone):
    page = phone
    born = timezone.localdate() - dt.timedelta(days=400)
    log_in(page, live_server.url, "kader_a", PASSWORD)
    open_today(page, live_server.url)

    # meja 1: a newcomer is registered on the spot, then joins the queue
    page.get_by_role("link", name="+ Daftar warga baru").click()
    page.get_by_label("Alamat").fill("Jl. Melur No. 3")
    fill_member(page, 0, "Bambang Susilo", "L", "1988-02-03", "kepala")
    page.get_by_role("button", name="+ Tambah anggota").click()
    fill_member(page, 1, "Putri Susilo", "P", born.isoformat(), "anak")
    page.get_by_role("button", name="Simpan keluarga").click()
    expect(page.get_by_role("heading", name="Meja 1: Pendaftaran")).to_be_visible()
    add_to_queue(page, "Putri Susilo")

    # meja 2: weigh and measure
    queue_item(page, "Putri Susilo").get_by_role("link", name="Meja 2").click()
    expect(page.get_by_label("Lingkar kepala (cm)")).to_be_visible()
    expect(page.get_by_label("Tekanan darah sistol (mmHg)")).to_have_count(0)  # not for a balita
    page.get_by_label("Berat badan (kg)").fill("9,2")
    page.get_by_label("Panjang/tinggi badan (cm)").fill("75,8")
    page.get_by_label("Cara ukur").select_option("1")
    page.get_by_role("button", name="Simpan meja 2").click()

    # meja 3: the results at once
    expect(page.get_by_role("heading", name="Meja 3: Pencatatan")).to_be_visible()
    expect(page.get_by_text("Berat badan normal")).to_be_visible()
    expect(page.get_by_text("B: baru pertama ditimbang")).to_be_visible()
    expect(page.locator("svg.growth-chart")).to_have_count(3)  # BB/U, PB/U, BB/PB
    page.get_by_role("button", name="Sudah dicatat di Buku KIA/KMS").click()

    # meja 4 and 5
    queue_item(page, "Putri Susilo").get_by_role("link", name="Meja 4").click()
    page.get_by_label("Topik penyuluhan").fill("MP-ASI kaya protein")
    page.get_by_role("button", name="Simpan meja 4").click()
    queue_item(page, "Putri Susilo").get_by_role("link", name="Meja 5").click()
    page.get_by_label("MR1").check()
    page.get_by_label("Vitamin A").select_option("merah")
    page.get_by_role("button", name="Simpan meja 5").click()

    done = queue_item(page, "Putri Susilo")
    for meja in (2, 3, 4, 5):
        expect(done.get_by_role("link", name=f"Meja {meja} ✓")).to_be_visible()
    visit = Visit.objects.get(person__nama="Putri Susilo")
    assert visit.measurement.status_bbu == "Berat badan normal"
    assert visit.care.imunisasi == ["MR1"] and visit.care.vitamin_a == "merah"


def test_adult_with_high_blood_pressure_ends_on_the_referral_list(live_server, world, phone):
    page = phone
    log_in(page, live_server.url, "kader_a", PASSWORD)
    open_today(page, live_server.url)
    add_to_queue(page, "Kepala Mawar")
    queue_item(page, "Kepala Mawar").get_by_role("link", name="Meja 2").click()
    page.get_by_label("Tekanan darah sistol (mmHg)").fill("165")
    page.get_by_label("Tekanan darah diastol (mmHg)").fill("100")
    page.get_by_role("button", name="Simpan meja 2").click()
    expect(page.get_by_text("TD 165/100 mmHg ≥ 140/90")).to_be_visible()
    expect(page.get_by_text("Hipertensi derajat 2")).to_be_visible()

    open_menu(page)
    page.get_by_role("link", name="Rujukan").click()
    item = page.locator(".list-group-item", has_text="Kepala Mawar")
    expect(item).to_contain_text(re.compile("TD 165/100 mmHg"))
