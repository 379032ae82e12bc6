"""Recaps never stay stuck, with real workers on a Redis of the test's own: a worker killed
mid-build, Redis restarted with a recap queued, Redis down when a recap is requested."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import Recap, RecapKind, RecapStatus
from reports.period import Month
from reports.tasks import build_recap, request_recap, sweep_stuck_recaps
from tests.celery_services import RedisServer, Worker, sending_to, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
AUG = Month(2026, 8)
# Redis gives an unacknowledged task to another worker after 2 s (production: 10 minutes).
FAST_REDELIVERY = {"CELERY_VISIBILITY_TIMEOUT": "2"}


@pytest.fixture
def redis():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def workers(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    started = []

    def start(broker: str, **env) -> Worker:
        started.append(Worker(broker, tmp_path, **FAST_REDELIVERY | env))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()


def status_of(recap: Recap, *wanted: str):
    def reached():
        recap.refresh_from_db()
        return recap.status in wanted

    return reached


def test_a_worker_killed_mid_build_leaves_the_recap_to_another_which_completes_it_once(
    world, redis, workers, settings
):
    recap = services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)[0]
    first = workers(redis.url, RECAP_SHEET_DELAY="0.5")  # seven sheets: 3.5 s
    with sending_to(redis.url):
        build_recap.delay(recap.pk)

    def mid_build():
        recap.refresh_from_db()
        return recap.status == RecapStatus.RUNNING and 30 < recap.progress < 90

    wait_for(mid_build, 60, f"the build to start\n{first.log()}")
    first.kill()
    time.sleep(0.5)
    recap.refresh_from_db()
    assert recap.status == RecapStatus.RUNNING and not recap.file  # stuck until someone takes over
    second = workers(redis.url)
    wait_for(status_of(recap, RecapStatus.DONE, RecapStatus.FAILED), 60, f"the takeover\n{second.log()}")
    assert (recap.status, recap.attempts) == (RecapStatus.DONE, 2), second.log()
    assert second.log().count("succeeded") == 1 and "succeeded" not in first.log()
    assert (settings.MEDIA_ROOT / recap.file).exists() and not list(settings.MEDIA_ROOT.rglob("*.part"))


def test_a_recap_queued_when_redis_restarts_is_sent_again_and_completes(world, redis, workers, settings):
    settings.RECAP_STALE_SECONDS = 0  # the sweeper runs every 5 minutes; here, now
    with sending_to(redis.url):
        recap, outcome = request_recap(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=AUG)
        assert outcome == "queued"
        redis.stop()
        redis.start()  # no persistence: the queued task is gone
        worker = workers(redis.url)
        time.sleep(1)
        assert Recap.objects.get(pk=recap.pk).status == RecapStatus.QUEUED
        assert sweep_stuck_recaps() == 1
        wait_for(status_of(recap, RecapStatus.DONE, RecapStatus.FAILED), 60, f"the build\n{worker.log()}")
    assert (recap.status, recap.attempts) == (RecapStatus.DONE, 1), worker.log()


def test_redis_down_at_request_keeps_the_recap_and_says_so(world, client, workers, settings):
    settings.RECAP_STALE_SECONDS = 0
    down = RedisServer()  # its port, with nothing listening yet
    client.force_login(world.users["staff_a"])
    with sending_to(down.url):
        started = time.monotonic()
        last_month = Month.of(timezone.localdate()).previous  # a month the page offers, whatever today
        asked = {"area": f"puskesmas:{world.pkm_a.pk}", "bulan": last_month.key}
        response = client.post(reverse("recap_list"), asked, follow=True)
        assert time.monotonic() - started < 10
        assert response.status_code == 200
        assert "antrean sedang terganggu. Permintaan disimpan" in response.content.decode()
        recap = Recap.objects.get(puskesmas=world.pkm_a, bulan=last_month.first)
        assert recap.status == RecapStatus.QUEUED
        down.start()  # Redis is back: the sweeper sends the kept request
        try:
            worker = workers(down.url)
            assert sweep_stuck_recaps() == 1
            wait_for(status_of(recap, RecapStatus.DONE, RecapStatus.FAILED), 60, f"the build\n{worker.log()}")
        finally:
            down.stop()
    assert recap.status == RecapStatus.DONE
