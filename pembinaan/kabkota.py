"""Dasbor Kab/Kota: the Puskesmas of a Kab/Kota side by side for one month: each PWS indicator
(computed as the PWS page computes it, `reports/pws_selectors.py` and `reports/pws.py`),
reporting completeness (Posyandu with a visit entered in the month, out of all), the active
kader and the strata of their Posyandu as computed from the year's data (kader/strata_selectors.py),
not as typed in. Queries depend on the indicators, never on the number of Puskesmas."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from common.numbers import percent
from kader import selectors as kader_selectors
from kader.strata_selectors import strata_for
from registry.models import Desa, KabKota, Posyandu, Puskesmas, Strata
from registry.scoping import scope
from reports import pws, pws_selectors, snapshots
from reports.period import Month
from reports.vital_selectors import entered_in


@dataclass
class PuskesmasRow:
    puskesmas: Puskesmas
    figures: dict[str, pws.PwsRow] = field(default_factory=dict)  # by indicator code
    posyandu: int = 0
    reported: int = 0  # Posyandu with at least one visit entered in the month
    strata: Counter = field(default_factory=Counter)
    kader: int = 0  # active kader of the roster (kader/selectors.py)
    aktif: int = 0  # Posyandu aktif by the computed criteria

    @property
    def completeness(self) -> float | None:
        return percent(self.reported, self.posyandu)

    @property
    def strata_list(self) -> list[tuple[str, int]]:
        return [(label, self.strata[value]) for value, label in Strata.choices]


def kader_figures(posyandu_of: dict[int, int]) -> dict[int, int]:
    """Active kader of the roster per Puskesmas (`posyandu_of`: Posyandu id → Puskesmas id)."""
    per_puskesmas: Counter = Counter()
    for pid, figures in kader_selectors.kader_figures(list(posyandu_of)).items():
        per_puskesmas[posyandu_of[pid]] += figures.aktif
    return dict(per_puskesmas)


def _sum_by(series: dict[int, list], puskesmas_of_desa: dict[int, int], rate: bool) -> dict[int, list]:
    """Desa series added up per Puskesmas; for rates only the desa that held an opening day."""
    grouped = defaultdict(list)
    for desa_id, values in series.items():
        grouped[puskesmas_of_desa[desa_id]].append(values)
    totals = {}
    for pkm, lists in grouped.items():
        by_month = list(zip(*lists, strict=True))
        if rate:
            held = [[pair for pair in month if pair] for month in by_month]
            totals[pkm] = [(sum(n for n, _ in h), sum(d for _, d in h)) if h else None for h in held]
        else:
            totals[pkm] = [sum(month) for month in by_month]
    return totals


def _indicator_rows(
    indicator: pws.Indicator, puskesmas, desa_of: dict[int, int], month: Month
) -> dict[int, pws.PwsRow]:
    months = [month.previous, month]
    in_year = 2 if month.month > 1 else 1
    ids = list(desa_of)
    if indicator.kind == "rate":
        series = pws_selectors.rate_series(indicator=indicator, desa_ids=ids, months=months)
        totals = _sum_by(series, desa_of, rate=True)
        return {
            p.pk: pws.rate_row(p.nama, indicator, totals.get(p.pk, [None, None]), in_year) for p in puskesmas
        }
    series = pws_selectors.count_series(indicator=indicator, desa_ids=ids, months=months)
    series = snapshots.with_frozen_counts(series, indicator=indicator.code, desa_ids=ids, months=months)
    sasaran, _ = pws_selectors.sasaran(kind=indicator.sasaran, desa_ids=ids, month=month)
    sasaran = snapshots.with_frozen_sasaran(sasaran, kind=indicator.sasaran, desa_ids=ids, month=month)
    totals = _sum_by(series, desa_of, rate=False)
    sasaran_of = Counter()
    for desa_id, n in sasaran.items():
        sasaran_of[desa_of[desa_id]] += n
    return {
        p.pk: pws.count_row(
            p.nama, indicator, totals.get(p.pk, [0, 0]), in_year, sasaran_of[p.pk], month.month
        )
        for p in puskesmas
    }


def kab_kota_rows(*, user, kab_kota: KabKota, month: Month) -> list[PuskesmasRow]:
    """One row per Puskesmas of `kab_kota` the user sees (Puskesmas staff: their own)."""
    puskesmas = list(scope(Puskesmas.objects.filter(kab_kota=kab_kota).order_by("nama"), user))
    rows = {p.pk: PuskesmasRow(p) for p in puskesmas}
    desa_of = dict(Desa.objects.filter(puskesmas__in=puskesmas).values_list("pk", "puskesmas_id"))
    posyandu_of = {}
    for pid, pkm in Posyandu.objects.filter(desa__puskesmas__in=puskesmas).values_list(
        "pk", "desa__puskesmas_id"
    ):
        posyandu_of[pid] = pkm
        rows[pkm].posyandu += 1
    for pid, verdict in strata_for(list(posyandu_of), month.year, month.last).items():
        rows[posyandu_of[pid]].strata[verdict.strata] += 1
        rows[posyandu_of[pid]].aktif += verdict.aktif
    for pid in entered_in(month).filter(posyandu_id__in=posyandu_of).values_list("posyandu_id", flat=True):
        rows[posyandu_of[pid]].reported += 1
    for pkm, active in kader_figures(posyandu_of).items():
        rows[pkm].kader = active
    if desa_of:
        for indicator in pws.INDICATORS.values():
            for pkm, figure in _indicator_rows(indicator, puskesmas, desa_of, month).items():
                rows[pkm].figures[indicator.code] = figure
    return list(rows.values())


def sort_rows(rows: list[PuskesmasRow], key: str, descending: bool) -> list[PuskesmasRow]:
    """By Puskesmas name, completeness or an indicator's figure; rows without a figure last."""
    if key == "nama":
        return sorted(rows, key=lambda r: r.puskesmas.nama, reverse=descending)

    def value(row: PuskesmasRow) -> float | None:
        if key == "lapor":
            return row.completeness
        figure = row.figures.get(key)
        if figure is None:
            return None
        return figure.this_month if figure.sasaran is None else figure.percent_of_target

    present = sorted((r for r in rows if value(r) is not None), key=value, reverse=descending)
    return present + [r for r in rows if value(r) is None]
