"""Writes of the reports app: a month's closing (tutup bulan, the snapshot built by closing.py),
the annual sasaran (target population) of each desa, entered by its Puskesmas, and the monthly
recaps' state: requested,
claimed and built by a worker (the workbook written completely or not at all), failed, swept
when stuck. The recaps' contents come from recaps.py."""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from registry import access
from registry.models import Desa, Puskesmas

from . import closing, recaps
from .excel import SHEETS, write_workbook
from .imunisasi_excel import add_band_sheet
from .models import MonthClosing, Recap, RecapKind, RecapStatus, SasaranDesa, SasaranKind
from .period import Month

# Builds of one recap (retries and takeovers after a dead worker) before it is marked failed.
MAX_ATTEMPTS = 4


@transaction.atomic
def sasaran_save(*, user, desa: list[Desa], tahun: int, jumlah: dict[tuple[int, str], int | None]) -> None:
    """Store the sasaran of `tahun`; `jumlah` maps (desa id, jenis) to a number, or to None to drop
    the entered figure so that the registry's own count is used again. A key outside `desa` ×
    SasaranKind is a TypeError; an invalid number a ValidationError, and nothing is saved."""
    access.require(access.can_edit_sasaran(user), "Hanya petugas Puskesmas yang mengisi sasaran.")
    unknown = set(jumlah) - {(d.pk, kind.value) for d in desa for kind in SasaranKind}
    if unknown:
        raise TypeError(f"not a sasaran of these desa: {sorted(unknown)}")
    for (desa_id, jenis), value in jumlah.items():
        key = {"desa_id": desa_id, "tahun": tahun, "jenis": jenis}
        if value is None:
            SasaranDesa.objects.filter(**key).delete()
            continue
        row = SasaranDesa.objects.select_for_update().filter(**key).first() or SasaranDesa(**key)
        row.jumlah, row.updated_by = value, user
        row.full_clean()
        row.save()


def _set(recap_id: int, **fields) -> None:
    Recap.objects.filter(pk=recap_id).update(touched_at=timezone.now(), **fields)


def _claim(recap_id: int, task_id: str) -> bool:
    """Take the recap for this task. Besides a queued or failed recap, a running one is taken by a
    redelivery of the task already building it: acks_late redelivers only when that worker died.
    A recap that killed MAX_ATTEMPTS workers is left to the sweeper, which marks it failed."""
    waiting = Q(status__in=[RecapStatus.QUEUED, RecapStatus.FAILED])
    mine = waiting | Q(status=RecapStatus.RUNNING, task_id=task_id, attempts__lt=MAX_ATTEMPTS)
    return bool(
        Recap.objects.filter(mine, pk=recap_id).update(
            status=RecapStatus.RUNNING, progress=5, error="", task_id=task_id,
            attempts=F("attempts") + 1, touched_at=timezone.now(),
        )
    )  # fmt: skip


def build(recap_id: int, task_id: str = "") -> Recap:
    """Build one recap. The row is claimed with a conditional update, so two workers never build
    the same recap; the file is written to a temporary name and renamed when complete."""
    claimed = _claim(recap_id, task_id or uuid.uuid4().hex)
    recap = Recap.objects.select_related("puskesmas", "kab_kota").get(pk=recap_id)
    if not claimed:
        return recap
    month = Month.of(recap.bulan)
    if recap.kind == RecapKind.PUSKESMAS:
        rows, bands = recaps.puskesmas_rows(recap.puskesmas, month)
        title, labels = "Rekap", ["Desa/Kelurahan", "Posyandu"]
    else:
        rows, bands = recaps.kabkota_rows(recap.kab_kota, month)
        title, labels = "Rekap Kab/Kota", ["Puskesmas"]
    _set(recap_id, progress=30)

    def progress(sheets_done: int) -> None:
        _set(recap_id, progress=30 + 60 * sheets_done // len(SHEETS))
        time.sleep(settings.RECAP_SHEET_DELAY)

    book = write_workbook(title, str(recap.area), month, labels, rows, on_sheet=progress)
    add_band_sheet(book, f"{title} {recap.area}", month, bands)
    path = recaps.recap_path(recap)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".xlsx.part")
    book.save(partial)
    os.replace(partial, path)  # atomic: the old file or the new one, never half of one
    relative = str(path.relative_to(settings.MEDIA_ROOT))
    _set(recap_id, status=RecapStatus.DONE, progress=100, file=relative, finished_at=timezone.now())
    recap.refresh_from_db()
    return recap


