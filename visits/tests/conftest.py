import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from registry.models import Relation
from tests.factories import NOV_15, make_household, make_person
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


@pytest.fixture
def nov_15():
    """The clock pinned at 15 November 2026, 10.00 UTC (use with pytest.mark.usefixtures)."""
    with time_machine.travel(NOV_15, tick=False):
        yield NOV_15
