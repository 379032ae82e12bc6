"""PWS (Pemantauan Wilayah Setempat): coverage per desa against the annual target (Django-free).

Rate indicators (D/S, N/D, stunting) are a percentage each month; their cumulative value since
January divides the summed numerators by the summed denominators. Count indicators (K1, K6,
vitamin A, blood-pressure screening) count people reached for the first time in the year; the
cumulative count is compared with the annual sasaran, and the target line of month m is m/12 of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .percent import percent


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    kind: str  # "rate" or "count"
    target: float  # rate: the target percentage; count: percent of the annual sasaran
    higher_is_better: bool = True
    sasaran: str = ""  # count indicators: which sasaran is the denominator


INDICATORS = {
    i.code: i
    for i in [
        Indicator("ds", "D/S: balita ditimbang", "rate", 85),
        Indicator("nd", "N/D: berat badan naik", "rate", 80),
        Indicator("stunting", "Prevalensi stunting", "rate", 14, higher_is_better=False),
        Indicator("k1", "K1: ibu hamil (Buku KIA)", "count", 100, sasaran="ibu_hamil"),
        Indicator("k6", "K6: ibu hamil (Buku KIA)", "count", 100, sasaran="ibu_hamil"),
        Indicator("vita", "Vitamin A balita", "count", 100, sasaran="balita"),
        Indicator("td", "Skrining tekanan darah usia ≥ 18 tahun", "count", 100, sasaran="dewasa"),
    ]
}
SASARAN_LABELS = {"balita": "Balita", "ibu_hamil": "Ibu hamil", "dewasa": "Usia ≥ 18 tahun"}


@dataclass
class PwsRow:
    name: str
    this_month: float | None
    last_month: float | None  # the month before, December of last year for January
    cumulative: float | None  # rate: % over the months with an opening day; count: people since January
    target: float | None  # rate: the target %; count: the target line (people) this month
    percent_of_target: float | None
    sasaran: int | None
    trend: str
    status: str
    meets: bool | None = None  # the month's figure is on the right side of its target


def _trend(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "–"  # nothing to compare
    if now == before:
        return "tetap"
    return "naik" if now > before else "turun"


def status_of(value: float | None, target: float, higher_is_better: bool) -> tuple[bool | None, str]:
    """The month's figure against the target. Where lower is better (stunting) being below the
    target is good: "di bawah target (baik)", above it "di atas target"."""
    if value is None:
        return None, "belum ada data"
    if higher_is_better:
        return (True, "mencapai target") if value >= target else (False, "di bawah target")
    return (True, "di bawah target (baik)") if value <= target else (False, "di atas target")


Rate = tuple[int, int] | None  # (numerator, denominator); None: no opening day that month


def rate_row(name: str, ind: Indicator, series: list[Rate], in_year: int) -> PwsRow:
    """`series`: (numerator, denominator) of the months up to the report month, oldest first,
    None for a month without an opening day; the last `in_year` of them are this year's. Such a
    month shows no figure and is left out of the cumulative (it is not a zero)."""
    this = percent(*series[-1]) if series and series[-1] else None
    last = percent(*series[-2]) if len(series) > 1 and series[-2] else None
    held = [pair for pair in series[len(series) - in_year :] if pair]
    cumulative = percent(sum(n for n, _ in held), sum(d for _, d in held))
    meets, status = status_of(this, ind.target, ind.higher_is_better)
    share = None if this is None else 100 * this / ind.target
    return PwsRow(name, this, last, cumulative, ind.target, share, None, _trend(this, last), status, meets)


def count_row(
    name: str, ind: Indicator, series: list[int], in_year: int, sasaran: int, month_number: int
) -> PwsRow:
    """`series`: people reached for the first time in their year, by month, oldest first; the
    last `in_year` months are this year's. The status and the % of target compare the month's
    count with the month's share of the annual target (sasaran × target / 12)."""
    this = series[-1] if series else 0
    last = series[-2] if len(series) > 1 else None
    cumulative = sum(series[len(series) - in_year :])
    annual = sasaran * ind.target / 100
    meets, status = status_of(this if sasaran else None, annual / 12, True)
    # like a rate's, the % of target is the month's figure against the month's target, so it
    # never contradicts the status beside it; the cumulative has its own target line
    share = percent(this, annual / 12) if sasaran else None
    target_line = annual * month_number / 12
    return PwsRow(
        name, this, last, cumulative, target_line, share, sasaran, _trend(this, last), status, meets
    )
