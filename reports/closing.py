"""Tutup bulan (month closing): a Puskesmas freezes the figures its reports show for a month.

Posyandu send their monthly report by settings.REPORT_DEADLINE_DAY of the next month; then the
Puskesmas closes the month. Closing stores a snapshot of every figure of the month (layout in
reports.snapshots), read from then on by the report, the recaps and the PWS. Visits stay
correctable under the 30-day rule; such corrections (visits.models.AuditEntry), and life-cycle
records saved for the month outside a visit (doses, K contacts, MT, KF/KN, Td, pregnancies,
births, deaths, departures: registry.models.RecordChange, kept since that model's release), are
listed as "koreksi setelah tutup bulan", the page says when live figures differ from the
snapshot, and closing again makes a new version (the old one is kept, no longer read).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import TruncMonth

from registry.models import Posyandu, Puskesmas, RecordChange
from registry.scoping import scope
from visits.models import AuditEntry

from . import pws, pws_selectors, selectors
from .models import MonthClosing, SasaranKind
from .period import Month
from .snapshots import closed_months, dump_bands, dump_month

CLOSE_REFUSED = "Hanya petugas Puskesmas ini yang dapat menutup bulan."


def report_deadline(month: Month) -> dt.date:
    """Batas kirim laporan: the REPORT_DEADLINE_DAY of the next month (its last day at most)."""
    following = month.shift(1)
    return following.first.replace(day=min(settings.REPORT_DEADLINE_DAY, following.last.day))


def build_snapshot(puskesmas: Puskesmas, month: Month, with_bands: bool = True) -> dict:
    """Every figure the reports show for the month, computed live from the visits."""
    ids = list(Posyandu.objects.filter(desa__puskesmas=puskesmas).order_by("pk").values_list("pk", flat=True))
    figures, bands = selectors.posyandu_month_and_bands(posyandu_ids=ids, month=month)
    desa_ids = [d.pk for d in pws_selectors.desa_of_puskesmas(puskesmas)]
    since_january = [Month(month.year, m) for m in range(1, month.month + 1)]
    counts = {
        ind.code: pws_selectors.count_series(indicator=ind, desa_ids=desa_ids, months=since_january)
        for ind in pws.INDICATORS.values()
        if ind.kind == "count"
    }
    sasaran = {
        kind.value: pws_selectors.sasaran(kind=kind.value, desa_ids=desa_ids, month=month)[0]
        for kind in SasaranKind
    }
    snapshot = {
        "posyandu": {str(pid): dump_month(figures[pid]) for pid in ids},
        "pws": {str(d): {code: series[d][-1] for code, series in counts.items()} for d in desa_ids},
        "sasaran": {str(d): {kind: values[d] for kind, values in sasaran.items()} for d in desa_ids},
    }
    if with_bands:
        snapshot["bands"] = {str(pid): dump_bands(bands[pid]) for pid in ids}
    return snapshot


def month_versions(*, puskesmas: Puskesmas, month: Month, user) -> list[MonthClosing]:
    """Every closing of the month, newest version first, as far as `user` sees."""
    closings = MonthClosing.objects.filter(puskesmas=puskesmas, bulan=month.first)
    return list(scope(closings, user).select_related("closed_by", "puskesmas").order_by("-version"))


def live_differs(closing: MonthClosing) -> bool:
    """Whether today's figures of the month differ from the closing's snapshot (the sections and
    the PWS figures; the SKDN by age band is compared on the Posyandu report)."""
    live = build_snapshot(closing.puskesmas, Month.of(closing.bulan), with_bands=False)
    return any(live[part] != closing.snapshot.get(part) for part in live)


def posyandu_differs(closing: MonthClosing, posyandu_id: int, month: Month) -> bool:
    """Whether one Posyandu's live figures (sections and age bands) differ from the snapshot."""
    figures, bands_of = selectors.posyandu_month_and_bands(posyandu_ids=[posyandu_id], month=month)
    live, bands = dump_month(figures[posyandu_id]), dump_bands(bands_of[posyandu_id])
    key = str(posyandu_id)
    return live != closing.snapshot["posyandu"].get(key) or bands != closing.snapshot.get("bands", {}).get(
        key
    )


def corrections_after_closing(*, puskesmas: Puskesmas, month: Month, user, versions: list[MonthClosing]):
    """Koreksi setelah tutup bulan: every change to a visit of the month, and every life-cycle
    record counted in the month, saved after the month was first closed, newest first, each with
    the version it followed (two queries: one per history)."""
    if not versions:
        return []
    first = min(v.closed_at for v in versions)
    visits = scope(AuditEntry.objects, user).filter(
        visit__posyandu__desa__puskesmas=puskesmas,
        visit__tanggal__range=(month.first, month.last),
        at__gt=first,
    )
    records = scope(RecordChange.objects, user).filter(
        posyandu__desa__puskesmas=puskesmas, tanggal__range=(month.first, month.last), at__gt=first
    )
    newest = ("-at", "-id")
    entries = [
        *visits.select_related("visit__person", "visit__posyandu", "user").order_by(*newest)[:200],
        *records.select_related("person", "posyandu", "user").order_by(*newest)[:200],
    ]
    entries = sorted(entries, key=lambda entry: entry.at, reverse=True)[:200]
    by_time = sorted(versions, key=lambda v: v.closed_at)
    rows = []
    for entry in entries:
        after = [v for v in by_time if v.closed_at < entry.at][-1]
        rows.append(Correction(entry, after.version, included=after.version < by_time[-1].version))
    return rows


@dataclass
class Correction:
    entry: AuditEntry | RecordChange  # a visit table's change, or a life-cycle record's
    after_version: int  # the closing version it was saved after
    included: bool  # a later version's snapshot holds it

    @property
    def of_record(self) -> bool:
        return isinstance(self.entry, RecordChange)


@dataclass
class MonthRow:
    month: Month
    deadline: dt.date
    closing: MonthClosing | None
    corrected: bool  # changes to its visits or life-cycle records saved after the current closing


def month_rows(*, puskesmas: Puskesmas, months: list[Month], user) -> list[MonthRow]:
    """Each month's closing state for the list, in two queries (the closings; the last change
    per month of the visits and of the life-cycle records, as one union)."""
    current = {Month.of(c.bulan): c for c in closed_months(puskesmas_id=puskesmas.pk, months=months)}
    visits = (
        scope(AuditEntry.objects, user)
        .filter(visit__posyandu__desa__puskesmas=puskesmas, visit__tanggal__gte=min(months).first)
        .values(bulan=TruncMonth("visit__tanggal"))
        .annotate(last=Max("at"))
    )
    records = (
        scope(RecordChange.objects, user)
        .filter(posyandu__desa__puskesmas=puskesmas, tanggal__gte=min(months).first)
        .values(bulan=TruncMonth("tanggal"))
        .annotate(last=Max("at"))
    )
    last_change: dict[Month, dt.datetime] = {}
    for row in visits.order_by().union(records.order_by(), all=True):
        month = Month.of(row["bulan"])
        last_change[month] = max(row["last"], last_change.get(month, row["last"]))
    return [
        MonthRow(
            m,
            report_deadline(m),
            current.get(m),
            m in current and m in last_change and last_change[m] > current[m].closed_at,
        )
        for m in months
    ]
