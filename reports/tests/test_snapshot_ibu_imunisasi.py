"""Tutup bulan freezes the pregnancy and immunisation figures like every section (hand-made
August 2026 in Posyandu Mawar, Puskesmas A):

- Ani (HPHT 1 March): 60 TTD tablets in June and 30 on 10 August (90), MT on 5 August (KEK mendapat MT).
- Bunga (HPHT 1 April): 89 tablets on 12 August; corrected after closing to 90.
- Citra (HPHT 20 November 2025): delivered on 1 August; KF1 and KN1 on 2 August, KF2 on 5 August.
  Ibu hamil of August: Ani, Bunga, Citra (3); TTD ≥ 90: Ani (1 of 3, 33,3%).
- Child X (born 10 September 2025): the IDL doses in January, MR1 on 5 August (IDL reached in
  August), vitamin A biru on 10 August (6–11 months on 31 August: 1 of 1). After closing a BCG
  dose of 20 August is added for Citra's baby.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from registry.models import Person, Relation
from reports import services as report_services
from reports import tasks
from reports.ibu import Ibu
from reports.imunisasi import ANTIGENS, ImunisasiMonth
from reports.models import MonthClosing, RecapKind
from reports.period import Month
from reports.sections import PosyanduMonth
from reports.snapshots import dump_month, load_month
from reports.tests.test_month_closing import CLOSED, CORRECTED, RECLOSED
from reports.tests.test_month_closing import close as close_month
from tests.factories import child_in, make_household, make_person, save
from visits import pregnancy_services
from visits import services as visit_services
from visits.immunisation_rules import IDL
from visits.models import Dose, Tempat, Visit

D = dt.date
AUG = Month(2026, 8)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.REPORT_DEADLINE_DAY = 5
    settings.SESSION_IDLE_MINUTES = 60 * 24 * 365  # the clock jumps days between requests


# "Ibu hamil & nifas" headers after the labels: KF1–KF4, KN1–KN3, KEK mendapat MT, Ibu hamil,
# TTD >= 90, % TTD >= 90
FROZEN_IBU = ["Desa A", "Mawar", 1, 1, 0, 0, 1, 0, 0, 1, 3, 1, 1 / 3]
CORRECTED_IBU = ["Desa A", "Mawar", 1, 1, 0, 0, 1, 0, 0, 1, 3, 2, 2 / 3]


def _woman(posyandu, staff, nama, hpht):
    woman = make_person(
        make_household(posyandu), nama=nama, hubungan=Relation.KEPALA, tanggal_lahir=D(1995, 1, 1)
    )
    values = {"hpht": hpht, "gravida": 1, "para": 0, "abortus": 0}
    episode = pregnancy_services.pregnancy_open(user=staff, ibu=woman, values=values)
    woman.refresh_from_db()  # the episode set her HPHT: hamil from then on
    return woman, episode


def _care(person, staff, day, **values):
    opening = visit_services.opening_day_open(posyandu=person.household.posyandu, tanggal=day, user=staff)
    return save(
        visit_services.visit_register(person=person, opening_day=opening, user=staff), 5, staff, **values
    )


@pytest.fixture
def month(clock, world):
    staff, mawar = world.users["staff_a"], world.a.posyandu
    ani, ani_episode = _woman(mawar, staff, "Ani", D(2026, 3, 1))
    _care(ani, staff, D(2026, 6, 10), ttd_tablet=60)
    _care(ani, staff, D(2026, 8, 10), ttd_tablet=30)
    pregnancy_services.mt_add(
        user=staff, kehamilan=ani_episode, values={"tanggal": D(2026, 8, 5), "hari": 30}
    )
    bunga, _ = _woman(mawar, staff, "Bunga", D(2026, 4, 1))
    _care(bunga, staff, D(2026, 8, 12), ttd_tablet=89)
    _, citra_episode = _woman(mawar, staff, "Citra", D(2025, 11, 20))
    outcome = {"hasil": "lahir_hidup", "tanggal_hasil": D(2026, 8, 1), "berat_lahir_gram": 3000}
    baby = {"nama": "Bayi Citra", "jenis_kelamin": "P", "berat_lahir_gram": 3000, "tempat": "rumah",
            "penolong": "bidan"}  # fmt: skip
    pregnancy_services.pregnancy_close(user=staff, kehamilan=citra_episode, values=outcome, baby=baby)
    citra_episode.refresh_from_db()
    for kind, day in [("KF1", D(2026, 8, 2)), ("KN1", D(2026, 8, 2)), ("KF2", D(2026, 8, 5))]:
        pregnancy_services.postnatal_add(
            user=staff, kehamilan=citra_episode, values={"jenis": kind, "tanggal": day}
        )
    x = child_in(mawar, nama="X", tanggal_lahir=D(2025, 9, 10))
    for antigen, day in {**dict.fromkeys(IDL, D(2026, 1, 5)), "MR1": D(2026, 8, 5)}.items():
        Dose.objects.create(person=x, antigen=antigen, tanggal=day, tempat=Tempat.POSYANDU, recorded_by=staff)
    _care(x, staff, D(2026, 8, 10), vitamin_a="biru")
    return world


def close(client, world):
    assert close_month(client, world.pkm_a).status_code == 302


def report(client, world):
    response = client.get(reverse("posyandu_report", args=[world.a.posyandu.pk]), {"bulan": "2026-08"})
    html = response.content.decode()
    keys = ("ibu-kek-mt", "ibu-ttd-90", "ibu-kf", "ibu-kn", "imunisasi-idl", "vita-biru")
    found = {key: re.search(rf'id="{key}">([^<]*)<', html) for key in keys}
    shown = {key: match and match.group(1) for key, match in found.items()}  # vitamin A: round months only
    row = re.search(r'<tr id="dosis-antigen">(.*?)</tr>', html, re.S).group(1)
    shown["dosis"] = dict(zip(ANTIGENS, [int(n) for n in re.findall(r"<td>(\d+)</td>", row)], strict=True))
    return shown, 'id="angka-berbeda"' in html


def recap_rows(world, settings):
    """The Mawar rows of the recap's three sheets, and the Imunisasi headers."""
    recap, _ = tasks.request_recap(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)
    book = load_workbook(settings.MEDIA_ROOT / report_services.build(recap.pk).file)
    rows = {
        name: [c.value for c in book[name][5]] for name in ("Ibu hamil & nifas", "Imunisasi", "Vitamin A")
    }
    return rows, [c.value for c in book["Imunisasi"][4]]


