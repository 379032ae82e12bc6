"""Demo and benchmark immunisation histories and vitamin A rounds, for `seed_demo` and
`seed_district`: every child under five gets the schedule's doses on or a little after their
due date (most at the Posyandu, some copied from the Buku KIA or given at another facility);
about one child in five drops out of a series, so the DOFU list has names. Children 6–59 months
seen in February or August mostly get their capsule, so the vitamin A round page has a sweeping
list. Bulk-created, fast enough for a district."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model

from registry.lifecycle import months_before
from registry.models import Person

from . import immunisation_rules
from .models import Care, Dose, Tempat, Visit
from .service_windows import SCHEDULE, VITAMIN_A_MONTHS
from .vitamin_a_selectors import band_of

PLACES = [Tempat.POSYANDU] * 7 + [Tempat.BUKU_KIA] * 2 + [Tempat.FASYANKES]
BALITA_MONTHS = 60


def dose_history(birth: dt.date, today: dt.date, rng: random.Random) -> dict[str, dt.date]:
    """Doses in schedule order, each a few days after it falls due; a drop-out stops a series."""
    given: dict[str, dt.date] = {}
    stopped: set[str] = set()
    for antigen, dose in SCHEDULE.items():
        if antigen in immunisation_rules.ENDEMIC_ONLY or dose.previous in stopped:
            continue
        due = immunisation_rules.due_date(antigen, birth, given)
        if due is None:
            continue
        day = due + dt.timedelta(days=rng.randint(0, 2 if dose.max_days else 20))
        if day > today or rng.random() < 0.06:
            stopped.add(antigen)
            continue
        given[antigen] = day
    return given


def build_immunisations(*, people: list[Person] | None, today: dt.date, seed: int, user) -> int:
    """Dose rows for the children under five among `people` (all people when None)."""
    rng = random.Random(seed)
    born_since = months_before(today, BALITA_MONTHS)
    children = Person.objects.filter(tanggal_lahir__gt=born_since, tanggal_lahir__lte=today)
    if people is not None:
        children = children.filter(pk__in=[p.pk for p in people])
    taken = set(Dose.objects.values_list("person_id", "antigen"))
    rows = [
        Dose(person_id=pk, antigen=antigen, tanggal=day, tempat=rng.choice(PLACES), recorded_by=user)
        for pk, birth in children.order_by("pk").values_list("pk", "tanggal_lahir")
        for antigen, day in dose_history(birth, today, rng).items()
        if (pk, antigen) not in taken
    ]
    Dose.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def build_vitamin_a(*, today: dt.date, seed: int, user) -> int:
    """A capsule for about 85% of the children of 6–59 months seen in February or August."""
    rng = random.Random(seed)
    round_visits = (
        Visit.objects.filter(tanggal__month__in=VITAMIN_A_MONTHS, tanggal__lte=today, care__isnull=True)
        .filter(person__tanggal_lahir__gt=months_before(today, BALITA_MONTHS + 12))
        .values_list("pk", "tanggal", "person__tanggal_lahir")
        .order_by("pk")
    )
    rows = []
    for pk, day, birth in round_visits:
        capsule = band_of(birth, day)
        if capsule and rng.random() < 0.85:
            rows.append(Care(visit_id=pk, vitamin_a=capsule, updated_by=user))
    Care.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def build(*, today: dt.date, seed: int, user=None, people: list[Person] | None = None) -> int:
    """Both, for the one line each generator calls; recorded by the demo's admin by default."""
    user = user or get_user_model().objects.get(username="admin")
    return build_immunisations(people=people, today=today, seed=seed, user=user) + build_vitamin_a(
        today=today, seed=seed, user=user
    )
