"""On a phone (360×740): Puskesmas staff open tutup bulan for October 2026, closed on 2 November,
after which a dose, a KF2 and an MT dated October were typed in; the corrections list says what
changed, for whom and after which version, and the page is measured and screenshotted."""

import datetime as dt

import pytest
import time_machine
from playwright.sync_api import expect

from registry.models import Relation
from reports import services as report_services
from reports.period import Month
from tests.browser import log_in
from tests.factories import PASSWORD, child_in, make_household, make_person
from tests.phone_checks import check_phone_page
from visits import immunisation_services, pregnancy_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date
JAKARTA = dt.timezone(dt.timedelta(hours=7))


def woman(world, nama, hpht):
    ibu = make_person(make_household(world.a.posyandu), nama=nama, hubungan=Relation.KEPALA,
                      jenis_kelamin="P", tanggal_lahir=D(1995, 1, 1))  # fmt: skip
    values = {"hpht": hpht, "gravida": 1, "para": 0, "abortus": 0}
    return pregnancy_services.pregnancy_open(user=world.users["staff_a"], ibu=ibu, values=values)


def october_corrected_after_closing(world):
    staff = world.users["staff_a"]
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=JAKARTA), tick=False):
        citra = woman(world, "Citra Lestari", D(2026, 1, 5))
        outcome = {"hasil": "lahir_hidup", "tanggal_hasil": D(2026, 10, 1), "berat_lahir_gram": 3100}
        baby = {"nama": "Bayi Citra", "jenis_kelamin": "P", "berat_lahir_gram": 3100, "tempat": "rumah",
                "penolong": "bidan"}  # fmt: skip
        pregnancy_services.pregnancy_close(user=staff, kehamilan=citra, values=outcome, baby=baby)
        ani = woman(world, "Ani Rahmawati", D(2026, 5, 1))
        x = child_in(world.a.posyandu, nama="Rizky Pratama", tanggal_lahir=D(2025, 9, 10))
        report_services.close_month(puskesmas=world.pkm_a, month=Month(2026, 10), user=staff)
    with time_machine.travel(dt.datetime(2026, 11, 6, 8, 30, tzinfo=JAKARTA), tick=False):
        immunisation_services.dose_add(person=x, antigen="MR1", tanggal=D(2026, 10, 12), tempat="buku_kia",
                                       user=world.users["kader_a"])  # fmt: skip
        citra.refresh_from_db()
        pregnancy_services.postnatal_add(user=staff, kehamilan=citra, values={"jenis": "KF2",
                                         "tanggal": D(2026, 10, 5)})  # fmt: skip
        pregnancy_services.mt_add(user=staff, kehamilan=ani, values={"tanggal": D(2026, 10, 20), "hari": 30})


def test_staff_read_record_corrections_after_closing_on_a_phone(live_server, world, phone):
    october_corrected_after_closing(world)
    page = phone
    log_in(page, live_server.url, "staff_a", PASSWORD)
    page.wait_for_url(lambda url: "/masuk/" not in url)
    page.goto(f"{live_server.url}/laporan/tutup-bulan/?puskesmas={world.pkm_a.pk}&bulan=2026-10")
    corrections = page.locator("#koreksi")
    expect(
        corrections.get_by_text("Imunisasi MR1 12-10-2026 dicatat, oleh kader_a", exact=False)
    ).to_be_visible()
    expect(corrections.get_by_text("KF2 05-10-2026 dicatat, oleh staff_a", exact=False)).to_be_visible()
    expect(corrections.get_by_text("Mawar · Rizky Pratama")).to_be_visible()
    expect(page.get_by_text("ada koreksi setelah tutup bulan")).to_be_visible()
    check_phone_page(page, "month-closing-01-record-corrections")