FROZEN_PAGE = {
    "ibu-kek-mt": "1",
    "ibu-ttd-90": "3 / 1 (33,3%)",
    "ibu-kf": "1 / 1 / 0 / 0",
    "ibu-kn": "1 / 0 / 0",
    "imunisasi-idl": "1",
    "vita-biru": "1 / 1 (100,0%)",
}


def test_a_closed_month_keeps_its_pregnancy_and_immunisation_figures_until_closed_again(
    clock, month, login, settings
):
    world = month
    client = login("staff_a")
    clock.move_to(CLOSED)
    close(client, world)
    shown, differs = report(client, world)
    assert {k: v for k, v in shown.items() if k != "dosis"} == FROZEN_PAGE and not differs
    assert (shown["dosis"]["MR1"], shown["dosis"]["BCG"], sum(shown["dosis"].values())) == (1, 0, 1)

    clock.move_to(CORRECTED)  # a dose added, a TTD visit corrected
    baby = Person.objects.get(nama="Bayi Citra")
    Dose.objects.create(
        person=baby,
        antigen="BCG",
        tanggal=D(2026, 8, 20),
        tempat=Tempat.POSYANDU,
        recorded_by=world.users["staff_a"],
    )
    care = Visit.objects.get(person__nama="Bunga", tanggal=D(2026, 8, 12)).care
    visit_services.record_save(
        visit=care.visit, meja=5, data={"ttd_tablet": 90}, user=world.users["staff_a"], version=care.version
    )

    shown, differs = report(client, world)
    assert {k: v for k, v in shown.items() if k != "dosis"} == FROZEN_PAGE and differs
    assert (shown["dosis"]["MR1"], shown["dosis"]["BCG"]) == (1, 0)
    rows, headers = recap_rows(world, settings)
    assert rows["Ibu hamil & nifas"] == FROZEN_IBU
    imunisasi = dict(zip(headers, rows["Imunisasi"], strict=True))
    assert (imunisasi["MR1"], imunisasi["BCG"], imunisasi["IDL"], imunisasi["Baduta lengkap"]) == (1, 0, 1, 0)
    assert rows["Vitamin A"] == ["Desa A", "Mawar", 1, 1, 1.0, 0, 0, None]
    live = MonthClosing.objects.get().snapshot["posyandu"][str(world.a.posyandu.pk)]
    assert (live["ibu"]["ttd_90"], live["imunisasi"]["dosis"]["BCG"]) == (1, 0)  # the snapshot as frozen

    clock.move_to(RECLOSED)
    close(client, world)
    shown, differs = report(client, world)
    assert (shown["ibu-ttd-90"], shown["dosis"]["BCG"], differs) == ("3 / 2 (66,7%)", 1, False)
    rows, headers = recap_rows(world, settings)
    assert rows["Ibu hamil & nifas"] == CORRECTED_IBU
    assert dict(zip(headers, rows["Imunisasi"], strict=True))["BCG"] == 1


