"""Effect of an innovation and outcome of an orang tua asuh child (Django-free).

An innovation's effect is its Posyandu's monthly figures in the N months before its start
against the N months from its start (the running month at most), beside the same for the
Posyandu of the same Puskesmas without an innovation. Rates are pooled: the window's D over its
S, not an average of monthly percentages. The difference of the two changes is what the page
shows; it is not proof of cause (other things change too), and the page says so.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from common.numbers import percent
from reports.period import Month
from reports.skdn import Skdn

# indicator code → (label, numerator, denominator) of Skdn
INDICATORS = {"ds": ("D/S", "d", "s"), "nd": ("N/D", "n", "d")}


def windows(start: Month, n: int, until: Month) -> tuple[list[Month], list[Month]]:
    """The n months before `start` and the n months from it, none after `until`."""
    before = [start.shift(i - n) for i in range(n)]
    after = [m for m in (start.shift(i) for i in range(n)) if m <= until]
    return before, after


@dataclass(frozen=True)
class Rate:
    num: int
    den: int

    @property
    def value(self) -> float | None:
        return percent(self.num, self.den)


def pooled(series: dict[Month, Skdn], months: list[Month], num: str, den: str) -> Rate:
    rows = [series[m] for m in months if m in series]
    return Rate(sum(getattr(r, num) for r in rows), sum(getattr(r, den) for r in rows))


def _change(before: Rate, after: Rate) -> float | None:
    if before.value is None or after.value is None:
        return None
    return after.value - before.value


@dataclass(frozen=True)
class Comparison:
    """One indicator before/after, at the innovation's Posyandu and at the comparison group."""

    label: str
    before: Rate
    after: Rate
    other_before: Rate
    other_after: Rate

    @property
    def change(self) -> float | None:
        return _change(self.before, self.after)

    @property
    def other_change(self) -> float | None:
        return _change(self.other_before, self.other_after)

    @property
    def difference(self) -> float | None:
        """Change here minus change in the comparison group, in percentage points."""
        if self.change is None or self.other_change is None:
            return None
        return self.change - self.other_change


def effect(
    own: dict[Month, Skdn], others: dict[Month, Skdn], *, start: Month, n: int, until: Month
) -> list[Comparison]:
    """D/S and N/D before and after `start` here (`own`) and in the comparison group (`others`,
    each month's Skdn summed over its Posyandu)."""
    before, after = windows(start, n, until)
    return [
        Comparison(
            label,
            pooled(own, before, num, den),
            pooled(own, after, num, den),
            pooled(others, before, num, den),
            pooled(others, after, num, den),
        )
        for label, num, den in INDICATORS.values()
    ]


@dataclass(frozen=True)
class Weighing:
    tanggal: dt.date
    berat_kg: float | None  # None when the weight is implausible
    kms: str  # N/T/O/B on the weighing that counts in its month, else ""
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """What became of an enrolled child: weight gain from the last weighing on or before the
    start to the last one by the end, N rate = N/(N+T) over the weighings after the start (O and
    B say nothing about growth), and the reasons at the start against those at the end."""

    gain_g: int | None
    n: int
    t: int
    reasons_start: tuple[str, ...]
    reasons_end: tuple[str, ...] | None  # None: not weighed since the start

    @property
    def n_rate(self) -> float | None:
        return percent(self.n, self.n + self.t)

    @property
    def recovered(self) -> bool | None:
        """No qualifying flag any more at the last weighing (None: not weighed since)."""
        return None if self.reasons_end is None else not self.reasons_end


def child_outcome(weighings: list[Weighing], *, start: dt.date, end: dt.date) -> Outcome:
    """`weighings` of one person in date order; the enrolment runs from `start` to `end`."""
    base = [w for w in weighings if w.tanggal <= start]
    inside = [w for w in weighings if start < w.tanggal <= end]
    first = next((w for w in reversed(base) if w.berat_kg is not None), None)
    last = next((w for w in reversed(inside) if w.berat_kg is not None), None)
    gain = round((last.berat_kg - first.berat_kg) * 1000) if first and last else None
    codes = [w.kms for w in inside]
    return Outcome(
        gain_g=gain,
        n=codes.count("N"),
        t=codes.count("T"),
        reasons_start=base[-1].reasons if base else (),
        reasons_end=inside[-1].reasons if inside else None,
    )


@dataclass
class Ledger:
    """Funds in by source, out per child or activity, and the balance (summed, never stored)."""

    masuk: int = 0
    keluar: int = 0
    by_source: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_target: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def saldo(self) -> int:
        return self.masuk - self.keluar


def ledger(entries: list[tuple[str, int, str]]) -> Ledger:
    """`entries`: (direction "masuk"/"keluar", amount, source or target label)."""
    result = Ledger()
    for direction, amount, label in entries:
        if direction == "masuk":
            result.masuk += amount
            result.by_source[label] += amount
        else:
            result.keluar += amount
            result.by_target[label] += amount
    return result
