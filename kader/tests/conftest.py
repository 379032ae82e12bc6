"""A hand-made year (2025) of Posyandu A for the strata figures, and kader to assess.

Posyandu A in 2025: opening days on the 10th of January–August (8); 7 kader: 5 active with SK,
1 active without SK, 1 inactive with SK; 5 of them on duty each day (average 5). One household:
father, mother (born 1995, HPHT 1 March 2025, visited in April), child 1 born 1 January 2024 and
child 2 born 1 June 2024. S = 2 every month, child 1 weighed every month (D = 1): D/S 50 %."""

import datetime as dt
from importlib import import_module

import pytest
from django.apps import apps as django_apps

from kader.models import Attendance, Kader, Skill
from registry.models import Relation
from tests.factories import make_household, make_person
from visits import services as visit_services
from visits.models import Measurement

YEAR = 2025
DAYS = [dt.date(YEAR, m, 10) for m in range(1, 9)]


def add_kader(posyandu, nama, sk=True, aktif=True, **kw):
    return Kader.objects.create(
        posyandu=posyandu, nama=nama, sk_nomor="SK/01/2024" if sk else "", aktif=aktif, **kw
    )


@pytest.fixture
def year_a(world):
    return build_year_a(world)


def build_year_a(world) -> dict:
    posyandu, user = world.a.posyandu, world.users["admin"]
    on_duty = [add_kader(posyandu, f"Kader {i}") for i in range(1, 6)]
    extra = [add_kader(posyandu, "Tanpa SK", sk=False), add_kader(posyandu, "Pensiun", aktif=False)]
    household = make_household(posyandu)
    make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L", tanggal_lahir=dt.date(1990, 1, 1))
    mother = make_person(
        household, hubungan=Relation.SUAMI_ISTRI, tanggal_lahir=dt.date(1995, 5, 5), hpht=dt.date(2025, 3, 1)
    )
    child1 = make_person(household, nik=None, tanggal_lahir=dt.date(2024, 1, 1))
    child2 = make_person(household, nik=None, tanggal_lahir=dt.date(2024, 6, 1))
    days = []
    for tanggal in DAYS:
        day = visit_services.opening_day_open(posyandu=posyandu, tanggal=tanggal, user=user)
        days.append(day)
        Attendance.objects.bulk_create(
            Attendance(opening_day=day, kader=k, meja=1 + i) for i, k in enumerate(on_duty)
        )
        visit = visit_services.visit_register(person=child1, opening_day=day, user=user)
        Measurement.objects.create(visit=visit, berat_kg=10, kms="N", updated_by=user)
    visit_services.visit_register(person=mother, opening_day=days[3], user=user)
    return {"days": days, "on_duty": on_duty, "extra": extra, "mother": mother, "child2": child2}


def ensure_defaults() -> None:
    """The shipped skill list, TKK levels and criteria (migration 0002): a transactional test
    elsewhere in the run empties every table, data migrations' rows included."""
    if not Skill.objects.exists():
        import_module("kader.migrations.0002_default_skills_tkk_and_criteria").add_defaults(django_apps, None)


@pytest.fixture
def world(world):
    ensure_defaults()
    return world
