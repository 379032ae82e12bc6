"""The demo's immunisation histories obey the schedule and fill the DOFU and vitamin A pages."""

import datetime as dt
import io
import random

import pytest
from django.core.management import call_command

from registry.models import Posyandu
from visits import immunisation_selectors
from visits.demo_immunisation import dose_history
from visits.immunisation_rules import dose_date_error
from visits.models import Care, Dose
from visits.vitamin_a_selectors import Round, round_sasaran

TODAY = dt.date(2026, 11, 16)


def test_generated_histories_pass_the_checks_of_a_typed_dose():
    rng = random.Random(5)
    for _ in range(300):
        birth = TODAY - dt.timedelta(days=rng.randint(0, 1800))
        doses = dose_history(birth, TODAY, rng)
        for antigen, day in doses.items():
            others = {a: d for a, d in doses.items() if a != antigen}
            assert dose_date_error(antigen, birth, day, TODAY, others) is None, (birth, antigen, day)


@pytest.mark.usefixtures("nov_15")  # the demo's four months then include August
def test_seed_demo_gives_doses_from_every_source_overdue_children_and_a_vitamin_a_round(db):
    call_command("seed_demo", "--i-know-this-is-not-production", stdout=io.StringIO())
    assert set(Dose.objects.values_list("tempat", flat=True)) == {
        "posyandu",
        "buku_kia",
        "fasyankes",
        "kelahiran",
    }
    ids = list(Posyandu.objects.values_list("pk", flat=True))
    assert immunisation_selectors.immunisation_overdue_people(ids, TODAY)
    assert Care.objects.exclude(vitamin_a="").filter(visit__tanggal__month=8).exists()
    sasaran = list(round_sasaran(ids, Round(2026, 8)))
    assert any(p.diberi for p in sasaran) and not all(p.diberi for p in sasaran)
