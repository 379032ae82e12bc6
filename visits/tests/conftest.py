import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from conftest import make_household, make_person
from registry.models import Person, Posyandu, Relation
from visits import services


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def balita(world, today):
    """A girl of about 14 months in Posyandu A."""
    household = make_household(world.a.posyandu)
    make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L", tanggal_lahir=dt.date(1990, 1, 1))
    return make_person(household, nama="Nabila", nik=None, tanggal_lahir=today - dt.timedelta(days=425))


@pytest.fixture
def day_a(world, today):
    return services.opening_day_open(posyandu=world.a.posyandu, tanggal=today, user=world.users["kader_a"])


@pytest.fixture
def visit_factory(world):
    def make(person, tanggal, user=None):
        user = user or world.users["kader_a"]
        day = services.opening_day_open(posyandu=person.household.posyandu, tanggal=tanggal, user=user)
        return services.visit_register(person=person, opening_day=day, user=user)

    return make


def save(visit, meja: int, user, **data):
    """Record one table of a visit as a first save (no prior version)."""
    return services.record_save(visit=visit, meja=meja, data=data, user=user, version=None)


NOV_15 = dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def nov_15():
    """The clock pinned at 15 November 2026, 10.00 UTC (use with pytest.mark.usefixtures)."""
    with time_machine.travel(NOV_15, tick=False):
        yield NOV_15


def child_in(posyandu: Posyandu, **kwargs) -> Person:
    """A child without NIK in a new household of `posyandu` headed by its father."""
    household = make_household(posyandu)
    make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L", tanggal_lahir=dt.date(1990, 1, 1))
    return make_person(household, nik=None, **kwargs)
