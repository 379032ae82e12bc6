"""Reads of the immunisation history: a child's card, the DOFU list of a Posyandu, and the
people to visit at home because a dose is overdue. Each list costs a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from registry.lifecycle import months_before
from registry.models import Person, Posyandu
from registry.scoping import scope
from registry.selectors import present_on_q

from . import immunisation_rules as rules
from .models import Dose

Status = rules.Status
# The card and the DOFU list cover baduta: Tabel 7–8 end at 23 months (KMK ILP 2023 L1776–1845).
CARD_BEFORE_MONTHS = 24


def person_doses(person: Person) -> list[Dose]:
    return list(Dose.objects.filter(person=person).order_by("tanggal", "antigen"))


def immunisation_card(person: Person, on: dt.date) -> dict:
    """The person page's card: each dose given (date, place) and each antigen's status on `on`."""
    doses = person_doses(person)
    given = {d.antigen: d.tanggal for d in doses}
    child = person.tanggal_lahir > months_before(on, CARD_BEFORE_MONTHS)
    rows = rules.card(person.tanggal_lahir, given, on) if child else []
    return {
        "doses": doses,
        "rows": [row for row in rows if row.status != Status.SUDAH],
        "idl": rules.is_idl(person.tanggal_lahir, given),
        "baduta": rules.is_baduta_lengkap(person.tanggal_lahir, given),
        "child": child,
    }


@dataclass
class DofuRow:
    """A child on the DOFU list: the doses due on the opening day and those already overdue."""

    person: Person
    jatuh_tempo: list[str]
    terlambat: list[str]


def baduta_of(posyandu_ids: list[int], on: dt.date) -> QuerySet[Person]:
    """Children under 24 months on `on` whose household belongs to one of the Posyandu, still
    here on that day (not dead, not departed)."""
    return Person.objects.filter(
        present_on_q(on),
        household__posyandu_id__in=posyandu_ids,
        tanggal_lahir__lte=on,
        tanggal_lahir__gt=months_before(on, CARD_BEFORE_MONTHS),
    )


def doses_by_person(person_ids) -> dict[int, dict[str, dt.date]]:
    given: dict[int, dict[str, dt.date]] = defaultdict(dict)
    for person_id, antigen, tanggal in Dose.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "antigen", "tanggal"
    ):
        given[person_id][antigen] = tanggal
    return given


def dofu_rows(children: QuerySet[Person], on: dt.date) -> list[DofuRow]:
    """Children with a dose due or overdue on `on` (two queries)."""
    people = list(children.select_related("household").order_by("household__rt", "household__alamat", "nama"))
    given = doses_by_person([p.pk for p in people])
    rows = []
    for person in people:
        card = rules.card(person.tanggal_lahir, given.get(person.pk, {}), on)
        due = rules.doses_of_status(card, Status.JATUH_TEMPO)
        late = rules.doses_of_status(card, Status.TERLAMBAT)
        if due or late:
            rows.append(DofuRow(person, due, late))
    return rows


def dofu(*, user, posyandu: Posyandu, on: dt.date) -> list[DofuRow]:
    """The DOFU list of a Posyandu for the opening day `on` (KMK ILP 2023 L1848)."""
    return dofu_rows(scope(baduta_of([posyandu.pk], on), user), on)


def immunisation_overdue_people(posyandu_ids: list[int], on_date: dt.date) -> list[tuple[int, str]]:
    """(person_id, reason) of children with an overdue dose: a home visit for DOFU (KMK ILP 2023
    L1848). The caller scopes `posyandu_ids` to the user's area."""
    rows = dofu_rows(baduta_of(posyandu_ids, on_date), on_date)
    return [
        (row.person.pk, f"Imunisasi terlambat: {', '.join(row.terlambat)}") for row in rows if row.terlambat
    ]