def mark_failed(recap_id: int, error: str, final: bool) -> None:
    status = RecapStatus.FAILED if final else RecapStatus.QUEUED
    _set(recap_id, status=status, error=error[:2000], progress=0)


def _stale(now: dt.datetime | None = None) -> Q:
    cutoff = (now or timezone.now()) - dt.timedelta(seconds=settings.RECAP_STALE_SECONDS)
    return Q(status__in=[RecapStatus.QUEUED, RecapStatus.RUNNING], touched_at__lt=cutoff)


@transaction.atomic
def mark_requested(*, kind: str, area, month: Month, user=None) -> tuple[Recap, bool]:
    """The recap of an area and month, marked queued for (re)building; returns (recap, queued).
    A recap already queued or running is left alone unless it is stuck (no sign of life for
    RECAP_STALE_SECONDS). The caller sends the task (reports.tasks.request_recap)."""
    lookup = {"kind": kind, "bulan": month.first}
    if kind == RecapKind.PUSKESMAS:
        lookup |= {"puskesmas": area, "kab_kota_id": area.kab_kota_id}
    else:
        lookup |= {"kab_kota": area, "puskesmas": None}
    recap, created = Recap.objects.select_for_update().get_or_create(
        **lookup, defaults={"requested_by": user}
    )
    if created:
        return recap, True
    on_its_way = Recap.objects.filter(pk=recap.pk, status__in=[RecapStatus.QUEUED, RecapStatus.RUNNING])
    if on_its_way.exclude(_stale()).exists():
        return recap, False  # already on its way
    _set(recap.pk, status=RecapStatus.QUEUED, progress=0, error="", attempts=0, requested_by=user)
    return recap, True


def stuck_recaps(now: dt.datetime | None = None) -> list[int]:
    """Recaps queued or running with no sign of life for RECAP_STALE_SECONDS: their message was
    lost (Redis restarted or down when asked) or their worker died. They are marked queued again
    and returned to be sent; one that got stuck MAX_ATTEMPTS times is marked failed."""
    stuck = Recap.objects.filter(_stale(now))
    stuck.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=RecapStatus.FAILED, progress=0, touched_at=timezone.now(),
        error="Pembuatan rekap terhenti berulang kali. Coba lagi nanti atau hubungi admin.",
    )  # fmt: skip
    ids = list(stuck.values_list("pk", flat=True))
    Recap.objects.filter(pk__in=ids).update(status=RecapStatus.QUEUED, progress=0, touched_at=timezone.now())
    return ids


@transaction.atomic
def close_month(*, puskesmas: Puskesmas, month: Month, user, today: dt.date | None = None) -> MonthClosing:
    """Close (or close again) a finished month: a new snapshot version; earlier ones are kept."""
    access.require(access.can_close_month(user, puskesmas), closing.CLOSE_REFUSED)
    if month >= Month.of(today or timezone.localdate()):
        raise ValidationError("Bulan berjalan belum dapat ditutup; tunggu sampai bulan berakhir.")
    Puskesmas.objects.select_for_update().get(pk=puskesmas.pk)  # one closing at a time
    earlier = MonthClosing.objects.filter(puskesmas=puskesmas, bulan=month.first)
    version = 1 + max(earlier.values_list("version", flat=True), default=0)
    earlier.update(current=False)
    closed = MonthClosing(
        puskesmas=puskesmas,
        bulan=month.first,
        version=version,
        closed_by=user,
        closed_at=timezone.now(),
        snapshot=closing.build_snapshot(puskesmas, month),
    )
    closed.full_clean()
    closed.save()
    return closed
