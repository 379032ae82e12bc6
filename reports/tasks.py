"""Celery tasks: build a recap, queue every recap of last month on the 1st, and re-queue stuck
recaps every five minutes (beat). `request_recap` is how views and tasks ask for a recap."""

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from registry.models import KabKota, Puskesmas

from . import recaps, services
from .models import Recap, RecapKind
from .period import Month

log = logging.getLogger(__name__)
RETRIES = 3
# Errors that a later attempt can cure: the database or the disk away for a moment. Anything
# else (ValueError, KeyError, ...) is a fault in the code or the data and fails at once.
TRANSIENT = (OperationalError, InterfaceError, OSError)


@shared_task(bind=True, max_retries=RETRIES)
def build_recap(self, recap_id: int) -> str:
    """Build one recap; a transient failure is retried (after 10, 20, 40 s), any failure is kept
    on the recap for its page."""
    try:
        recap = services.build(recap_id, task_id=self.request.id or "")
    except TRANSIENT as error:
        final = self.request.retries >= RETRIES
        services.mark_failed(recap_id, f"{type(error).__name__}: {error}", final=final)
        if final:
            raise
        raise self.retry(exc=error, countdown=10 * 2**self.request.retries) from error
    except Exception as error:
        services.mark_failed(recap_id, f"{type(error).__name__}: {error}", final=True)
        raise
    return recap.status


def send_build(recap_id: int) -> bool:
    """Send the build task; False when the broker is unreachable. The recap stays queued in the
    database and the sweeper sends it again when Redis is back."""
    try:
        build_recap.delay(recap_id)
    except BrokerError as error:
        log.warning("recap %s kept queued, broker unreachable: %s", recap_id, error)
        return False
    return True


def request_recap(*, kind: str, area, month: Month, user=None) -> tuple[Recap, str]:
    """Ask for the recap of an area and month: returns (recap, outcome), outcome "queued",
    "running" (already on its way) or "kept" (queued in the database, the broker is down).
    The task is sent once the recap's row is committed, so a worker always finds it."""
    sent: list[bool] = []
    with transaction.atomic():
        recap, queued = services.mark_requested(kind=kind, area=area, month=month, user=user)
        if queued:
            transaction.on_commit(lambda: sent.append(send_build(recap.pk)))
    if not queued:
        return recap, "running"
    return recap, "kept" if sent == [False] else "queued"


@shared_task
def queue_monthly_recaps() -> int:
    """On the 1st of each month: last month's recap of every Puskesmas and Kab/Kota."""
    month = recaps.previous_month(timezone.localdate())
    areas = [(RecapKind.PUSKESMAS, p) for p in Puskesmas.objects.all()]
    areas += [(RecapKind.KABKOTA, k) for k in KabKota.objects.all()]
    return sum(request_recap(kind=kind, area=area, month=month)[1] != "running" for kind, area in areas)


@shared_task
def sweep_stuck_recaps() -> int:
    """Every five minutes: send again the recaps whose message was lost or whose worker died."""
    stuck = services.stuck_recaps()
    for recap_id in stuck:
        send_build(recap_id)
    return len(stuck)
