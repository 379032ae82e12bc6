"""Reads of a person's vital events for the person page."""

import datetime as dt
from dataclasses import dataclass, field

from . import lifecycle
from .models import Birth, Death, Departure, Person


@dataclass
class VitalStatus:
    birth: Birth | None = None
    death: Death | None = None
    departures: list[Departure] = field(default_factory=list)

    @property
    def away(self) -> Departure | None:
        """The departure not yet ended by a return (at most one)."""
        return next((d for d in self.departures if d.aktif_kembali is None), None)

    @property
    def active(self) -> bool:
        return self.death is None and self.away is None


def person_vital(person: Person) -> VitalStatus:
    """Birth (with the mother), death and departures of one person, in three queries."""
    return VitalStatus(
        birth=Birth.objects.select_related("mother").filter(child=person).first(),
        death=Death.objects.filter(person=person).first(),
        departures=list(Departure.objects.filter(person=person).select_related("oleh", "kembali_oleh")),
    )


def may_give_birth(person: Person, status: VitalStatus, on: dt.date) -> bool:
    """Whether the "Catat kelahiran" button fits: a living woman of 10–54 years in the area."""
    error = lifecycle.pregnancy_age_error(person.tanggal_lahir, on, person.jenis_kelamin)
    return error is None and status.active
