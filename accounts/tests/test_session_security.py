"""Idle sessions end; pages are not stored; the Content-Security-Policy allows no inline script."""

import datetime as dt
import re
from pathlib import Path

import time_machine
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
START = dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC)


def test_a_session_idle_longer_than_the_setting_is_logged_out(client, world, settings):
    settings.SESSION_IDLE_MINUTES = 30
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(world.users["kader_a"])
        assert client.get(reverse("person_list")).status_code == 200
        clock.shift(dt.timedelta(minutes=29))
        assert client.get(reverse("person_list")).status_code == 200
        clock.shift(dt.timedelta(minutes=31))
        response = client.get(reverse("person_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_activity_keeps_the_session_alive(client, world, settings):
    settings.SESSION_IDLE_MINUTES = 30
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(world.users["kader_a"])
        for _ in range(4):
            clock.shift(dt.timedelta(minutes=20))
            assert client.get(reverse("person_list")).status_code == 200


def test_personal_data_pages_are_not_stored(login, world):
    client = login("kader_a")
    for url in [reverse("person_list"), reverse("person_detail", args=[world.a.person.pk])]:
        assert "no-store" in client.get(url)["Cache-Control"]


def test_pages_carry_a_csp_without_inline_script(login, world):
    response = login("kader_a").get(reverse("person_list"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy


def test_no_template_has_inline_script_style_or_event_handler():
    offenders = []
    pattern = re.compile(r"<script(?![^>]*\bsrc=)|\son[a-z]+=|\sstyle=|<style", re.IGNORECASE)
    for path in (ROOT / "templates").rglob("*.html"):
        offenders += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in pattern.finditer(path.read_text())]
    assert offenders == []
