"""The monthly report's pregnancy figures on hand-made episodes (clock at 15 November 2026):
KF/KN from the Buku KIA, KEK given MT, TTD at 89 and 90 tablets."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from registry.models import Relation
from reports.period import Month
from reports.selectors_ibu import ibu_month
from tests.factories import NOV_15, make_household, make_person, save
from visits import pregnancy_services, services

D = dt.date


@pytest.fixture(autouse=True)
def _nov_15():
    with time_machine.travel(NOV_15, tick=False):
        yield


def _woman(world, posyandu, nama, hpht):
    woman = make_person(
        make_household(posyandu), nama=nama, hubungan=Relation.KEPALA, tanggal_lahir=D(1995, 1, 1)
    )
    values = {"hpht": hpht, "gravida": 1, "para": 0, "abortus": 0}
    episode = pregnancy_services.pregnancy_open(user=world.users["staff_a"], ibu=woman, values=values)
    woman.refresh_from_db()
    return woman, episode


def _ttd(world, woman, day, tablets):
    staff = world.users["staff_a"]
    opening = services.opening_day_open(posyandu=woman.household.posyandu, tanggal=day, user=staff)
    save(services.visit_register(person=woman, opening_day=opening, user=staff), 5, staff, ttd_tablet=tablets)


@pytest.fixture
def october(world):
    staff = world.users["staff_a"]
    ani, ani_episode = _woman(world, world.a.posyandu, "Ani", D(2026, 3, 1))
    _ttd(world, ani, D(2026, 6, 10), 60)
    _ttd(world, ani, D(2026, 10, 10), 30)  # 90 by October
    budi, _ = _woman(world, world.a.posyandu, "Bunga", D(2026, 4, 1))
    _ttd(world, budi, D(2026, 7, 10), 89)
    _ttd(world, budi, D(2026, 11, 10), 1)  # the 90th tablet comes in November
    pregnancy_services.mt_add(
        user=staff, kehamilan=ani_episode, values={"tanggal": D(2026, 10, 1), "hari": 30}
    )
    pregnancy_services.mt_add(
        user=staff, kehamilan=ani_episode, values={"tanggal": D(2026, 10, 31), "hari": 30}
    )
    citra, citra_episode = _woman(world, world.a.posyandu, "Citra", D(2025, 12, 20))
    outcome = {"hasil": "lahir_hidup", "tanggal_hasil": D(2026, 9, 28), "berat_lahir_gram": 3000}
    baby = {"nama": "Bayi Citra", "jenis_kelamin": "P", "berat_lahir_gram": 3000, "tempat": "rumah",
            "penolong": "bidan"}  # fmt: skip
    pregnancy_services.pregnancy_close(user=staff, kehamilan=citra_episode, values=outcome, baby=baby)
    citra_episode.refresh_from_db()
    for kind, day in [("KF1", D(2026, 9, 29)), ("KN1", D(2026, 9, 29)), ("KF2", D(2026, 10, 2)),
                      ("KN2", D(2026, 10, 2)), ("KF3", D(2026, 10, 12))]:  # fmt: skip
        pregnancy_services.postnatal_add(
            user=staff, kehamilan=citra_episode, values={"jenis": kind, "tanggal": day}
        )
    _woman(world, world.b.posyandu, "Dewi", D(2026, 5, 1))  # another Posyandu
    return world


def test_october_figures(october):
    a, b = october.a.posyandu.pk, october.b.posyandu.pk
    figures = ibu_month(posyandu_ids=[a, b], month=Month(2026, 10))
    assert figures[a].nifas == {"KF1": 0, "KF2": 1, "KF3": 1, "KF4": 0, "KN1": 0, "KN2": 1, "KN3": 0}
    assert figures[a].kek_mt == 1  # Ani, two rounds of MT in October
    assert (figures[a].hamil, figures[a].ttd_90) == (2, 1)  # Ani 90, Bunga 89; Citra delivered in September
    assert (figures[b].hamil, figures[b].ttd_90, figures[b].kek_mt) == (1, 0, 0)


def test_november_bunga_reaches_90(october):
    a = october.a.posyandu.pk
    figures = ibu_month(posyandu_ids=[a], month=Month(2026, 11))
    assert (figures[a].hamil, figures[a].ttd_90) == (2, 2)
    assert figures[a].nifas["KF1"] == 0


def test_september_counts_the_delivery_month(october):
    a = october.a.posyandu.pk
    figures = ibu_month(posyandu_ids=[a], month=Month(2026, 9))
    assert figures[a].hamil == 3  # Citra was pregnant until the 28th
    assert (figures[a].nifas["KF1"], figures[a].nifas["KN1"]) == (1, 1)


def test_the_posyandu_report_shows_them(login, october):
    html = login("kader_a").get(
        reverse("posyandu_report", args=[october.a.posyandu.pk]), {"bulan": "2026-10"}
    )
    page = html.content.decode()
    assert (
        '<td>Ibu hamil bulan ini / TTD ≥ 90 tablet</td><td class="text-end" id="ibu-ttd-90">'
        "2 / 1 (50,0%)</td>" in page
    )
