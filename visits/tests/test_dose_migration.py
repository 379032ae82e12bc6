"""The data migration turns the antigens ticked at meja 5 before the dose history into doses."""

import datetime as dt
import importlib

from django.apps import apps

from tests.factories import child_in
from visits import services
from visits.models import Care, Dose

migration = importlib.import_module("visits.migrations.0009_doses_from_visit_care")


def test_ticked_antigens_become_doses_at_the_posyandu_and_the_first_tick_wins(world):
    user = world.users["kader_a"]
    baby = child_in(world.a.posyandu, tanggal_lahir=dt.date(2026, 6, 1))
    visits = []
    for day in (dt.date(2026, 8, 10), dt.date(2026, 9, 10)):
        opening = services.opening_day_open(posyandu=world.a.posyandu, tanggal=day, user=user)
        visits.append(services.visit_register(person=baby, opening_day=opening, user=user))
    # written as they were before the dose history existed: no Dose rows
    Care.objects.create(visit=visits[0], imunisasi=["OPV2", "DPT-HB-Hib1"], updated_by=user)
    Care.objects.create(visit=visits[1], imunisasi=["OPV2", "DPT-HB-Hib2"], updated_by=user)
    migration.forwards(apps, None)
    rows = Dose.objects.order_by("antigen").values_list("antigen", "tanggal", "tempat", "visit")
    assert list(rows) == [
        ("DPT-HB-Hib1", dt.date(2026, 8, 10), "posyandu", visits[0].pk),
        ("DPT-HB-Hib2", dt.date(2026, 9, 10), "posyandu", visits[1].pk),
        ("OPV2", dt.date(2026, 8, 10), "posyandu", visits[0].pk),
    ]
    migration.forwards(apps, None)  # run twice: nothing doubled
    assert Dose.objects.count() == 3
