"""A real Celery worker process on the real Redis started by `make test` builds a recap."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from openpyxl import load_workbook

from posyandu.celery import app
from reports.models import Recap, RecapKind, RecapStatus
from reports.tasks import build_recap

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path, settings):
    broker = os.environ.get("REDIS_URL")
    if not broker:
        pytest.fail("REDIS_URL is not set: run the suite with `make test`, which starts Redis")
    settings.MEDIA_ROOT = tmp_path
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker,
        "CELERY_EAGER": "0",
        "MEDIA_ROOT": str(tmp_path),
    }
    log = open(tmp_path / "worker.log", "w+")  # noqa: SIM115 (closed below, read on failure)
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "posyandu", "worker", "--pool=solo", "--loglevel=info",
         "--without-gossip", "--without-mingle", "-n", f"test-{uuid.uuid4().hex[:8]}@%h"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    app.conf.task_always_eager = False
    app.conf.broker_url = broker
    try:
        yield log
    finally:
        app.conf.task_always_eager = True
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_worker_builds_a_recap_from_the_queue(world, worker):
    recap = Recap.objects.create(kind=RecapKind.PUSKESMAS, puskesmas=world.pkm_a, kab_kota=world.kab1,
                                 bulan="2026-08-01")  # fmt: skip
    build_recap.delay(recap.pk)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        recap.refresh_from_db()
        if recap.status in (RecapStatus.DONE, RecapStatus.FAILED):
            break
        time.sleep(0.5)
    worker.seek(0)
    log = worker.read()
    assert recap.status == RecapStatus.DONE, log
    assert "build_recap" in log and "succeeded" in log
    sheet = load_workbook(Path(settings.MEDIA_ROOT) / recap.file)["SKDN"]
    assert sheet["A1"].value == "Rekap Puskesmas A: SKDN"
    assert [c.value for c in sheet[8]][:2] == ["Total", None]
