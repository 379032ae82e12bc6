"""Corrections of a person's birth date or sex. Every result stored from them (age in days,
z-scores, Permenkes status, implausibility flags, values outside normal, KMS codes, 2T, BGM and
referrals) is computed again for all the person's visits, inside the caller's transaction."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from registry.models import Person
from visits.growth.indices import INDICES
from visits.models import Measurement
from visits.results.measurement import apply_growth, outside_normal
from visits.services import person_referrals_refresh

CORRECTED = {"tanggal_lahir": "tanggal lahir", "jenis_kelamin": "jenis kelamin"}
DERIVED = [
    "umur_hari",
    *(f"z_{name}" for name in INDICES),
    *(f"status_{name}" for name in ("bbu", "pbu", "bbpb", "imtu")),
    "implausible",
    "flags",
]


@transaction.atomic
def person_results_refresh(*, person: Person, user, corrected: list[str]) -> None:
    """Recompute what `corrected` (fields of CORRECTED just saved on `person`) changes; a referral
    whose reason is gone is cancelled by `user`, naming the correction."""
    measurements = list(Measurement.objects.filter(visit__person=person).select_related("visit"))
    for m in measurements:
        apply_growth(m, person)
        m.flags = "; ".join(outside_normal(m, person.jenis_kelamin))
    Measurement.objects.bulk_update(measurements, DERIVED)
    why = "koreksi " + " dan ".join(CORRECTED[name] for name in corrected)
    person_referrals_refresh(person, since=dt.date.min, user=user, why=why)
