"""Reading the figures of a month: the snapshot of a closed month (tutup bulan), else live.

A Puskesmas closes a month (reports.closing); from then on the monthly report, the recaps and
the PWS read the figures frozen in its current MonthClosing, per Posyandu (sections, SKDN by sex
and age band) and per desa (PWS first-time counts, sasaran). Every reader goes through the
functions here, so a closed month shows the same numbers on every page and in every file.

Snapshot layout (JSON keys are strings):
    {"posyandu": {pid: {section: {field: n}}}, "bands": {pid: {"L0": {field: n}}},
     "pws": {desa_id: {indicator: n}}, "sasaran": {desa_id: {kind: n}}}
"""

from __future__ import annotations

from dataclasses import asdict, fields

from django.db.models import Subquery

from registry.models import Desa, Posyandu

from . import selectors
from .models import MonthClosing
from .period import Month
from .sections import SECTIONS, PosyanduMonth
from .skdn import Skdn


def _section(cls, data: dict):
    """A section dataclass from stored counts; a field added later reads 0."""
    known = {f.name for f in fields(cls)}
    return cls(**{name: value for name, value in data.items() if name in known})


def dump_month(figures: PosyanduMonth) -> dict:
    return {name: asdict(getattr(figures, name)) for name in SECTIONS}


def load_month(data: dict) -> PosyanduMonth:
    return PosyanduMonth(**{name: _section(cls, data.get(name, {})) for name, cls in SECTIONS.items()})


def dump_bands(bands: dict[tuple[str, int], Skdn]) -> dict:
    return {f"{sex}{band}": asdict(skdn) for (sex, band), skdn in bands.items()}


def load_bands(data: dict) -> dict[tuple[str, int], Skdn]:
    return {(key[0], int(key[1:])): _section(Skdn, value) for key, value in data.items()}


def current_closings(*, puskesmas_ids, months: list[Month]) -> dict[tuple[int, Month], MonthClosing]:
    """The current closing of each (Puskesmas, month) that has one, in one query."""
    rows = MonthClosing.objects.filter(
        current=True, puskesmas_id__in=puskesmas_ids, bulan__in=[m.first for m in months]
    )
    return {(c.puskesmas_id, Month.of(c.bulan)): c for c in rows}


def closed_months(*, puskesmas_id: int, months: list[Month]) -> list[MonthClosing]:
    """The current closings of a Puskesmas among `months`, oldest first (for the PWS note)."""
    rows = MonthClosing.objects.filter(
        puskesmas_id=puskesmas_id, current=True, bulan__in=[m.first for m in months]
    )
    return list(rows.defer("snapshot").order_by("bulan"))


def _holding(part: str, owners, ids, months: list[Month]) -> dict[tuple[Month, int], MonthClosing]:
    """(month, id) → the current closing whose snapshot `part` ("posyandu" or "pws", by desa)
    holds that id's figures; `owners` selects the Puskesmas ids to look at."""
    closings = current_closings(puskesmas_ids=Subquery(owners), months=months)
    wanted = set(ids)
    return {
        (month, int(key)): closing
        for (_, month), closing in closings.items()
        for key in closing.snapshot.get(part, {})
        if int(key) in wanted
    }


def _by_posyandu(posyandu_ids, months: list[Month]) -> dict[tuple[Month, int], MonthClosing]:
    owners = Posyandu.objects.filter(pk__in=posyandu_ids).values("desa__puskesmas_id")
    return _holding("posyandu", owners, posyandu_ids, months)


def _by_desa(desa_ids, months: list[Month]) -> dict[tuple[Month, int], MonthClosing]:
    return _holding("pws", Desa.objects.filter(pk__in=desa_ids).values("puskesmas_id"), desa_ids, months)


def month_figures(*, posyandu_ids, month: Month) -> dict[int, PosyanduMonth]:
    """Every section of each Posyandu for a month, as selectors.posyandu_month, but from the
    snapshot where the Posyandu's Puskesmas has closed the month."""
    return month_figures_and_bands(posyandu_ids=posyandu_ids, month=month, bands=False)[0]


def month_figures_and_bands(
    *, posyandu_ids, month: Month, bands: bool = True
) -> tuple[dict[int, PosyanduMonth], selectors.Bands]:
    """month_figures(), and the SKDN by sex and age band summed over the Posyandu (the report's
    and the recaps' "SKDN umur x JK"), frozen as the sections are, live ones from the same queries."""
    ids = list(posyandu_ids)
    frozen = _by_posyandu(ids, [month])
    live = [pid for pid in ids if (month, pid) not in frozen]
    result, live_bands = (
        selectors.posyandu_month_and_bands(posyandu_ids=live, month=month) if live else ({}, {})
    )
    for (_, pid), closing in frozen.items():
        result[pid] = load_month(closing.snapshot["posyandu"][str(pid)])
    figures = {pid: result[pid] for pid in ids}
    if not bands:
        return figures, {}
    parts, unbanded = list(live_bands.values()), []
    for (_, pid), closing in frozen.items():
        stored = closing.snapshot.get("bands", {}).get(str(pid))
        if stored is None:  # closed before the bands were kept: computed live
            unbanded.append(pid)
        else:
            parts.append(load_bands(stored))
    if unbanded:
        parts.append(selectors.skdn_by_sex_and_band(posyandu_ids=unbanded, month=month))
    return figures, selectors.sum_bands(parts)


def closing_of_posyandu(posyandu: Posyandu, month: Month) -> MonthClosing | None:
    """The current closing that froze this Posyandu's month, if any."""
    return _by_posyandu([posyandu.pk], [month]).get((month, posyandu.pk))


def frozen_sections(section: str, *, posyandu_ids, months: list[Month]) -> dict[Month, dict[int, object]]:
    """For the PWS: one section's frozen figures, {month: {Posyandu: counts}}, closed months only."""
    result: dict[Month, dict[int, object]] = {}
    for (month, pid), closing in _by_posyandu(list(posyandu_ids), months).items():
        data = closing.snapshot["posyandu"][str(pid)].get(section, {})
        result.setdefault(month, {})[pid] = _section(SECTIONS[section], data)
    return result


def with_frozen_counts(series: dict[int, list[int]], *, indicator: str, desa_ids, months: list[Month]):
    """PWS count series (people reached for the first time) with closed months' frozen counts."""
    for (month, desa_id), closing in _by_desa(list(desa_ids), months).items():
        frozen = closing.snapshot["pws"][str(desa_id)]
        if indicator in frozen:
            series[desa_id][months.index(month)] = frozen[indicator]
    return series


def with_frozen_sasaran(sasaran: dict[int, int], *, kind: str, desa_ids, month: Month) -> dict[int, int]:
    """The annual sasaran per desa as frozen when the report month was closed."""
    for (_, desa_id), closing in _by_desa(list(desa_ids), [month]).items():
        frozen = closing.snapshot.get("sasaran", {}).get(str(desa_id), {})
        if kind in frozen:
            sasaran[desa_id] = frozen[kind]
    return sasaran
