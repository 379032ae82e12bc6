import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from registry.models import Relation
from registry.services import household_move
from tests.factories import make_household, make_person
from visits import services


@pytest.fixture
def weigh(world):
    """Weigh a person at a Posyandu on a date (the admin records, so no edit window applies)."""
    admin = world.users["admin"]

    def record(person, posyandu, day: dt.date, kg: str, **more):
        opening = services.opening_day_open(posyandu=posyandu, tanggal=day, user=admin)
        visit = services.visit_register(person=person, opening_day=opening, user=admin)
        data = {"berat_kg": Decimal(kg), **more}
        if "cara_ukur" in services.record_fields(visit=visit, meja=2):  # children only
            data.setdefault("cara_ukur", 1)
        services.record_save(visit=visit, meja=2, data=data, user=admin, version=None)
        return visit

    return record


@pytest.fixture
def child(world):
    def make(posyandu, born: dt.date, sex="L", buku_kia=True, name=None):
        household = make_household(posyandu)
        make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L", tanggal_lahir=dt.date(1990, 1, 1))
        return make_person(household, nama=name or f"Anak {born}", jenis_kelamin=sex, tanggal_lahir=born,
                           nik=None, buku_kia=buku_kia)  # fmt: skip

    return make


D = dt.date


@pytest.fixture
def august(world, child, weigh):
    a, a2 = world.a.posyandu, world.a2.posyandu
    c1 = child(a, D(2025, 1, 15))  # N
    weigh(c1, a, D(2026, 7, 10), "8.0")
    weigh(c1, a, D(2026, 8, 10), "8.5", tinggi_cm=70)  # very short: stunted
    c2 = child(a, D(2025, 3, 1))  # T in July and August: 2T
    for day, kg in [(D(2026, 6, 10), "8.95"), (D(2026, 7, 10), "9.0"), (D(2026, 8, 10), "9.05")]:
        weigh(c2, a, day, kg)
    c3 = child(a, D(2024, 5, 1), buku_kia=False)  # first weighing ever: B
    weigh(c3, a, D(2026, 8, 10), "11.0")
    c4 = child(a, D(2024, 1, 20))  # not weighed in July: O
    weigh(c4, a, D(2026, 6, 10), "12.0")
    weigh(c4, a, D(2026, 8, 10), "12.5")
    c5 = child(a, D(2025, 2, 1))  # weighed twice in August: the later counts (N), once
    weigh(c5, a, D(2026, 7, 10), "8.0")
    weigh(c5, a, D(2026, 8, 3), "7.9")
    weigh(c5, a, D(2026, 8, 25), "8.4")
    c6 = child(a, D(2021, 8, 15))  # 59 months on 1 August: in S; 60 months when weighed: still in D
    weigh(c6, a, D(2026, 8, 20), "16.0")
    child(a, D(2021, 8, 1))  # 60 months on 1 August: not a balita this month
    c7 = child(a, D(2025, 6, 1), buku_kia=False)  # a later implausible weight does not count
    weigh(c7, a, D(2026, 8, 5), "9.0")
    weigh(c7, a, D(2026, 8, 20), "30.0")
    c8 = child(a, D(2025, 4, 1))  # moved from A to A2 on 15 August
    weigh(c8, a, D(2026, 7, 10), "8.0")
    household_move(household=c8.household, to=a2, on=D(2026, 8, 15), user=world.users["staff_a"])
    weigh(c8, a2, D(2026, 8, 20), "8.3")
    return world


ENTERED = dt.datetime(2026, 9, 2, 10, 0, tzinfo=dt.UTC)  # August's visits are saved then


@pytest.fixture
def clock():
    """For tutup bulan tests; listed before `august` so its visits are saved on ENTERED, not on
    today's date."""
    with time_machine.travel(ENTERED, tick=False) as traveller:
        yield traveller
