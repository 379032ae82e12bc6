"""Demo visits for the quick start: four monthly opening days per Posyandu with weighings that
follow plausible growth (some months missed, some children faltering), and adults screened,
one of them with high blood pressure. Recorded through the services, so z-scores, KMS codes
and referrals are real."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from registry.lifecycle import Group
from registry.models import Person, Posyandu
from visits import services
from visits.growth.tables import table
from visits.growth.zscore import value_at
from visits.models import OpeningDay

MONTHS = 4


def _months_back(today: dt.date, n: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 - n
    return index // 12, index % 12 + 1


def _child_values(person: Person, day: dt.date, z: float) -> dict:
    age = (day - person.tanggal_lahir).days
    sex = 0 if person.jenis_kelamin == "L" else 1
    weight = float(value_at(z, *(a[0] for a in table("wfa_0_5").at([sex], [age]))))
    length = float(value_at(z - 0.3, *(a[0] for a in table("lhfa_0_5").at([sex], [age]))))
    return {"berat_kg": round(weight, 1), "tinggi_cm": round(length, 1), "cara_ukur": 1 if age < 731 else 2}


@transaction.atomic
def build_visits(*, today: dt.date, seed: int = 2026) -> int:
    rng = random.Random(seed)
    user = get_user_model().objects.get(username="admin")
    count = 0
    for posyandu in Posyandu.objects.select_related("desa"):
        people = list(Person.objects.filter(household__posyandu=posyandu).select_related("household"))
        z_of = {p.pk: rng.gauss(-0.4, 0.9) for p in people}
        for back in range(MONTHS - 1, -1, -1):
            day_date = posyandu.jadwal.date_in(*_months_back(today, back))
            if day_date > today:
                continue
            day, _ = OpeningDay.objects.get_or_create(
                posyandu=posyandu, tanggal=day_date, defaults={"dibuka_oleh": user}
            )
            for person in people:
                groups = set(person.groups_on(day_date))
                if not groups or rng.random() < 0.15:
                    continue  # not born yet, or missed this month
                if Group.BAYI_BALITA in groups:
                    z_of[person.pk] -= rng.choice([0, 0, 0, 0, 0.2])  # some children falter
                    data = _child_values(person, day_date, z_of[person.pk])
                elif groups & {Group.USIA_DEWASA, Group.LANSIA, Group.IBU_HAMIL} and rng.random() < 0.5:
                    sistol = rng.choice([110, 115, 120, 125, 130, 135, 150])
                    data = {"sistol": sistol, "diastol": sistol * 5 // 8}
                else:
                    continue
                visit = services.visit_register(person=person, opening_day=day, user=user)
                services.record_save(visit=visit, meja=2, data=data, user=user, version=None)
                count += 1
    return count
