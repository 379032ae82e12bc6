"""The ibu hamil & nifas and WUS/PUS registers on hand-made visits (clock at 15 November
2026): each cell is read back from the visit, contact or dose it comes from."""

import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from registry.models import Relation
from reports.registers_ibu import ibu_register, wus_register
from tests.factories import NOV_15, make_household, make_person, save
from visits import pregnancy_services, services

D = dt.date


@pytest.fixture(autouse=True)
def _nov_15():
    with time_machine.travel(NOV_15, tick=False):
        yield


def _visit(world, person, day, **meja):
    staff = world.users["staff_a"]
    opening = services.opening_day_open(posyandu=person.household.posyandu, tanggal=day, user=staff)
    visit = services.visit_register(person=person, opening_day=opening, user=staff)
    for number, data in meja.items():
        save(visit, int(number[-1]), staff, **data)
    return visit


@pytest.fixture
def women(world):
    staff = world.users["staff_a"]
    household = make_household(world.a.posyandu)
    siti = make_person(household, nama="Siti", hubungan=Relation.KEPALA, tanggal_lahir=D(1996, 4, 2),
                       tanggal_persalinan=D(2025, 2, 1))  # fmt: skip
    ani = make_person(make_household(world.a.posyandu), nama="Ani", hubungan=Relation.SUAMI_ISTRI,
                      tanggal_lahir=D(1977, 1, 1))  # fmt: skip
    make_person(household, nama="Putri", tanggal_lahir=D(2012, 1, 1))  # 14: no WUS yet
    make_person(household, nama="Nenek", tanggal_lahir=D(1976, 12, 31))  # 50 on 31 December
    make_person(world.b.household, nama="Bu B", tanggal_lahir=D(1995, 1, 1))  # another Posyandu
    values = {"hpht": D(2026, 6, 1), "gravida": 2, "para": 1, "abortus": 0}
    episode = pregnancy_services.pregnancy_open(user=staff, ibu=siti, values=values)
    siti.refresh_from_db()
    contact = {"ke": 1, "tanggal": D(2026, 7, 1), "oleh": "bidan", "sumber": "buku_kia"}
    pregnancy_services.contact_add(user=staff, kehamilan=episode, values=contact)
    _visit(world, siti, D(2026, 8, 10), meja2={"berat_kg": 60.5, "lila_cm": 23.0}, meja5={"ttd_tablet": 30})
    _visit(world, siti, D(2026, 10, 10), meja2={"berat_kg": 62}, meja5={"ttd_tablet": 60})
    pregnancy_services.td_dose_add(user=staff, person=siti, dosis=1, tanggal=D(2026, 3, 1))
    _visit(world, ani, D(2026, 9, 10), meja5={"kb": "suntik"})
    return siti, ani


def test_the_ibu_register_has_a_row_per_pregnancy_and_a_cell_per_month(world, women):
    register = ibu_register(user=world.users["kader_a"], posyandu=world.a.posyandu, year=2026)
    assert register.rows == [
        (
            [
                "Siti",
                30,
                "G2 P1 A0",
                "01-06-2026",
                "08-03-2027",
                "Terlalu dekat",
                "23 (KEK)",
                "90 (≥ 90)",
                0,
                "T1",
                "1",
                "hamil",
            ],  # fmt: skip
            ["", "", "", "", "", "", "K1", "60,5 kg", "", "62 kg", "", ""],
        )
    ]


def test_the_ibu_register_of_another_year_is_empty(world, women):
    assert ibu_register(user=world.users["kader_a"], posyandu=world.a.posyandu, year=2025).rows == []


def test_the_wus_register_lists_women_of_15_to_49(world, women):
    register = wus_register(user=world.users["kader_a"], posyandu=world.a.posyandu, year=2026)
    assert register.rows == [
        (["Ani", 49, "ya", "T0", "Suntik"], ["", "", "", "", "", "", "", "", "KB Suntik", "", "", ""]),
        (["Siti", 30, "ya", "T1", "-"], ["", "", "T1", "", "", "", "", "", "", "", "", ""]),
    ]


def test_the_registers_use_a_fixed_number_of_queries(world, women, django_assert_num_queries):
    user = world.users["kader_a"]
    with django_assert_num_queries(6):
        ibu_register(user=user, posyandu=world.a.posyandu, year=2026)
    with django_assert_num_queries(3):
        wus_register(user=user, posyandu=world.a.posyandu, year=2026)


def test_the_register_page_and_its_excel_agree(login, world, women):
    client = login("kader_a")
    url = reverse("register_ibu", args=[world.a.posyandu.pk])
    page = client.get(url, {"tahun": "2026"}).content.decode()
    assert "60,5 kg" in page
    response = client.get(url, {"tahun": "2026", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[4]][:3] == ["Siti", 30, "G2 P1 A0"]
    assert sheet.cell(4, 12 + 8).value == "60,5 kg"  # August, after the 12 columns


def test_years_are_written_without_a_thousands_separator_so_another_year_can_be_chosen(login, world, women):
    """Bahasa Indonesia groups thousands with a dot: 2026 printed as "2.026" made a link and the
    year choices that the page then ignored."""
    client = login("kader_a")
    report = client.get(reverse("posyandu_report", args=[world.a.posyandu.pk]), {"bulan": "2026-08"})
    assert "?tahun=2026" in report.content.decode()
    page = client.get(reverse("register_ibu", args=[world.a.posyandu.pk]), {"tahun": "2025"}).content.decode()
    assert '<option value="2026">2026</option>' in page and "2.02" not in page
    assert "· 2025</h1>" in page


@pytest.mark.parametrize("tahun", ["abc", "99999999999999999999", "1900", "-1"])
def test_a_bad_year_shows_this_year(login, world, tahun):
    response = login("kader_a").get(reverse("register_wus", args=[world.a.posyandu.pk]), {"tahun": tahun})
    assert response.status_code == 200
    assert response.context["register"].year == 2026


@pytest.mark.parametrize("user", ["kader_b", "staff_b", "dinkes_2"])
def test_another_area_gets_a_404(login, world, user):
    for kind in ("ibu", "wus"):
        assert login(user).get(reverse(f"register_{kind}", args=[world.a.posyandu.pk])).status_code == 404
