"""The PWS dashboard of a Puskesmas: a row per desa, the total, and the two charts."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from . import pws, pws_selectors, snapshots
from .charts import bar_chart, line_chart
from .period import Month


@dataclass
class PwsDashboard:
    indicator: pws.Indicator
    month: Month
    rows: list[pws.PwsRow]
    total: pws.PwsRow
    bar: SafeString
    trend: SafeString
    entered: set[str]  # desa whose sasaran was entered by the Puskesmas


def _sum_rates(series: dict, length: int) -> list[pws.Rate]:
    """The Puskesmas' (numerator, denominator) by month, over the desa that held an opening day."""
    totals = []
    for i in range(length):
        held = [s[i] for s in series.values() if s[i]]
        totals.append((sum(n for n, _ in held), sum(d for _, d in held)) if held else None)
    return totals


def pws_dashboard(*, puskesmas, indicator: pws.Indicator, month: Month) -> PwsDashboard:
    desa = pws_selectors.desa_of_puskesmas(puskesmas)
    ids = [d.pk for d in desa]
    months = [month.shift(-i) for i in range(11, -1, -1)]
    in_year = sum(1 for m in months if m.year == month.year)
    rate = indicator.kind == "rate"
    if rate:
        series = pws_selectors.rate_series(indicator=indicator, desa_ids=ids, months=months)
        rows = [pws.rate_row(d.nama, indicator, series[d.pk], in_year) for d in desa]
        totals = _sum_rates(series, len(months))
        total = pws.rate_row("Total Puskesmas", indicator, totals, in_year)
        trend_values = [pws.percent(*pair) if pair else None for pair in totals]
        bar_values, target, unit, entered = [r.cumulative for r in rows], indicator.target, "%", set()
    else:
        series = pws_selectors.count_series(indicator=indicator, desa_ids=ids, months=months)
        series = snapshots.with_frozen_counts(series, indicator=indicator.code, desa_ids=ids, months=months)
        sasaran, entered_ids = pws_selectors.sasaran(kind=indicator.sasaran, desa_ids=ids, month=month)
        sasaran = snapshots.with_frozen_sasaran(sasaran, kind=indicator.sasaran, desa_ids=ids, month=month)
        rows = [
            pws.count_row(d.nama, indicator, series[d.pk], in_year, sasaran[d.pk], month.month) for d in desa
        ]
        totals = [sum(s[i] for s in series.values()) for i in range(len(months))]
        total = pws.count_row(
            "Total Puskesmas", indicator, totals, in_year, sum(sasaran.values()), month.month
        )
        trend_values = [float(v) for v in totals]
        bar_values, target, unit = [r.percent_of_target for r in rows], 100 * month.month / 12, "%"
        entered = {d.nama for d in desa if d.pk in entered_ids}
    bar = bar_chart(
        f"{indicator.label}, kumulatif {month.year}", [d.nama for d in desa], bar_values, target, unit
    )
    trend_unit = "%" if rate else ""
    trend = line_chart(f"{indicator.label}, 12 bulan", [f"{m.month:02d}/{m.year % 100}" for m in months],
                       trend_values, indicator.target if rate else None, trend_unit)  # fmt: skip
    return PwsDashboard(
        indicator, month, rows, total, mark_safe(bar), mark_safe(trend), entered
    )  # our own SVG
