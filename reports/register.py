"""Register bayi & balita of a Posyandu for a year: the reads behind reports/register_excel.py.

A child is on the register when a balita at some time in the year: born by 31 December and not
yet 60 months old on 1 January (balita 0–59 bulan, KMK ILP 2023 L1324). Five queries whatever
the number of children: the children, their mothers, weighings, meja 5 records and doses.
"""

from __future__ import annotations

import datetime as dt

from registry.lifecycle import completed_months, months_before
from registry.models import Death, Person, Posyandu
from registry.scoping import scope
from visits.models import Care, Dose, Measurement
from visits.rules import BALITA_UNTIL_MONTHS
from visits.selectors import household_mothers

from .register_excel import ASI_MONTHS, RegisterRow, weighing_text


def death_dates(person_ids: list[int]) -> dict[int, dt.date]:
    """The date each child died (registry's death record)."""
    return dict(Death.objects.filter(person_id__in=person_ids).values_list("person_id", "tanggal"))


def register_rows(*, user, posyandu: Posyandu, year: int) -> list[RegisterRow]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    children = list(
        scope(Person.objects.filter(household__posyandu=posyandu), user)
        .filter(tanggal_lahir__lte=last, tanggal_lahir__gt=months_before(first, BALITA_UNTIL_MONTHS))
        .order_by("tanggal_lahir", "nama")
    )
    ids = [c.pk for c in children]
    mothers = household_mothers({c.household_id for c in children})
    died = death_dates(ids)
    rows = {
        c.pk: RegisterRow(
            c.nama,
            c.jenis_kelamin,
            c.tanggal_lahir,
            mothers.get(c.household_id, ""),
            meninggal=died.get(c.pk),
        )
        for c in children
    }
    _weighings(rows, ids, first, last)
    _care(rows, {c.pk: c.tanggal_lahir for c in children}, first, last)
    for person_id, antigen, tanggal in Dose.objects.filter(person_id__in=ids).values_list(
        "person_id", "antigen", "tanggal"
    ):
        rows[person_id].imunisasi[antigen] = tanggal
    return list(rows.values())


def _weighings(rows: dict[int, RegisterRow], ids: list[int], first: dt.date, last: dt.date) -> None:
    """Each month's weighing: the one carrying the month's KMS code (the later valid one), else
    the month's last; ordered so that it is written last."""
    weighings = (
        Measurement.objects.filter(
            visit__person_id__in=ids, visit__tanggal__range=(first, last), berat_kg__isnull=False
        )
        .values_list("visit__person_id", "visit__tanggal", "berat_kg", "kms")
        .order_by("visit__tanggal", "visit_id")
    )
    coded: set[tuple[int, int]] = set()
    for person_id, tanggal, berat, kms in weighings:
        key = (person_id, tanggal.month)
        if key in coded:
            continue
        rows[person_id].timbang[tanggal.month - 1] = weighing_text(berat, kms)
        if kms:
            coded.add(key)


def _care(rows: dict[int, RegisterRow], births: dict[int, dt.date], first: dt.date, last: dt.date) -> None:
    """ASI eksklusif by month of life (E1–E6; a visit at 6 completed months counts for E6) and
    the vitamin A capsules of the year."""
    records = (
        Care.objects.filter(visit__person_id__in=list(rows), visit__tanggal__lte=last)
        .values_list("visit__person_id", "visit__tanggal", "asi_eksklusif", "vitamin_a")
        .order_by("visit__tanggal")
    )
    for person_id, tanggal, asi, capsule in records:
        row = rows[person_id]
        if asi:
            month = min(completed_months(births[person_id], tanggal) + 1, ASI_MONTHS)
            row.asi[month - 1] = True
        if capsule and tanggal >= first:
            row.vitamin_a.append(tanggal)
