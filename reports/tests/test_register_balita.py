"""Register bayi & balita: the rows match the visits and doses they come from (hand-made year
2026), the Excel sheet holds the same cells, and another area's Posyandu is a 404."""

import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from registry.models import Death, Relation
from tests.factories import NOV_15, child_in, make_person, save
from visits import services
from visits.models import Dose, Tempat

D = dt.date


def visit(world, person, on):
    user = world.users["admin"]
    day = services.opening_day_open(posyandu=person.household.posyandu, tanggal=on, user=user)
    return services.visit_register(person=person, opening_day=day, user=user)


@pytest.fixture
def register(world):
    a, admin = world.a.posyandu, world.users["admin"]
    rina = child_in(a, nama="Rina", tanggal_lahir=D(2026, 1, 15))
    make_person(rina.household, nama="Sri", hubungan=Relation.SUAMI_ISTRI, jenis_kelamin="P")  # the mother
    save(visit(world, rina, D(2026, 2, 20)), 5, admin, asi_eksklusif=True)  # 1 completed month: E2
    save(visit(world, rina, D(2026, 7, 10)), 2, admin, berat_kg=7.0)  # first weighing: B
    august = visit(world, rina, D(2026, 8, 10))
    save(august, 2, admin, berat_kg=7.6)  # 600 g more: N
    save(august, 5, admin, vitamin_a="biru")
    Dose.objects.create(
        person=rina, antigen="BCG", tanggal=D(2026, 1, 20), tempat=Tempat.BUKU_KIA, recorded_by=admin
    )
    doni = child_in(a, nama="Doni", tanggal_lahir=D(2021, 2, 1))  # 59 months on 1 January: on the register
    Death.objects.create(person=doni, tanggal=D(2026, 3, 4), tempat="rumah", sebab="diare", oleh=admin)
    child_in(a, nama="Tua", tanggal_lahir=D(2020, 12, 31))  # 60 months on 1 January: not
    child_in(world.b.posyandu, nama="Lain", tanggal_lahir=D(2025, 1, 1))  # another Posyandu
    return a


def test_register_rows_match_the_visits_and_doses(login, register, django_assert_num_queries):
    client = login("kader_a")
    # session, user with profile and area, the Posyandu; children, mothers, weighings, meja 5, doses, deaths
    with django_assert_num_queries(9):
        page = client.get(reverse("register_balita", args=[register.pk]), {"tahun": "2026"})
    rows = {row.nama: row for row in page.context["rows"]}
    assert list(rows) == ["Doni", "Rina"]  # by birth date
    rina = rows["Rina"]
    assert (rina.ibu, rows["Doni"].ibu) == ("Sri", "")  # Doni's household has a father only
    assert rina.timbang == ["", "", "", "", "", "", "7,0 B", "7,6 N", "", "", "", ""]
    assert rina.asi == [False, True, False, False, False, False]
    assert rina.vitamin_a == [D(2026, 8, 10)] and rina.imunisasi == {"BCG": D(2026, 1, 20)}
    assert rina.meninggal is None and rows["Doni"].meninggal == D(2026, 3, 4)
    assert rows["Doni"].timbang == [""] * 12


def test_register_excel_has_the_same_cells(login, register):
    response = login("staff_a").get(
        reverse("register_balita", args=[register.pk]), {"tahun": "2026", "format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [c.value for c in sheet[4]]
    rina = [c.value for c in sheet[6]]
    assert rina[:5] == [2, "Rina", "P", "15-01-2026", "Sri"]
    assert rina[headers.index("BB Jul")] == "7,0 B" and rina[headers.index("BB Agu")] == "7,6 N"
    assert rina[headers.index("ASI E2")] == "E" and rina[headers.index("BCG")] == "20-01-2026"
    assert rina[headers.index("Vitamin A")] == "10-08-2026"


@pytest.mark.parametrize(
    "user, status", [("kader_b", 404), ("staff_b", 404), ("dinkes_2", 404), ("dinkes_1", 200)]
)
def test_register_of_another_area_is_404(world, login, user, status):
    assert login(user).get(reverse("register_balita", args=[world.a.posyandu.pk])).status_code == status


@time_machine.travel(NOV_15, tick=False)
def test_a_bad_year_shows_this_year(login, register):
    page = login("kader_a").get(
        reverse("register_balita", args=[register.pk]), {"tahun": "99999999999999999999"}
    )
    assert page.status_code == 200 and page.context["year"] == 2026
