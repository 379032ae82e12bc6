"""Shared fixtures: two Kab/Kota with their Puskesmas and Posyandu, and one user per role.

Every access test has an object in another area that must stay invisible:
  kab1 ─ pkm_a ─ desa_a1 ─ posyandu_a (kader_a), posyandu_a2 (kader_a2)
       └ pkm_b ─ desa_b1 ─ posyandu_b (kader_b)
  kab2 ─ pkm_c ─ desa_c1 ─ posyandu_c (kader_c)
"""

import datetime as dt
import os
from dataclasses import dataclass, field
from itertools import count

import pytest
import time_machine
from django.conf import settings

from registry.models import (
    Desa,
    Household,
    KabKota,
    Kecamatan,
    Person,
    Posyandu,
    Profile,
    Provinsi,
    Puskesmas,
    Relation,
    Role,
)

PASSWORD = "rahasia-uji-123"

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


_serial = count(1)


def make_household(posyandu: Posyandu, **kwargs) -> Household:
    n = next(_serial)
    defaults = {"no_kk": f"1872{n:012d}", "alamat": f"Jl. Uji No. {n}", "desa": posyandu.desa}
    return Household.objects.create(posyandu=posyandu, **{**defaults, **kwargs})


def make_person(household: Household, **kwargs) -> Person:
    n = next(_serial)
    defaults = {
        "nama": f"Warga {n}",
        "jenis_kelamin": "P",
        "tanggal_lahir": dt.date(1990, 1, 1),
        "hubungan": Relation.ANAK,
        "nik": f"18720{n:011d}",
    }
    person = Person(household=household, **{**defaults, **kwargs})
    person.full_clean()
    person.save()
    return person


@dataclass
class Area:
    posyandu: Posyandu
    household: Household
    person: Person


@dataclass
class World:
    kab1: KabKota
    kab2: KabKota
    pkm_a: Puskesmas
    pkm_b: Puskesmas
    pkm_c: Puskesmas
    a: Area
    a2: Area
    b: Area
    c: Area
    users: dict = field(default_factory=dict)


def _user(django_user_model, username, role, **area):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD)
    if role == Role.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save()
    Profile.objects.create(user=user, role=role, **area)
    return user


def _area(desa: Desa, name: str) -> Area:
    posyandu = Posyandu.objects.create(nama=name, desa=desa, jadwal_jenis="tanggal", jadwal_tanggal=10)
    household = make_household(posyandu)
    person = make_person(household, nama=f"Kepala {name}", hubungan=Relation.KEPALA, jenis_kelamin="L")
    return Area(posyandu, household, person)


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db, django_user_model) -> World:
    prov = Provinsi.objects.create(kode="18", nama="Lampung")
    kab1 = KabKota.objects.create(kode="1872", nama="Kota Metro", provinsi=prov)
    kab2 = KabKota.objects.create(kode="1871", nama="Kota Bandar Lampung", provinsi=prov)
    kec1 = Kecamatan.objects.create(kode="187201", nama="Metro Pusat", kab_kota=kab1)
    kec2 = Kecamatan.objects.create(kode="187101", nama="Teluk Betung", kab_kota=kab2)
    pkm_a = Puskesmas.objects.create(nama="Puskesmas A", kab_kota=kab1)
    pkm_b = Puskesmas.objects.create(nama="Puskesmas B", kab_kota=kab1)
    pkm_c = Puskesmas.objects.create(nama="Puskesmas C", kab_kota=kab2)
    desa_a = Desa.objects.create(kode="1872011001", nama="Desa A", kecamatan=kec1, puskesmas=pkm_a)
    desa_b = Desa.objects.create(kode="1872011002", nama="Desa B", kecamatan=kec1, puskesmas=pkm_b)
    desa_c = Desa.objects.create(kode="1871011001", nama="Desa C", kecamatan=kec2, puskesmas=pkm_c)
    w = World(
        kab1, kab2, pkm_a, pkm_b, pkm_c,
        a=_area(desa_a, "Mawar"), a2=_area(desa_a, "Melati"),
        b=_area(desa_b, "Anggrek"), c=_area(desa_c, "Dahlia"),
    )  # fmt: skip
    u = django_user_model
    w.users = {
        "kader_a": _user(u, "kader_a", Role.KADER, posyandu=w.a.posyandu),
        "kader_b": _user(u, "kader_b", Role.KADER, posyandu=w.b.posyandu),
        "staff_a": _user(u, "staff_a", Role.PUSKESMAS, puskesmas=pkm_a),
        "staff_b": _user(u, "staff_b", Role.PUSKESMAS, puskesmas=pkm_b),
        "dinkes_1": _user(u, "dinkes_1", Role.DINKES, kab_kota=kab1),
        "dinkes_2": _user(u, "dinkes_2", Role.DINKES, kab_kota=kab2),
        "admin": _user(u, "admin", Role.ADMIN),
    }
    return w


@pytest.fixture
def login(client, world):
    """Log the test client in as one of the world's users, by name."""

    def as_user(name: str):
        client.force_login(world.users[name])
        return client

    return as_user
