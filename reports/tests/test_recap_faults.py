"""Recaps never stay stuck: only transient errors are retried, a bad area name cannot fail a
build, stuck recaps are requested again or swept, a failed recap is retried from its page."""

import datetime as dt

import pytest
import time_machine
from celery.exceptions import Retry
from django.db import OperationalError
from django.urls import reverse
from openpyxl import load_workbook

from reports import recaps, services
from reports.models import Recap, RecapKind, RecapStatus
from reports.period import Month
from reports.tasks import build_recap, request_recap, sweep_stuck_recaps

AUG = Month(2026, 8)
NOW = dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.RECAP_STALE_SECONDS = 1200


@pytest.fixture
def recap(world):
    return services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)[0]


def first_build_fails(monkeypatch, error: Exception) -> list[int]:
    """The first build of a recap raises `error`; later ones work. Returns the calls made."""
    real, calls = recaps.puskesmas_rows, []

    def flaky(*args):
        calls.append(1)
        if len(calls) == 1:
            raise error
        return real(*args)

    monkeypatch.setattr(recaps, "puskesmas_rows", flaky)
    return calls


def test_a_programming_error_fails_at_once_without_retry(recap, monkeypatch):
    first_build_fails(monkeypatch, KeyError("ds"))
    with pytest.raises(KeyError):
        build_recap.apply(args=[recap.pk]).get()
    recap.refresh_from_db()
    assert (recap.status, recap.attempts) == (RecapStatus.FAILED, 1)
    assert recap.error == "KeyError: 'ds'"


def test_a_transient_database_error_is_retried_and_the_recap_completes(recap, monkeypatch):
    calls = first_build_fails(monkeypatch, OperationalError("server closed the connection unexpectedly"))
    with pytest.raises(Retry):
        build_recap.apply(args=[recap.pk]).get()
    recap.refresh_from_db()
    assert (recap.status, recap.attempts) == (RecapStatus.QUEUED, 1)
    assert recap.error == "OperationalError: server closed the connection unexpectedly"
    build_recap.apply(args=[recap.pk], retries=1).get()  # the retry Celery scheduled
    recap.refresh_from_db()
    assert (recap.status, recap.attempts, len(calls)) == (RecapStatus.DONE, 2, 2)


def test_an_area_name_with_a_control_character_still_builds(world, settings):
    world.pkm_a.nama = "Puskesmas\x1b A\x07"
    world.pkm_a.save()
    recap, outcome = request_recap(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)
    recap = services.build(recap.pk)
    assert recap.status == RecapStatus.DONE
    sheet = load_workbook(settings.MEDIA_ROOT / recap.file)["SKDN"]
    assert sheet["A1"].value == "Rekap Puskesmas A: SKDN"


def test_a_recap_on_its_way_is_not_queued_twice_but_a_stuck_one_is(world):
    with time_machine.travel(NOW, tick=False):
        recap, first = services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)
        Recap.objects.filter(pk=recap.pk).update(status=RecapStatus.RUNNING, progress=40, attempts=1)
    with time_machine.travel(NOW + dt.timedelta(seconds=1199), tick=False):
        assert services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)[1] is False
    with time_machine.travel(NOW + dt.timedelta(seconds=1201), tick=False):
        assert services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)[1] is True
    recap.refresh_from_db()
    assert first is True and (recap.status, recap.progress, recap.attempts) == (RecapStatus.QUEUED, 0, 0)


def test_the_sweeper_requeues_stale_recaps_and_fails_those_stuck_too_often(
    world, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        fresh = services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_b, month=AUG)[0]
    with time_machine.travel(NOW - dt.timedelta(hours=1), tick=False):
        lost = services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)[0]
        dead = services.mark_requested(kind=RecapKind.KABKOTA, area=world.kab1, month=AUG)[0]
        hopeless = services.mark_requested(kind=RecapKind.KABKOTA, area=world.kab2, month=AUG)[0]
    Recap.objects.filter(pk=dead.pk).update(status=RecapStatus.RUNNING, attempts=1, task_id="gone")
    Recap.objects.filter(pk=hopeless.pk).update(status=RecapStatus.RUNNING, attempts=services.MAX_ATTEMPTS)
    with time_machine.travel(NOW + dt.timedelta(seconds=60), tick=False):
        assert sorted(services.stuck_recaps()) == sorted([lost.pk, dead.pk])
    status = dict(Recap.objects.values_list("pk", "status"))
    assert status == {fresh.pk: RecapStatus.QUEUED, lost.pk: RecapStatus.QUEUED, dead.pk: RecapStatus.QUEUED,
                      hopeless.pk: RecapStatus.FAILED}  # fmt: skip
    with time_machine.travel(NOW + dt.timedelta(seconds=120), tick=False):
        assert sweep_stuck_recaps.apply().get() == 0  # just re-queued: not stale any more


def test_a_redelivered_task_takes_over_its_dead_workers_recap_but_no_other(recap):
    Recap.objects.filter(pk=recap.pk).update(status=RecapStatus.RUNNING, attempts=1, task_id="task-1")
    assert services.build(recap.pk, task_id="task-2").status == RecapStatus.RUNNING  # someone else's
    done = services.build(recap.pk, task_id="task-1")
    assert (done.status, done.attempts) == (RecapStatus.DONE, 2)


def test_a_recap_that_kills_its_workers_is_not_taken_over_for_ever(recap):
    Recap.objects.filter(pk=recap.pk).update(status=RecapStatus.RUNNING, attempts=3, task_id="task-1")
    assert services.build(recap.pk, task_id="task-1").status == RecapStatus.DONE  # fourth attempt
    Recap.objects.filter(pk=recap.pk).update(status=RecapStatus.RUNNING, attempts=4, task_id="task-1")
    assert services.build(recap.pk, task_id="task-1").status == RecapStatus.RUNNING  # left to the sweeper


@time_machine.travel(dt.datetime(2026, 11, 16, 10, tzinfo=dt.UTC))  # August is on the page
def test_a_failed_recap_is_retried_from_its_page(login, recap, django_capture_on_commit_callbacks):
    Recap.objects.filter(pk=recap.pk).update(status=RecapStatus.FAILED, attempts=4, error="OSError: disk")
    client = login("staff_a")
    page = client.get(reverse("recap_list")).content.decode()
    assert (
        "Coba lagi" in page
        and f'value="puskesmas:{recap.puskesmas_id}"' in page
        and 'value="2026-08"' in page
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("recap_list"), {"area": f"puskesmas:{recap.puskesmas_id}", "bulan": "2026-08"}
        )
    assert response.status_code == 302
    recap.refresh_from_db()
    assert (recap.status, recap.error) == (RecapStatus.DONE, "")
    assert "Coba lagi" not in client.get(reverse("recap_list")).content.decode()
