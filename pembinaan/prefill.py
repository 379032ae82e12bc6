"""Criteria the app's data can answer: one small function per `Criterion.data_source` code.

A round's year is read through the report selectors (`reports/selectors.py`), month by month up
to the running month, in a number of queries that depends on the months, never on the number
of Posyandu. Each source turns those figures into one value per Posyandu and `scoring.score_of`
turns the value into the suggested 1–4 score with the thresholds below.

Kader criteria (at least 5 kader under an SK, kader trained) and the computed strata come from
the kader registry of another change; until then they stay manual (`data_source` empty).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models.functions import ExtractMonth

from common.numbers import format_percent, percent
from reports import selectors
from reports.period import Month
from reports.sections import Layanan, Rujukan
from reports.skdn import Skdn
from visits.models import OpeningDay

from . import scoring

VITAMIN_A_MONTHS = (2, 8)  # bulan vitamin A: Februari and Agustus (KMK ILP 2023 L1857)


@dataclass
class YearFigures:
    """What the sources read, per Posyandu: the months it opened and each month's sections."""

    opened: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    skdn: dict[int, dict[int, Skdn]] = field(default_factory=dict)
    layanan: dict[int, dict[int, Layanan]] = field(default_factory=dict)
    rujukan: dict[int, dict[int, Rujukan]] = field(default_factory=dict)
    opening_days: dict[int, int] = field(default_factory=lambda: defaultdict(int))


def year_figures(*, posyandu_ids: list[int], year: int, today: dt.date) -> YearFigures:
    months = [Month(year, m) for m in range(1, 13) if Month(year, m) <= Month.of(today)]
    figures = YearFigures()
    days = OpeningDay.objects.filter(posyandu_id__in=posyandu_ids, tanggal__year=year, tanggal__lte=today)
    for pid, month in days.values_list("posyandu_id", ExtractMonth("tanggal")):
        figures.opened[pid].add(month)
        figures.opening_days[pid] += 1
    for month in months:
        for name in ("skdn", "layanan", "rujukan"):
            section = getattr(selectors, name)
            rows = selectors.closed_month_cached(section, posyandu_ids=posyandu_ids, month=month, today=today)
            getattr(figures, name)[month.month] = rows
    return figures


def _sum(figures: YearFigures, name: str, pid: int, months, *parts: str) -> list[int]:
    rows = getattr(figures, name)
    return [
        sum(getattr(rows[m][pid], part) for m in months if m in rows and pid in rows[m]) for part in parts
    ]


def hari_buka(figures: YearFigures, pid: int) -> float | None:
    """Opening days held in the year (strata: at least 8 a year)."""
    return figures.opening_days.get(pid, 0)


def _skdn_rate(figures: YearFigures, pid: int, num: str, den: str) -> float | None:
    """Σ numerator / Σ denominator over the months the Posyandu opened, as the PWS cumulative."""
    n, d = _sum(figures, "skdn", pid, figures.opened.get(pid, ()), num, den)
    return percent(n, d)


def ds(figures: YearFigures, pid: int) -> float | None:
    return _skdn_rate(figures, pid, "d", "s")


def nd(figures: YearFigures, pid: int) -> float | None:
    return _skdn_rate(figures, pid, "n", "d")


def ks(figures: YearFigures, pid: int) -> float | None:
    return _skdn_rate(figures, pid, "k", "s")


def vitamin_a(figures: YearFigures, pid: int) -> float | None:
    """Balita given vitamin A in February and August over S of those months."""
    (given,) = _sum(figures, "layanan", pid, VITAMIN_A_MONTHS, "vitamin_a")
    (s,) = _sum(figures, "skdn", pid, VITAMIN_A_MONTHS, "s")
    return percent(given, s)


def rujukan(figures: YearFigures, pid: int) -> float | None:
    """Referrals followed up over referrals made in the year."""
    done, made = _sum(figures, "rujukan", pid, range(1, 13), "ditindaklanjuti", "dirujuk")
    return percent(done, made)


@dataclass(frozen=True)
class Source:
    label: str
    read: Callable[[YearFigures, int], float | None]
    thresholds: tuple[float, float, float]  # least value for scores 2, 3 and 4
    percent: bool = True

    def shown(self, value: float | None) -> str:
        if value is None:
            return "belum ada data"
        return format_percent(value) if self.percent else f"{value:g} kali"


# The app's own cut points, anchored on the strata rules (≥ 8 opening days, D/S ≥ 50%) and the
# PWS targets (D/S 85%, N/D 80%, reports/pws.py); docs/domain.md lists them.
SOURCES: dict[str, Source] = {
    "hari_buka": Source("Hari buka dalam setahun", hari_buka, (4, 8, 12), percent=False),
    "ds": Source("D/S kumulatif", ds, (25, 50, 85)),
    "nd": Source("N/D kumulatif", nd, (40, 60, 80)),
    "ks": Source("K/S (balita punya Buku KIA)", ks, (50, 75, 90)),
    "vitamin_a": Source("Cakupan vitamin A Februari & Agustus", vitamin_a, (50, 70, 85)),
    "rujukan": Source("Rujukan ditindaklanjuti", rujukan, (50, 75, 90)),
}
SOURCE_CHOICES = [("", "diisi penilai")] + [(code, s.label) for code, s in SOURCES.items()]


@dataclass(frozen=True)
class Prefill:
    value: str  # as shown and stored (PosyanduScore.nilai_data)
    score: int | None  # the suggested score; None when there is no figure yet


def prefill(
    *, codes: set[str], posyandu_ids: list[int], year: int, today: dt.date
) -> dict[tuple[int, str], Prefill]:
    """The data's value and score per (Posyandu, source code) for the sources asked."""
    wanted = [code for code in codes if code in SOURCES]
    if not wanted or not posyandu_ids:
        return {}
    figures = year_figures(posyandu_ids=posyandu_ids, year=year, today=today)
    found = {}
    for pid in posyandu_ids:
        for code in wanted:
            source = SOURCES[code]
            value = source.read(figures, pid)
            found[pid, code] = Prefill(source.shown(value), scoring.score_of(value, source.thresholds))
    return found