def test_a_snapshot_taken_before_these_sections_still_loads(clock, month, login):
    world = month
    client = login("staff_a")
    clock.move_to(CLOSED)
    close(client, world)
    closing = MonthClosing.objects.get()
    for figures in closing.snapshot["posyandu"].values():
        del figures["ibu"], figures["imunisasi"]
    closing.save(update_fields=["snapshot"])
    shown, differs = report(client, world)
    assert (shown["ibu-ttd-90"], shown["ibu-kf"], shown["imunisasi-idl"]) == (
        "0 / 0 (–)",
        "0 / 0 / 0 / 0",
        "0",
    )
    assert sum(shown["dosis"].values()) == 0 and shown["vita-biru"] is None and differs


def test_missing_fields_and_antigens_read_zero():
    old = load_month({"ibu": {"kf1": 2}, "imunisasi": {"dosis": {"MR1": 3, "Campak": 4}, "idl": 1}})
    assert old.ibu == Ibu(kf1=2)
    assert old.imunisasi.dosis == {**dict.fromkeys(ANTIGENS, 0), "MR1": 3}  # a retired antigen is dropped
    assert (old.imunisasi.idl, old.imunisasi.vita_biru) == (1, 0)
    assert load_month(dump_month(old)) == old


def test_the_new_sections_add_up():
    a = PosyanduMonth.empty()
    a.ibu, a.imunisasi = Ibu(kf1=1, hamil=3, ttd_90=1), ImunisasiMonth(dosis={"BCG": 2}, vita_biru_sasaran=1)
    b = PosyanduMonth.empty()
    b.ibu, b.imunisasi = (
        Ibu(kf1=1, hamil=1, ttd_90=1),
        ImunisasiMonth(dosis={"BCG": 1, "MR1": 1}, vita_biru=1),
    )
    total = a + b
    assert (total.ibu.kf1, total.ibu.hamil, total.ibu.ttd_90, total.ibu.persen_ttd_90) == (2, 4, 2, 50.0)
    assert (total.imunisasi.dosis["BCG"], total.imunisasi.dosis["MR1"]) == (3, 1)
    assert (total.imunisasi.vita_biru, total.imunisasi.vita_biru_sasaran) == (1, 1)
    assert Ibu(hamil=3, ttd_90=1).persen_ttd_90 == 100 / 3 and Ibu().persen_ttd_90 is None
