"""Vital events of the generated district: births (with the mother), deaths and departures.

Rates are rough national figures: births about 1.8 % of the population a year, infant deaths
about 2 % of births, a few deaths among lansia, and about 3 % of people a year leaving (moved
out or not found; a tenth of them come back). A birth's HB0 date is the child's HB0 dose.
Written with bulk inserts, deterministic for the builder's seed.
"""

from __future__ import annotations

import datetime as dt

from registry import lifecycle
from registry.models import Birth, Death, Departure, Person
from visits.models import Dose, Tempat

BIRTHS_PER_PERSON_YEAR = 0.018
INFANT_DEATHS_PER_BIRTH = 0.02
LANSIA_DEATHS_PER_YEAR = 0.02
DEPARTURES_PER_PERSON_YEAR = 0.03
BATCH = 5000


def vital_events(builder, people: list[Person], user) -> dict[int, dt.date]:
    """Write the events; returns {person id: the date after which they have no visits}."""
    r, today = builder.rng, builder.today
    start = builder.months[0].first
    years = len(builder.months) / 12
    mothers = {p.household_id: p for p in people if p.hubungan == "pasangan" and p.jenis_kelamin == "P"}
    newborns = [
        p for p in people
        if p.tanggal_lahir >= start and p.household_id in mothers
        and lifecycle.pregnancy_age_error(mothers[p.household_id].tanggal_lahir, p.tanggal_lahir, "P") is None
    ]  # fmt: skip
    wanted = min(len(newborns), round(BIRTHS_PER_PERSON_YEAR * len(people) * years))
    babies = r.sample(newborns, wanted)
    births = Birth.objects.bulk_create(
        [_birth(r, mothers[b.household_id], b, user) for b in babies], batch_size=BATCH
    )
    Dose.objects.bulk_create([_hb0(b, user) for b in births if b.tanggal_hb0], batch_size=BATCH)
    gone: dict[int, dt.date] = {}
    deaths = []
    for baby in r.sample(babies, round(INFANT_DEATHS_PER_BIRTH * len(babies))):
        day = min(today, baby.tanggal_lahir + dt.timedelta(days=r.randint(0, 300)))
        deaths.append(Death(person=baby, tanggal=day, tempat="fasyankes", sebab="sesak napas", oleh=user))
    lansia = [p for p in people if lifecycle.completed_years(p.tanggal_lahir, start) >= 60]
    for person in r.sample(lansia, round(LANSIA_DEATHS_PER_YEAR * years * len(lansia))):
        day = start + dt.timedelta(days=r.randint(0, (today - start).days))
        deaths.append(Death(person=person, tanggal=day, tempat="rumah", sebab="sakit tua", oleh=user))
    Death.objects.bulk_create(deaths, batch_size=BATCH)
    gone |= {d.person.pk: d.tanggal for d in deaths}
    Departure.objects.bulk_create(_departures(builder, people, gone, user), batch_size=BATCH)
    return gone


def _birth(r, mother: Person, baby: Person, user) -> Birth:
    grams = max(900, round(r.gauss(3100, 450)))
    return Birth(mother=mother, child=baby, tempat="fasyankes" if r.random() < 0.85 else "rumah",
                 penolong="bidan" if r.random() < 0.8 else "dokter", berat_lahir_gram=grams,
                 panjang_lahir_cm=round(r.gauss(48.5, 2.0), 1), imd=r.random() < 0.7,
                 tanggal_hb0=baby.tanggal_lahir if r.random() < 0.85 else None, oleh=user)  # fmt: skip


def _hb0(birth: Birth, user) -> Dose:
    """The birth's HB0 as the child's dose, as Catat kelahiran records it (birth_hb0_record); the
    immunisation histories generated later skip a dose the child has."""
    return Dose(person=birth.child, antigen="HB0", tanggal=birth.tanggal_hb0, tempat=Tempat.KELAHIRAN,
                recorded_by=user)  # fmt: skip


def _departures(builder, people: list[Person], gone: dict[int, dt.date], user) -> list[Departure]:
    """People leaving; those who come back keep their visits (only the away months lack them)."""
    r, today, start = builder.rng, builder.today, builder.months[0].first
    years = len(builder.months) / 12
    alive = [p for p in people if p.pk not in gone]
    out = []
    for person in r.sample(alive, round(DEPARTURES_PER_PERSON_YEAR * years * len(alive))):
        day = max(person.tanggal_lahir, start + dt.timedelta(days=r.randint(0, (today - start).days)))
        moved = r.random() < 0.8
        departure = Departure(person=person, tanggal=day, oleh=user,
                              jenis="pindah" if moved else "tidak_ditemukan",
                              alasan="pindah kerja" if moved else "rumah kosong")  # fmt: skip
        if r.random() < 0.1 and (today - day).days > 40:
            departure.aktif_kembali, departure.kembali_oleh = today, user
            departure.alasan_kembali = "kembali ke alamat lama"
        else:
            gone[person.pk] = day
        out.append(departure)
    return out
