"""PWS (Pemantauan Wilayah Setempat): coverage per desa against the annual target (Django-free).

Rate indicators (D/S, N/D, stunting) are a percentage each month; their cumulative value since
January divides the summed numerators by the summed denominators. Count indicators (K1, K6,
vitamin A, blood-pressure screening) count people reached for the first time in the year; the
cumulative count is compared with the annual sasaran, and the target line of month m is m/12 of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .skdn import percent


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
    last_month: float | None
    cumulative: float | None  # rate: %; count: people reached since January
    target: float | None  # rate: the target %; count: the target line (people) this month
    percent_of_target: float | None
    sasaran: int | None
    trend: str
    status: str


def _trend(now: float | None, before: float | None, higher_is_better: bool) -> str:
    if now is None or before is None or now == before:
        return "tetap"
    return "naik" if now > before else "turun"


def _status(meets: bool | None, trend: str, higher_is_better: bool) -> str:
    if meets is None:
        return "belum ada data"
    if meets:
        return "mencapai target"
    good = (trend == "naik") == higher_is_better and trend != "tetap"
    return (
        "di bawah target, membaik"
        if good
        else "di bawah target, memburuk"
        if trend != "tetap"
        else "di bawah target"
    )


def rate_row(name: str, ind: Indicator, months: list[tuple[int, int]]) -> PwsRow:
    """`months`: (numerator, denominator) from January to the report month."""
    this = percent(*months[-1]) if months else None
    last = percent(*months[-2]) if len(months) > 1 else None
    cumulative = percent(sum(n for n, _ in months), sum(d for _, d in months))
    meets = (
        None
        if cumulative is None
        else (cumulative >= ind.target if ind.higher_is_better else cumulative <= ind.target)
    )
    trend = _trend(this, last, ind.higher_is_better)
    share = None if cumulative is None else 100 * cumulative / ind.target
    return PwsRow(
        name,
        this,
        last,
        cumulative,
        ind.target,
        share,
        None,
        trend,
        _status(meets, trend, ind.higher_is_better),
    )


def count_row(name: str, ind: Indicator, months: list[int], sasaran: int, month_number: int) -> PwsRow:
    """`months`: people reached for the first time this year, January to the report month."""
    this = months[-1] if months else 0
    last = months[-2] if len(months) > 1 else None
    cumulative = sum(months)
    target = sasaran * ind.target / 100 * month_number / 12
    share = percent(cumulative, sasaran)
    meets = None if not sasaran else cumulative >= target
    trend = _trend(this, last, True)
    return PwsRow(name, this, last, cumulative, target, share, sasaran, trend, _status(meets, trend, True))
