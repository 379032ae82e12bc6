"""With Redis (the cache) down, the PWS dashboard and the recap page still answer, with the
same figures, computed from the database."""

import re
import socket
from time import monotonic

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCacheClient
from django.urls import reverse

from posyandu.cache import PAUSE_SECONDS
from reports import services
from reports.models import RecapKind
from reports.period import Month


def cache_at_a_closed_port(settings) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed when the block ends: nothing listens there
    settings.CACHES = {
        "default": {
            "BACKEND": "posyandu.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    cache.set("probe", 1)
    assert cache.get("probe") is None and cache.get_or_set("probe", 2) == 2  # down: a miss


def without_tokens(html: str) -> str:
    return re.sub(r'value="[^"]{64}"', "", html)  # the CSRF token differs on each page


def test_the_pws_dashboard_gives_the_same_figures_with_the_cache_down(login, august, settings):
    client = login("staff_a")
    query = {"bulan": "2026-08", "indikator": "ds"}
    with_cache = client.get(reverse("pws_dashboard"), query)
    cache_at_a_closed_port(settings)
    without_cache = client.get(reverse("pws_dashboard"), query)
    assert without_cache.status_code == 200
    assert "Desa A" in without_cache.content.decode()
    assert without_tokens(without_cache.content.decode()) == without_tokens(with_cache.content.decode())


def test_the_recap_page_answers_with_the_cache_down(login, world, settings):
    services.mark_requested(kind=RecapKind.PUSKESMAS, area=world.pkm_a, month=Month(2026, 8))
    cache_at_a_closed_port(settings)
    response = login("staff_a").get(reverse("recap_list"))
    assert response.status_code == 200 and "Rekap Puskesmas A" in response.content.decode()


def test_a_cache_that_failed_is_left_alone_for_a_while(settings, monkeypatch):
    cache_at_a_closed_port(settings)  # its first read failed: the cache pauses
    tried = []
    monkeypatch.setattr(RedisCacheClient, "get", lambda self, key, default: tried.append(key) or default)
    assert cache.get("k", "miss") == "miss" and tried == []
    later = monotonic() + PAUSE_SECONDS + 1
    monkeypatch.setattr("posyandu.cache.monotonic", lambda: later)
    assert cache.get("k", "miss") == "miss" and tried == [":1:k"]  # tried again after the pause
