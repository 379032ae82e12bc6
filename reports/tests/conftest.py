import datetime as dt
from decimal import Decimal

import pytest

from conftest import make_household, make_person
from registry.models import Relation
from visits import services


@pytest.fixture
def weigh(world):
    """Weigh a person at a Posyandu on a date (the admin records, so no edit window applies)."""
    admin = world.users["admin"]

    def record(person, posyandu, day: dt.date, kg: str, **more):
        opening = services.opening_day_open(posyandu=posyandu, tanggal=day, user=admin)
        visit = services.visit_register(person=person, opening_day=opening, user=admin)
        data = {"berat_kg": Decimal(kg), "cara_ukur": 1, **more}
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
