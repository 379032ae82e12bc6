"""The one helper that writes a RecordChange (registry.models.changes): called by the services
that save immunisation doses, ANC contacts, MT, KF/KN, Td doses, pregnancies and vital events,
inside their transaction. A dose ticked at meja 5 is not written here: it is a change of the
visit's table, in the visit's AuditEntry."""

from __future__ import annotations

import calendar
import datetime as dt

from .models import ChangeKind, Household, HouseholdMove, Person, RecordChange


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def posyandu_at_month_end(person: Person, day: dt.date) -> int:
    """The Posyandu of the person's household on the last day of `day`'s month: the Posyandu it
    left in its first move after that day, or else its Posyandu now (the attribution of the
    reports, reports.attribution.posyandu_at_month_end, for one person)."""
    moves = HouseholdMove.objects.filter(household_id=person.household_id, tanggal__gt=_month_end(day))
    left = moves.order_by("tanggal", "id").values_list("dari_posyandu_id", flat=True).first()
    if left is not None:
        return left
    return Household.objects.filter(pk=person.household_id).values_list("posyandu_id", flat=True).get()


def record_change(*, person: Person, day: dt.date, kind: ChangeKind, what: str, user) -> RecordChange:
    """Log that a record of `person` dated `day` was saved; `what` names it in Indonesian, without
    names ("Imunisasi DPT-HB-Hib1" is described as "Imunisasi DPT-HB-Hib1 12-08-2026 dicatat")."""
    return RecordChange.objects.create(
        posyandu_id=posyandu_at_month_end(person, day),
        tanggal=day,
        jenis=kind,
        keterangan=f"{what} {day:%d-%m-%Y} dicatat"[:120],
        person=person,
        user=user,
    )
