"""Test builders: households, people, users, the two-Kab/Kota world and visit records.

Fixtures in the conftest.py files wrap these; a test that needs one more object calls a builder
directly (`from tests.factories import make_person`). Serial numbers keep NIK and No. KK unique.
"""

import datetime as dt
from dataclasses import dataclass, field
from itertools import count

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
from visits import services

PASSWORD = "rahasia-uji-123"
NOV_15 = dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC)

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


def child_in(posyandu: Posyandu, **kwargs) -> Person:
    """A child without NIK in a new household of `posyandu` headed by its father."""
    household = make_household(posyandu)
    make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L", tanggal_lahir=dt.date(1990, 1, 1))
    return make_person(household, nik=None, **kwargs)


def make_user(django_user_model, username, role, **area):
    """A user with the role's Profile; `area` is posyandu=, puskesmas= or kab_kota=."""
    user = django_user_model.objects.create_user(username=username, password=PASSWORD)
    if role == Role.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save()
    Profile.objects.create(user=user, role=role, **area)
    return user


def save(visit, meja: int, user, **data):
    """Record one table of a visit as a first save (no prior version)."""
    return services.record_save(visit=visit, meja=meja, data=data, user=user, version=None)


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


def make_area(desa: Desa, name: str) -> Area:
    posyandu = Posyandu.objects.create(nama=name, desa=desa, jadwal_jenis="tanggal", jadwal_tanggal=10)
    household = make_household(posyandu)
    person = make_person(household, nama=f"Kepala {name}", hubungan=Relation.KEPALA, jenis_kelamin="L")
    return Area(posyandu, household, person)


def make_world(django_user_model) -> World:
    """Two Kab/Kota, three Puskesmas, four Posyandu and one user per role (see conftest.py)."""
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
        a=make_area(desa_a, "Mawar"), a2=make_area(desa_a, "Melati"),
        b=make_area(desa_b, "Anggrek"), c=make_area(desa_c, "Dahlia"),
    )  # fmt: skip
    u = django_user_model
    w.users = {
        "kader_a": make_user(u, "kader_a", Role.KADER, posyandu=w.a.posyandu),
        "kader_b": make_user(u, "kader_b", Role.KADER, posyandu=w.b.posyandu),
        "staff_a": make_user(u, "staff_a", Role.PUSKESMAS, puskesmas=pkm_a),
        "staff_b": make_user(u, "staff_b", Role.PUSKESMAS, puskesmas=pkm_b),
        "dinkes_1": make_user(u, "dinkes_1", Role.DINKES, kab_kota=kab1),
        "dinkes_2": make_user(u, "dinkes_2", Role.DINKES, kab_kota=kab2),
        "admin": make_user(u, "admin", Role.ADMIN),
    }
    return w
