import datetime as dt
import importlib
from decimal import Decimal

import pytest
from django.apps import apps as django_apps

from pembinaan import services
from pembinaan.models import Criterion
from tests.factories import child_in
from visits import services as visit_services


@pytest.fixture
def weigh(world):
    """Weigh a person at a Posyandu on a date (recorded by the admin: no edit window)."""
    admin = world.users["admin"]

    def record(person, posyandu, day: dt.date, kg: str):
        opening = visit_services.opening_day_open(posyandu=posyandu, tanggal=day, user=admin)
        visit = visit_services.visit_register(person=person, opening_day=opening, user=admin)
        data = {"berat_kg": Decimal(kg), "cara_ukur": 1}
        visit_services.record_save(visit=visit, meja=2, data=data, user=admin, version=None)
        return visit

    return record


@pytest.fixture
def child(world):
    def make(posyandu, born=dt.date(2025, 1, 15)):
        return child_in(posyandu, tanggal_lahir=born, jenis_kelamin="L")

    return make


def open_round(user, area: str):
    return services.round_create(
        user=user, nama="Lomba", tahun=2026, instrument_id=instrument_id(), area=area
    )


@pytest.fixture
def round_a(world):
    """A 2026 round of Puskesmas A opened by its staff (the default instrument)."""
    return open_round(world.users["staff_a"], f"pkm-{world.pkm_a.pk}")


@pytest.fixture
def round_kab(world):
    """A 2026 round of Kota Metro (Puskesmas A and B) opened by Dinkes."""
    return open_round(world.users["dinkes_1"], f"kab-{world.kab1.pk}")


def ensure_default_instrument() -> None:
    """The default instrument comes from a data migration, which a transactional (browser) test
    flushes away; put it back for the tests that run after one."""
    if not Criterion.objects.exists():
        migration = importlib.import_module("pembinaan.migrations.0002_default_instrument")
        migration.create(django_apps, None)


def instrument_id() -> int:
    ensure_default_instrument()
    return Criterion.objects.values_list("instrument_id", flat=True).first()


def criteria():
    return {c.kode: c for c in Criterion.objects.filter(instrument_id=instrument_id())}
