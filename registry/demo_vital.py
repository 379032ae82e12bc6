"""Vital events for the quick-start demo, written through the same services a kader uses:
three births (two BBLR), a balita's death, a maternal death, a move out and a return.
Run after the demo visits, so each death follows the person's last visit."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Max

from . import lifecycle, services
from .models import Person

BIRTH_WEIGHTS = (2300, 3250, 2450)  # grams; under 2,500 is BBLR


def _after_last_visit(person: Person, today: dt.date, days: int = 1) -> dt.date:
    last = person.visits.aggregate(last=Max("tanggal"))["last"]
    return min(today, (last or today - dt.timedelta(days=40)) + dt.timedelta(days=days))


def _mothers(today: dt.date) -> list[Person]:
    """Wives of 20–35 years with no recent delivery, one per Posyandu."""
    chosen, seen = [], set()
    women = Person.objects.filter(hubungan="pasangan", jenis_kelamin="P", tanggal_persalinan__isnull=True,
                                  hpht__isnull=True).select_related("household").order_by("pk")  # fmt: skip
    for woman in women:
        age = lifecycle.completed_years(woman.tanggal_lahir, today)
        if 20 <= age <= 35 and woman.household.posyandu_id not in seen:
            seen.add(woman.household.posyandu_id)
            chosen.append(woman)
    return chosen


def build_vital(*, today: dt.date) -> int:
    """Write the demo's vital events; returns how many."""
    by = get_user_model().objects.get(username="bidan.metro")
    events = 0
    for days_ago, grams, mother in zip((12, 30, 45), BIRTH_WEIGHTS, _mothers(today), strict=False):
        born = today - dt.timedelta(days=days_ago)
        services.birth_register(mother=mother, by=by, tanggal_lahir=born, jenis_kelamin="LP"[events % 2],
                                nama=f"Bayi Ny. {mother.nama.split()[0]}", berat_lahir_gram=grams,
                                panjang_lahir_cm=47 + events, tempat="fasyankes", penolong="bidan",
                                imd=grams >= 2500, tanggal_hb0=born)  # fmt: skip
        events += 1
    balita = Person.objects.filter(tanggal_lahir__gt=today - dt.timedelta(days=3 * 365))
    pregnant = Person.objects.filter(hpht__isnull=False, jenis_kelamin="P")
    for people, sebab in (
        (balita.exclude(birth__isnull=False), "diare dan demam tinggi"),
        (pregnant, "perdarahan"),
    ):
        if person := people.exclude(death__isnull=False).order_by("pk").first():
            day = _after_last_visit(person, today)
            services.death_record(person=person, by=by, tanggal=day, tempat="fasyankes", sebab=sebab)
            events += 1
    adults = Person.objects.filter(hubungan="kepala", death__isnull=True).order_by("-pk")
    moved, back = adults[0], adults[1]
    leaving = ((moved, "pindah", 50, "pindah kerja ke Bandar Lampung"),
               (back, "tidak_ditemukan", 80, "rumah kosong saat kunjungan"))  # fmt: skip
    for person, jenis, days_ago, alasan in leaving:
        day = today - dt.timedelta(days=days_ago)
        services.departure_record(person=person, by=by, jenis=jenis, tanggal=day, alasan=alasan)
    services.reactivate(
        person=back, by=by, tanggal=today - dt.timedelta(days=20), alasan="kembali dari rantau"
    )
    return events + 3
