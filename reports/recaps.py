"""The monthly recaps' contents: rows from the selectors and where a recap's file lives. Building
one (the workbook written completely or not at all, the recap's status for the download page)
is a write: reports/services.py (build, mark_requested, mark_failed, stuck_recaps)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import groupby
from pathlib import Path

from django.conf import settings

from registry.models import KabKota, Posyandu, Puskesmas

from . import snapshots
from .excel import Row
from .models import Recap
from .period import Month
from .sections import PosyanduMonth, add_all
from .selectors import Bands


def puskesmas_rows(puskesmas: Puskesmas, month: Month) -> tuple[list[Row], Bands]:
    """A row per Posyandu, grouped by desa with a subtotal after each desa, then the total; and
    the SKDN by sex and age band of the whole area (frozen where the month is closed)."""
    posyandu = list(
        Posyandu.objects.filter(desa__puskesmas=puskesmas)
        .select_related("desa")
        .order_by("desa__nama", "nama")
    )
    figures, bands = snapshots.month_figures_and_bands(posyandu_ids=[p.pk for p in posyandu], month=month)
    rows = []
    for desa, members in groupby(posyandu, key=lambda p: p.desa):
        members = list(members)
        rows += [Row((desa.nama, p.nama), figures[p.pk]) for p in members]
        rows.append(Row((f"Subtotal {desa.nama}", None), add_all(figures[p.pk] for p in members), "subtotal"))
    rows.append(Row(("Total", None), add_all(figures.values()), "total"))
    return rows, bands


def kabkota_rows(kab_kota: KabKota, month: Month) -> tuple[list[Row], Bands]:
    """A row per Puskesmas (the sum of its Posyandu), then the total; and the area's SKDN by sex
    and age band."""
    posyandu = Posyandu.objects.filter(desa__kecamatan__kab_kota=kab_kota, desa__puskesmas__isnull=False)
    owner = dict(posyandu.values_list("pk", "desa__puskesmas_id"))
    figures, bands = snapshots.month_figures_and_bands(posyandu_ids=list(owner), month=month)
    by_puskesmas = defaultdict(list)
    for pid, posyandu_figures in figures.items():
        by_puskesmas[owner[pid]].append(posyandu_figures)
    sums = defaultdict(PosyanduMonth.empty, {pk: add_all(members) for pk, members in by_puskesmas.items()})
    rows = [
        Row((puskesmas.nama,), sums[puskesmas.pk])
        for puskesmas in Puskesmas.objects.filter(kab_kota=kab_kota).order_by("nama")
    ]
    rows.append(Row(("Total",), add_all(list(sums.values())), "total"))
    return rows, bands


def recap_path(recap: Recap) -> Path:
    month = Month.of(recap.bulan)
    name = f"rekap-{recap.kind}-{recap.area.pk}-{month.key}.xlsx"
    return Path(settings.MEDIA_ROOT) / "rekap" / month.key / name


def previous_month(today: dt.date) -> Month:
    return Month.of(today).previous
