"""Vitamin A rounds: coverage per round (February, August) for bayi 6–11 and balita 12–59
months, and the sweeping list of children not yet given (KMK ILP 2023 L1853).

The sasaran of a round are the children of the Posyandu 6–59 months old on the round month's
last day (a baby who turns 6 months during the round is served in it); a child counts as given
when a vitamin A capsule is recorded at a visit in the round month. Sweeping ("sweeping" by the
kader, L1848–1853) runs to the end of the following month: a capsule then counts as susulan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet

from common.numbers import format_percent, percent
from registry.lifecycle import completed_months, months_before
from registry.models import Person
from registry.scoping import scope
from registry.selectors import counted_in_month_q

from .models import Care
from .selectors import month_bounds
from .service_windows import VITAMIN_A, VITAMIN_A_MONTHS

BANDS = {"biru": "Bayi 6–11 bulan", "merah": "Balita 12–59 bulan"}


@dataclass(frozen=True)
class Round:
    """A vitamin A round: February or August of a year, and its sweeping month after it."""

    year: int
    month: int

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return month_bounds(self.first)[1]

    @property
    def sweep_last(self) -> dt.date:
        return month_bounds(self.last + dt.timedelta(days=1))[1]

    def __str__(self) -> str:
        return f"{'Februari' if self.month == 2 else 'Agustus'} {self.year}"


def round_of(on: dt.date) -> Round:
    """The latest round whose month has begun on `on`."""
    started = [m for m in VITAMIN_A_MONTHS if m <= on.month]
    return Round(on.year, max(started)) if started else Round(on.year - 1, max(VITAMIN_A_MONTHS))


def in_sweep(on: dt.date) -> bool:
    """True in a round month and the sweeping month after it, when the sweep list is asked for."""
    return on <= round_of(on).sweep_last


def band_of(birth_date: dt.date, on: dt.date) -> str | None:
    """ "biru" (6–11 months) or "merah" (12–59 months) on `on`, else None (service_windows)."""
    months = completed_months(birth_date, on)
    for capsule, (low, high, _) in VITAMIN_A.items():
        if low <= months < high:
            return capsule
    return None


def _given(start: dt.date, end: dt.date) -> Exists:
    return Exists(
        Care.objects.filter(
            visit__person=OuterRef("pk"), visit__tanggal__range=(start, end), visit__dihapus_at__isnull=True
        ).exclude(vitamin_a="")
    )


def round_sasaran(posyandu_ids: list[int], rnd: Round) -> QuerySet[Person]:
    """The round's children (6–59 months on its last day) with `diberi` (given in the round
    month) and `susulan` (given in the sweeping month), one query. The dead and departed leave
    from the month after (counted_in_month_q)."""
    low, high = VITAMIN_A["biru"][0], VITAMIN_A["merah"][1]
    return Person.objects.filter(
        counted_in_month_q(rnd.first, rnd.last),
        household__posyandu_id__in=posyandu_ids,
        tanggal_lahir__lte=months_before(rnd.last, low),
        tanggal_lahir__gt=months_before(rnd.last, high),
    ).annotate(
        diberi=_given(rnd.first, rnd.last),
        susulan=_given(rnd.last + dt.timedelta(days=1), rnd.sweep_last),
    )


@dataclass
class Coverage:
    label: str
    sasaran: int = 0
    diberi: int = 0
    susulan: int = 0

    @property
    def cakupan(self) -> str:
        return format_percent(percent(self.diberi, self.sasaran))


@dataclass
class RoundReport:
    rnd: Round
    coverage: list[Coverage] = field(default_factory=list)
    sweep: list[Person] = field(default_factory=list)


def round_report(*, user, posyandu_ids: list[int], rnd: Round) -> RoundReport:
    """Coverage per age band and the children still to be given (two queries)."""
    people = scope(round_sasaran(posyandu_ids, rnd), user).select_related("household")
    by_band = {capsule: Coverage(label) for capsule, label in BANDS.items()}
    report = RoundReport(rnd, list(by_band.values()))
    for person in people.order_by("household__rt", "household__alamat", "nama"):
        person.band = band_of(person.tanggal_lahir, rnd.last)
        row = by_band[person.band]
        row.sasaran += 1
        row.diberi += person.diberi
        row.susulan += person.susulan and not person.diberi
        if not (person.diberi or person.susulan):
            report.sweep.append(person)
    report.coverage.append(
        Coverage(
            "Jumlah",
            *(sum(getattr(c, n) for c in by_band.values()) for n in ("sasaran", "diberi", "susulan")),
        )
    )
    return report


def vitamin_a_sweep_people(posyandu_ids: list[int], on_date: dt.date) -> list[tuple[int, str]]:
    """(person_id, reason) of children of the round to sweep on `on_date`: during the round month
    and the month after, those not yet given. The caller scopes `posyandu_ids` to the user."""
    if not in_sweep(on_date):
        return []
    rnd = round_of(on_date)
    people = round_sasaran(posyandu_ids, rnd).filter(diberi=False, susulan=False).order_by("nama")
    return [(pk, f"Vitamin A {rnd} belum diberikan") for pk in people.values_list("pk", flat=True)]
