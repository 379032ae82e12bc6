"""The monthly recaps' contents: rows from the selectors and where a recap's file lives. Building
one (the workbook written completely or not at all, the recap's status for the download page)
is a write: reports/services.py (build, mark_requested, mark_failed, stuck_recaps)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from pathlib import Path

from django.conf import settings

from registry.models import KabKota, Posyandu, Puskesmas

from . import snapshots
from .excel import Row
from .models import Recap, RecapKind
from .period import Month
from .sections import add_all


def puskesmas_rows(puskesmas: Puskesmas, month: Month) -> list[Row]:
    """A row per Posyandu, grouped by desa with a subtotal after each desa, then the total."""
    posyandu = list(
        Posyandu.objects.filter(desa__puskesmas=puskesmas)
        .select_related("desa")
        .order_by("desa__nama", "nama")
    )
    figures = snapshots.month_figures(posyandu_ids=[p.pk for p in posyandu], month=month)
    rows = []
    for desa, members in groupby(posyandu, key=lambda p: p.desa):
        members = list(members)
        rows += [Row((desa.nama, p.nama), figures[p.pk]) for p in members]
        rows.append(Row((f"Subtotal {desa.nama}", None), add_all(figures[p.pk] for p in members), "subtotal"))
    rows.append(Row(("Total", None), add_all(figures.values()), "total"))
    return rows


def kabkota_rows(kab_kota: KabKota, month: Month) -> list[Row]:
    """A row per Puskesmas (the sum of its Posyandu), then the total."""
    posyandu = Posyandu.objects.filter(desa__kecamatan__kab_kota=kab_kota, desa__puskesmas__isnull=False)
    owner = dict(posyandu.values_list("pk", "desa__puskesmas_id"))
    figures = snapshots.month_figures(posyandu_ids=list(owner), month=month)
    rows = []
    for puskesmas in Puskesmas.objects.filter(kab_kota=kab_kota).order_by("nama"):
        rows.append(
            Row((puskesmas.nama,), add_all(f for pid, f in figures.items() if owner[pid] == puskesmas.pk))
        )
    rows.append(Row(("Total",), add_all(figures.values()), "total"))
    return rows


def recap_bands(recap: Recap, month: Month):
    """SKDN by sex and age band of the recap's whole area, frozen where the month is closed."""
    if recap.kind == RecapKind.PUSKESMAS:
        posyandu = Posyandu.objects.filter(desa__puskesmas=recap.puskesmas)
    else:
        posyandu = Posyandu.objects.filter(
            desa__kecamatan__kab_kota=recap.kab_kota, desa__puskesmas__isnull=False
        )
    return snapshots.area_bands(posyandu_ids=list(posyandu.values_list("pk", flat=True)), month=month)


def recap_path(recap: Recap) -> Path:
    month = Month.of(recap.bulan)
    name = f"rekap-{recap.kind}-{recap.area.pk}-{month.key}.xlsx"
    return Path(settings.MEDIA_ROOT) / "rekap" / month.key / name


def previous_month(today: dt.date) -> Month:
    return Month.of(today).previous
