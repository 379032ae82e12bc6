"""A real Celery worker process on the real Redis started by `make test` builds a recap."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import load_workbook

from reports.models import Recap, RecapKind, RecapStatus
from reports.tasks import build_recap
from tests.celery_services import Worker, sending_to, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(tmp_path, settings):
    broker = os.environ.get("REDIS_URL")
    if not broker:
        pytest.fail("REDIS_URL is not set: run the suite with `make test`, which starts Redis")
    settings.MEDIA_ROOT = tmp_path
    process = Worker(broker, tmp_path)
    try:
        with sending_to(broker):
            yield process
    finally:
        process.stop()


def test_worker_builds_a_recap_from_the_queue(world, worker):
    recap = Recap.objects.create(kind=RecapKind.PUSKESMAS, puskesmas=world.pkm_a, kab_kota=world.kab1,
                                 bulan="2026-08-01")  # fmt: skip
    build_recap.delay(recap.pk)

    def finished():
        recap.refresh_from_db()
        return recap.status in (RecapStatus.DONE, RecapStatus.FAILED)

    wait_for(finished, 90, "the worker to build the recap")
    log = worker.log()
    assert recap.status == RecapStatus.DONE, log
    assert "build_recap" in log and "succeeded" in log
    sheet = load_workbook(Path(settings.MEDIA_ROOT) / recap.file)["SKDN"]
    assert sheet["A1"].value == "Rekap Puskesmas A: SKDN"
    assert [c.value for c in sheet[8]][:2] == ["Total", None]
