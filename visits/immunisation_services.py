"""Writes of the immunisation history: a dose typed in, and the doses ticked at meja 5.

Both go through here, so a dose has one row whatever its source (visits.models.Dose).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.writes import assign
from registry import access
from registry.models import ChangeKind, Person
from registry.record_changes import record_change

from . import immunisation_rules
from .models import Dose, Tempat, Visit

DOSE_FIELDS = ("antigen", "tanggal", "tempat")


@transaction.atomic
def dose_add(*, person: Person, antigen: str, tanggal: dt.date, tempat: str, user,
             today: dt.date | None = None) -> Dose:  # fmt: skip
    """Record a dose given elsewhere or copied from the Buku KIA (or at the Posyandu without a
    visit). Refused with a message on the field (ValidationError) when the date cannot be."""
    access.require(access.can_record_visits(user), access.READ_ONLY)
    Person.objects.select_for_update().filter(pk=person.pk).exists()  # serialise a person's doses
    others = dict(Dose.objects.filter(person=person).values_list("antigen", "tanggal"))
    if antigen in others:
        raise ValidationError({"antigen": f"{antigen} sudah tercatat pada {others[antigen]:%d-%m-%Y}."})
    today = today or timezone.localdate()
    error = immunisation_rules.dose_date_error(antigen, person.tanggal_lahir, tanggal, today, others)
    if error:
        raise ValidationError({"tanggal": error})
    dose = Dose(person=person, recorded_by=user)
    assign(dose, {"antigen": antigen, "tanggal": tanggal, "tempat": tempat}, DOSE_FIELDS)
    dose.full_clean()
    dose.save()
    _logged(dose, user)
    return dose


def birth_hb0_record(*, child: Person, tanggal: dt.date, user, today: dt.date | None = None) -> Dose:
    """The HB0 date of a birth record (Catat kelahiran, registry Birth.tanggal_hb0) as the child's
    HB0 dose, so the card, DOFU and the dose counts see it; a later tick of HB0 at meja 5 or on
    Tambah dosis is then refused as already given. HB0 is due < 24 hours after birth and accepted
    up to 7 days (KMK ILP 2023 L1784–1786, visits.service_windows). Runs inside the birth's
    transaction; the child is new, so it has no other dose."""
    error = immunisation_rules.dose_date_error(
        "HB0", child.tanggal_lahir, tanggal, today or timezone.localdate(), {}
    )
    if error:
        raise ValidationError({"tanggal_hb0": error})
    dose = Dose(person=child, recorded_by=user)
    assign(dose, {"antigen": "HB0", "tanggal": tanggal, "tempat": Tempat.KELAHIRAN}, DOSE_FIELDS)
    dose.full_clean()
    dose.save()
    _logged(dose, user)
    return dose


def _logged(dose: Dose, user) -> None:
    """A dose outside a visit reaches the month's figures without an AuditEntry: log it."""
    what = f"Imunisasi {dose.antigen}"
    record_change(person=dose.person, day=dose.tanggal, kind=ChangeKind.DOSIS, what=what, user=user)


def visit_doses_sync(*, visit: Visit, antigens: list[str], user) -> None:
    """The doses of a visit are those ticked at its meja 5: new ticks become doses given at the
    Posyandu on the visit's date, removed ticks remove their dose. Runs inside record_save's
    transaction, after the meja 5 form checked each dose's window."""
    wanted = set(antigens or [])
    Dose.objects.filter(visit=visit).exclude(antigen__in=wanted).delete()
    have = set(Dose.objects.filter(visit=visit).values_list("antigen", flat=True))
    Dose.objects.bulk_create(
        [
            Dose(
                person_id=visit.person_id,
                antigen=antigen,
                tanggal=visit.tanggal,
                tempat=Tempat.POSYANDU,
                visit=visit,
                recorded_by=user,
            )  # fmt: skip
            for antigen in sorted(wanted - have)
        ]
    )
