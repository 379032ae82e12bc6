"""Growth results prepared for display: z-scores, Permenkes status and the charts."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.formats import number_format

from visits.growth.chart import Point, render_svg
from visits.growth.indices import (
    DAYS_PER_MONTH,
    LENGTH_UNTIL_DAYS,
    UNDER_FIVE_MONTHS,
    ChildMeasurement,
    GrowthResult,
    assess,
    sex_code,
)
from visits.growth.status import statuses

INDEX_LABELS = {
    "bbu": "BB/U",
    "pbu": "PB/U",
    "bbpb": "BB/PB",
    "imtu": "IMT/U",
    "lku": "LK/U",
    "lilau": "LiLA/U",
}


@dataclass(frozen=True)
class IndexRow:
    code: str
    label: str
    z: float | None
    status: str | None
    implausible: bool


@dataclass(frozen=True)
class GrowthReport:
    result: GrowthResult
    rows: list[IndexRow]
    charts: list[str]


def _labels(result: GrowthResult) -> dict[str, str]:
    return INDEX_LABELS | {"pbu": result.pbu_label, "bbpb": result.bbpb_label}


def growth_report(measurement: ChildMeasurement, label: str) -> GrowthReport:
    """z-scores, status and charts of one measurement; `label` names the point on the charts."""
    result = assess(measurement)
    status = statuses(result.z, result.age_days)
    labels = _labels(result)
    rows = [
        IndexRow(code, labels[code], z, status.get(code), code in result.flags)
        for code, z in result.z.items()
        if z is not None
    ]
    return GrowthReport(result, rows, growth_charts(measurement, result, label))


def growth_charts(m: ChildMeasurement, result: GrowthResult, label: str) -> list[str]:
    """BB/U, PB/U-TB/U and BB/PB or BB/TB charts with the measurement's point (under 5 years)."""
    months = result.age_days / DAYS_PER_MONTH
    if months >= UNDER_FIVE_MONTHS:
        return []
    sex = sex_code(m.sex)
    charts = []
    if m.weight_kg:
        charts.append(render_svg("bbu", sex, [Point(months, m.weight_kg, f"{label}: {_kg(m.weight_kg)}")]))
    if result.length_cm:
        point = Point(months, result.length_cm, f"{label}: {number_format(result.length_cm, 1)} cm")
        charts.append(render_svg("pbu", sex, [point]))
    if m.weight_kg and result.length_cm and not math.isnan(result.length_cm):
        index = "bbpb" if result.age_days < LENGTH_UNTIL_DAYS else "bbtb"
        charts.append(
            render_svg(index, sex, [Point(result.length_cm, m.weight_kg, f"{label}: {_kg(m.weight_kg)}")])
        )
    return charts


def _kg(value: float) -> str:
    return f"{number_format(value, 1)} kg"
