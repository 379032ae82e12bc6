"""Writes of the home-visit list: a home visit's outcome closes one reason for the month."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from common.writes import assign
from registry import access
from registry.models import Person

from .home_visit_reasons import Found, month_start
from .models import HomeVisitOutcome, Visit, VisitKind

OUTCOME_FIELDS = ("hasil", "catatan")


class AlreadyClosed(Exception):
    """The reason was closed this month meanwhile (by another kader); the message is for the kader."""


@transaction.atomic
def home_visit_close(*, person: Person, reason: Found, tanggal: dt.date, user, hasil: str,
                     catatan: str = "") -> HomeVisitOutcome:  # fmt: skip
    """Record what a home visit found for one reason (ditemui dan dilayani, dirujuk, tidak
    ditemui, pindah, menolak) and close it for the month of `tanggal`. The home visit started
    that day for the person, if any, is linked."""
    access.require(access.can_record_visits(user), access.READ_ONLY)
    outcome = HomeVisitOutcome(
        person=person,
        posyandu_id=person.household.posyandu_id,
        kode=reason.kode,
        alasan=reason.text[:200],
        bulan=month_start(tanggal),
        tanggal=tanggal,
        dicatat_oleh=user,
        visit=Visit.objects.filter(person=person, tanggal=tanggal, jenis=VisitKind.RUMAH).first(),
    )
    assign(outcome, {"hasil": hasil, "catatan": catatan}, OUTCOME_FIELDS)
    try:
        outcome.full_clean()
        with transaction.atomic():
            outcome.save()
    except (ValidationError, IntegrityError) as clash:
        if HomeVisitOutcome.objects.filter(person=person, kode=reason.kode, bulan=outcome.bulan).exists():
            raise AlreadyClosed("Alasan ini sudah ditutup bulan ini.") from clash
        raise
    return outcome
