"""Shared fixtures: two Kab/Kota with their Puskesmas and Posyandu, and one user per role.

Every access test has an object in another area that must stay invisible:
  kab1 ─ pkm_a ─ desa_a1 ─ posyandu_a (kader_a), posyandu_a2 (kader_a2)
       └ pkm_b ─ desa_b1 ─ posyandu_b (kader_b)
  kab2 ─ pkm_c ─ desa_c1 ─ posyandu_c (kader_c)
"""

import datetime as dt
import os

import pytest
import time_machine
from django.conf import settings

from tests.browser import browser, phone  # noqa: F401  (one Playwright session for every app's tests)
from tests.factories import World, make_world

# The suite's "today": tests never read the real clock. POSYANDU_TEST_TODAY moves it, so the
# whole suite can be run on the dates that break date arithmetic (a 31st, 1 January, 29 February):
#   POSYANDU_TEST_TODAY=2028-02-29 bash scripts/test.sh
DEFAULT_TEST_TODAY = "2026-11-16"
JAKARTA = dt.timezone(dt.timedelta(hours=7))


def test_today() -> dt.date:
    return dt.date.fromisoformat(os.environ.get("POSYANDU_TEST_TODAY") or DEFAULT_TEST_TODAY)


test_today.__test__ = False  # a helper, not a test


def _pin_the_clock():
    """Travel the whole test process to 10:00 in Jakarta on the suite's today; time still ticks
    so that timeouts and waits behave."""
    when = dt.datetime.combine(test_today(), dt.time(10, 0), tzinfo=JAKARTA)
    time_machine.travel(when, tick=True).start()


def pytest_configure(config):
    _pin_the_clock()
    # Cookies without an expiry date: the browser's clock is not pinned, and a cookie that
    # expires a year after a pinned date in the past would already be gone.
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine and os.environ.get("ALLOW_SQLITE_TESTS") != "1":
        pytest.exit("The suite runs on PostgreSQL: use `make test` (or set DATABASE_URL).", 2)
    # Real password hashing costs ~0.3 s a user; the tests do not measure it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each test starts with an empty cache of its own (reports cache closed months).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Tasks run in the test process; tests/test_celery_worker.py runs a real worker on Redis.
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from posyandu.celery import app

    app.conf.task_always_eager = True


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db, django_user_model) -> World:
    return make_world(django_user_model)


@pytest.fixture
def login(client, world):
    """Log the test client in as one of the world's users, by name."""

    def as_user(name: str):
        client.force_login(world.users[name])
        return client

    return as_user
