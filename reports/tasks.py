"""Celery tasks: build a recap, and queue every recap of last month on the 1st (beat)."""

from celery import shared_task
from django.db import DatabaseError
from django.utils import timezone

from registry.models import KabKota, Puskesmas

from . import recaps
from .models import RecapKind

RETRIES = 3


@shared_task(bind=True, max_retries=RETRIES)
def build_recap(self, recap_id: int) -> str:
    """Build one recap; a failure is retried (after 10, 20, 40 s) and its error kept for the page."""
    try:
        recap = recaps.build(recap_id)
    except (DatabaseError, OSError, ValueError, KeyError) as error:
        final = self.request.retries >= RETRIES
        recaps.mark_failed(recap_id, f"{type(error).__name__}: {error}", final=final)
        if final:
            raise
        raise self.retry(exc=error, countdown=10 * 2**self.request.retries) from error
    return recap.status


@shared_task
def queue_monthly_recaps() -> int:
    """On the 1st of each month: last month's recap of every Puskesmas and Kab/Kota."""
    month = recaps.previous_month(timezone.localdate())
    queued = 0
    for puskesmas in Puskesmas.objects.all():
        queued += recaps.request_recap(kind=RecapKind.PUSKESMAS, area=puskesmas, month=month)[1]
    for kab_kota in KabKota.objects.all():
        queued += recaps.request_recap(kind=RecapKind.KABKOTA, area=kab_kota, month=month)[1]
    return queued
