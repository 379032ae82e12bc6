"""Meja 3 on the phone shows the referral reasons the server derives ("sementara"), from meja 2
and meja 5 typed without network; after the sync the server holds exactly those reasons. And
the offline page's own Keluar: a warning when records are unsent, then nothing stays on the
phone."""

import datetime as dt
import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from registry.models import Relation
from tests.factories import make_household, make_person
from tests.phone_checks import check_phone_page
from visits.models import Referral

from .test_browser_offline import enqueue, go_meja, person_button
from .test_browser_offline_sync import prepared, record, sync

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def mother(world, today):
    """Sari, 31 years, 100 days pregnant, in Posyandu A."""
    household = make_household(world.a.posyandu)
    return make_person(household, nama="Sari", hubungan=Relation.KEPALA, tanggal_lahir=dt.date(1995, 3, 1),
                       hpht=today - dt.timedelta(days=100))  # fmt: skip


def reasons_on_screen(page) -> list[str]:
    """The meja 3 "Rujukan" rows, once the screen has drawn them (a save redraws it after the
    phone's database has answered)."""
    expect(page.locator("#screen tr", has_text="Rujukan").first).to_be_visible()
    return [row.locator("td").inner_text() for row in page.locator("#screen tr", has_text="Rujukan").all()]


def weighed(page, base, label, value):
    """Sari in the queue of the prepared day, one value recorded at meja 2 (not sent)."""
    prepared(page, base)
    enqueue(page, "Sari")
    record(page, 2, "Sari", label, value)


def test_meja3_offline_shows_the_servers_referral_reasons(live_server, world, mother, phone):
    page, base = phone, live_server.url
    prepared(page, base)
    page.context.set_offline(True)
    enqueue(page, "Sari")
    go_meja(page, 2)
    person_button(page, "Sari").click()
    page.get_by_label("Berat badan (kg)").fill("52")
    page.get_by_label("LiLA (cm)").fill("22")
    page.get_by_label("Tekanan darah sistol (mmHg)").fill("145")
    page.get_by_label("Tekanan darah diastol (mmHg)").fill("92")
    page.get_by_label(re.compile("Hemoglobin")).fill("10,5")
    page.get_by_role("button", name="Simpan (di HP)").click()
    expect(page.locator("#screen .sementara")).to_be_visible()
    assert reasons_on_screen(page) == [
        "Ibu hamil dengan TD 145/92 mmHg ≥ 140/90",
        "Ibu hamil anemia: Hb 10,5 g/dL < 11",
        "Ibu hamil KEK: LiLA 22 cm < 23,5 cm",
    ]
    go_meja(page, 5)
    person_button(page, "Sari").click()
    page.get_by_label(re.compile("tanda bahaya", re.I)).check()
    page.get_by_role("button", name="Simpan (di HP)").click()
    go_meja(page, 3)
    person_button(page, "Sari").click()
    expect(page.locator("#screen tr", has_text="Ada tanda bahaya")).to_be_visible()
    phone_reasons = reasons_on_screen(page)
    check_phone_page(page, "offline_meja3_rujukan")

    page.context.set_offline(False)
    sync(page)
    expect(page.locator("#sync-state")).to_contain_text("3 tersimpan")
    server = Referral.objects.filter(visit__person=mother).order_by("id").values_list("alasan", flat=True)
    assert phone_reasons == list(server) and len(phone_reasons) == 4


def test_meja3_offline_says_when_nothing_is_referred(live_server, world, mother, phone):
    page, base = phone, live_server.url
    weighed(page, base, "LiLA (cm)", "25")
    expect(page.locator("#screen .sementara")).to_be_visible()
    assert reasons_on_screen(page) == ["tidak ada"]


def test_keluar_on_the_offline_page_warns_then_wipes_the_phone(live_server, world, mother, phone):
    page, base = phone, live_server.url
    weighed(page, base, "Berat badan (kg)", "52")
    expect(page.locator("#outbox-count")).to_have_text("2")
    check_phone_page(page, "offline_keluar")

    warnings = []
    page.once("dialog", lambda dialog: (warnings.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Keluar").click()
    for _ in range(50):
        if warnings:
            break
        page.wait_for_timeout(100)
    expect(page.locator("#outbox-count")).to_have_text("2")  # the kader chose to stay: nothing lost
    assert "2 data hari buka yang belum terkirim" in warnings[0]
    assert Session.objects.count() == 1

    page.once("dialog", lambda dialog: (warnings.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_label("Nama pengguna")).to_be_visible()
    assert len(warnings) == 2
    names = page.evaluate("indexedDB.databases().then(list => list.map(db => db.name))")
    assert "posyandu-offline" not in names
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(list => list.length)") == 0
    assert Session.objects.count() == 0  # logged out on the server too


def test_keluar_without_network_still_wipes_the_phone(live_server, world, mother, phone):
    page, base = phone, live_server.url
    prepared(page, base)
    page.context.set_offline(True)
    page.get_by_role("button", name="Keluar").click()  # nothing unsent: no warning
    expect(page.get_by_role("heading", name="Data dihapus dari HP ini")).to_be_visible()
    names = page.evaluate("indexedDB.databases().then(list => list.map(db => db.name))")
    assert "posyandu-offline" not in names
