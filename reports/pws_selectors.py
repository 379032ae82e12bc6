"""Data of the PWS dashboard: monthly series per desa and the annual sasaran, in a number of
queries that depends on the months shown, never on the data size."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, F, Min
from django.db.models.functions import ExtractMonth, ExtractYear

from registry.lifecycle import Group
from registry.models import Desa, Person, Posyandu
from registry.scoping import scope
from registry.selectors import counted_in_month_q, lifecycle_q
from visits.models import Care, Measurement, OpeningDay

from . import selectors, snapshots
from .lifecycle_sql import completed_months
from .models import SasaranDesa
from .period import Month
from .pws import Indicator

RATE_PARTS = {
    "ds": ("skdn", "d", "s"),
    "nd": ("skdn", "n", "d"),
    "stunting": ("gizi", "stunting", "diukur_pbu"),
}


def rate_series(
    *, indicator: Indicator, desa_ids: list[int], months: list[Month]
) -> dict[int, list[tuple[int, int] | None]]:
    """(numerator, denominator) per desa and month; None for a month without an opening day in
    the desa, which the PWS shows as no figure rather than a zero."""
    section, num, den = RATE_PARTS[indicator.code]
    desa_of = dict(Posyandu.objects.filter(desa_id__in=desa_ids).values_list("pk", "desa_id"))
    held = opened(desa_ids=desa_ids, months=months)
    series = {d: [] for d in desa_ids}
    frozen = snapshots.frozen_sections(section, posyandu_ids=list(desa_of), months=months)
    for month in months:
        rows = frozen.get(month, {})  # closed months (tutup bulan) read the snapshot
        live = [pid for pid in desa_of if pid not in rows]
        if live:
            section_of = getattr(selectors, section)
            rows = rows | selectors.closed_month_cached(section_of, posyandu_ids=live, month=month)
        sums = defaultdict(lambda: [0, 0])
        for pid, counts in rows.items():
            sums[desa_of[pid]][0] += getattr(counts, num)
            sums[desa_of[pid]][1] += getattr(counts, den)
        for desa_id in desa_ids:
            series[desa_id].append(tuple(sums[desa_id]) if (desa_id, month) in held else None)
    return series


def opened(*, desa_ids: list[int], months: list[Month]) -> set[tuple[int, Month]]:
    """(desa, month) pairs in which at least one of the desa's Posyandu had an opening day."""
    days = OpeningDay.objects.filter(
        posyandu__desa_id__in=desa_ids, tanggal__range=(months[0].first, months[-1].last)
    )
    pairs = days.values_list("posyandu__desa_id", ExtractYear("tanggal"), ExtractMonth("tanggal")).distinct()
    return {(desa_id, Month(year, month)) for desa_id, year, month in pairs}


def _reached(indicator: Indicator):
    """Rows (desa, person, visit date) of people meeting a count indicator's criterion."""
    if indicator.code in ("k1", "k6"):
        return Care.objects.filter(kunjungan_anc__gte=1 if indicator.code == "k1" else 6), "visit__"
    if indicator.code == "vita":
        return Care.objects.exclude(vitamin_a=""), "visit__"
    adult = Measurement.objects.filter(sistol__isnull=False).annotate(
        umur_bulan=completed_months("visit__tanggal", "visit__person__tanggal_lahir")
    )
    return adult.filter(umur_bulan__gte=selectors.ADULT_BP_FROM_MONTHS), "visit__"


def count_series(*, indicator: Indicator, desa_ids: list[int], months: list[Month]) -> dict[int, list[int]]:
    """People reached for the first time in the calendar year, by the month of that first time."""
    rows, v = _reached(indicator)
    firsts = (
        rows.filter(
            **{
                # from January of the first year shown, so "first time in the year" is right
                f"{v}tanggal__range": (months[0].january.first, months[-1].last),
                f"{v}posyandu__desa_id__in": desa_ids,
            }
        )  # fmt: skip
        .values(desa=F(f"{v}posyandu__desa_id"), person=F(f"{v}person_id"), year=ExtractYear(f"{v}tanggal"))
        .annotate(first=Min(f"{v}tanggal"))
    )
    index = {(m.year, m.month): i for i, m in enumerate(months)}
    series = {d: [0] * len(months) for d in desa_ids}
    for row in firsts:
        i = index.get((row["first"].year, row["first"].month))
        if i is not None:
            series[row["desa"]][i] += 1
    return series


def default_sasaran(*, kind: str, desa_ids: list[int], on: dt.date) -> dict[int, int]:
    """The registry's own count: balita and adults on the date (a month's last day), without the
    dead and departed; pregnancies noted this year."""
    people = Person.objects.filter(household__posyandu__desa_id__in=desa_ids).filter(
        counted_in_month_q(on.replace(day=1), on)
    )
    if kind == "balita":
        people = people.filter(lifecycle_q(Group.BAYI_BALITA, on))
    elif kind == "dewasa":
        people = people.filter(lifecycle_q(Group.USIA_DEWASA, on) | lifecycle_q(Group.LANSIA, on))
    else:
        start = dt.date(on.year, 1, 1) - dt.timedelta(days=280)
        people = people.filter(jenis_kelamin="P", hpht__gte=start, hpht__lte=on)
    counts = dict(people.values_list("household__posyandu__desa_id").annotate(n=Count("pk")))
    return {d: counts.get(d, 0) for d in desa_ids}


def sasaran(*, kind: str, desa_ids: list[int], month: Month) -> tuple[dict[int, int], set[int]]:
    """Annual sasaran per desa: entered by the Puskesmas where it has, else the registry count.
    Returns the numbers and the desa whose number was entered."""
    entered = dict(
        SasaranDesa.objects.filter(desa_id__in=desa_ids, tahun=month.year, jenis=kind).values_list(
            "desa_id", "jumlah"
        )
    )
    default = default_sasaran(kind=kind, desa_ids=desa_ids, on=month.last)
    return {d: entered.get(d, default[d]) for d in desa_ids}, set(entered)


def desa_of_puskesmas(puskesmas) -> list[Desa]:
    return list(Desa.objects.filter(puskesmas=puskesmas).order_by("nama"))


def sasaran_entered(*, user, desa, tahun: int) -> dict[tuple[int, str], int]:
    """The sasaran a Puskesmas entered for `tahun`, by (desa id, jenis), as far as `user` sees."""
    entered = scope(SasaranDesa.objects.filter(desa__in=desa, tahun=tahun), user)
    rows = entered.values_list("desa_id", "jenis", "jumlah")
    return {(desa_id, jenis): n for desa_id, jenis, n in rows}
