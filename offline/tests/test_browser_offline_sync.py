"""Sync from the phone when things go wrong: a conflict the kader resolves, a refused record
fixed and resent, a connection cut after the server saved, a session expired before the sync,
and logout wiping the phone's data after a warning."""

import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from offline.models import SyncedRecord
from tests.browser import log_in, open_menu
from tests.factories import PASSWORD, save
from visits import services
from visits.models import Care, Measurement, Visit

from .test_browser_offline import go_meja, person_button

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def prepared(page, base):
    log_in(page, base, "kader_a", PASSWORD)
    page.goto(f"{base}/offline/")
    page.get_by_role("button", name="Siapkan hari buka").click()
    expect(page.get_by_text("Hari buka siap dipakai tanpa sinyal.")).to_be_visible()


def record(page, meja, name, label, value, select=False):
    go_meja(page, meja)
    person_button(page, name).click()
    field = page.get_by_label(label)
    field.select_option(value) if select else field.fill(value)
    page.get_by_role("button", name="Simpan (di HP)").click()


def sync(page):
    page.get_by_role("button", name=re.compile("Kirim ke server")).click()


def test_conflict_refusal_and_a_cut_connection(live_server, world, baby, phone, today):
    page, base = phone, live_server.url
    prepared(page, base)
    page.get_by_label("Cari nama").fill("Bima")
    page.locator("#found").get_by_role("button", name="Masuk antrean").click()
    record(page, 2, "Bima", "Berat badan (kg)", "8,6")
    record(page, 5, "Bima", "Vitamin A", "merah", select=True)  # merah is for 12–59 months
    # meanwhile a colleague saves meja 2 of Bima on the server
    kader = world.users["kader_a"]
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=today, user=kader)
    save(services.visit_register(person=baby, opening_day=day, user=kader), 2, kader, berat_kg=8.2)

    # the first answer is lost on the way back: the server saved, the phone does not know
    def cut(route):
        route.fetch()
        route.abort()

    page.route(
        "**/offline/sinkron/",
        lambda route: cut(route) if route.request.method == "POST" else route.continue_(),
    )
    sync(page)
    expect(page.locator("#sync-state")).to_contain_text("Koneksi terputus")
    expect(page.locator("#outbox-count")).to_have_text("3")
    page.unroute("**/offline/sinkron/")
    sync(page)
    expect(page.locator("#sync-state")).to_contain_text("1 tersimpan, 1 ditolak, 1 bentrok")
    assert SyncedRecord.objects.count() == 1 and Visit.objects.count() == 1

    issues = page.locator("#sync-issues")
    expect(issues.get_by_text("Data di server")).to_be_visible()
    expect(issues).to_contain_text("berat_kg: 8.20")
    expect(issues).to_contain_text("berat_kg: 8,6")
    issues.get_by_role("button", name="Pakai data HP").click()
    issues.get_by_role("button", name="Perbaiki").click()
    expect(page.locator(".invalid-feedback")).to_contain_text("Vitamin A")
    page.get_by_label("Vitamin A").select_option("biru")
    page.get_by_role("button", name="Simpan (di HP)").click()
    sync(page)
    expect(page.locator("#sync-state")).to_contain_text("2 tersimpan, 0 ditolak, 0 bentrok")
    expect(page.locator("#outbox-count")).to_have_text("0")
    weighing = Measurement.objects.get()
    assert (float(weighing.berat_kg), weighing.version) == (8.6, 2)
    assert Care.objects.get().vitamin_a == "biru"


def test_an_expired_session_keeps_the_outbox_and_logout_wipes_it(live_server, world, baby, phone):
    page, base = phone, live_server.url
    prepared(page, base)
    page.get_by_label("Cari nama").fill("Bima")
    page.locator("#found").get_by_role("button", name="Masuk antrean").click()
    record(page, 2, "Bima", "Berat badan (kg)", "8,6")
    Session.objects.all().delete()
    sync(page)
    expect(page.locator("#sync-state")).to_contain_text("Sesi berakhir. Data tetap di HP.")
    expect(page.locator("#outbox-count")).to_have_text("2")

    log_in(page, base, "kader_a", PASSWORD)
    page.goto(f"{base}/offline/")
    expect(page.locator("#outbox-count")).to_have_text("2")
    sync(page)
    expect(page.locator("#sync-state")).to_contain_text("2 tersimpan")
    assert Measurement.objects.filter(visit__person=baby).count() == 1

    record(page, 2, "Bima", "Berat badan (kg)", "8,7")  # not sent
    page.goto(f"{base}/hari-buka/")
    warnings = []
    page.once("dialog", lambda dialog: (warnings.append(dialog.message), dialog.accept()))
    open_menu(page)
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_label("Nama pengguna")).to_be_visible()
    assert "1 data hari buka yang belum terkirim" in warnings[0]
    names = page.evaluate("indexedDB.databases().then(list => list.map(db => db.name))")
    assert "posyandu-offline" not in names
    assert page.evaluate("caches.keys()") == []
