"""Demo data for the quick start: one Kab/Kota, two Puskesmas, six desa, eight Posyandu, and
households with people of every life-cycle group. Deterministic for a given seed.

Region codes follow the Kemendagri pattern but are illustrative, not an official list.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import (
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

DEMO_PASSWORD = "posyandu-demo"
KAB_KOTA = ("1872", "Kota Metro")
WILAYAH = {
    # kecamatan code, name, Puskesmas, [(desa code suffix, desa name, [posyandu names])]
    ("187201", "Metro Pusat", "Puskesmas Metro"): [
        ("1001", "Metro", ["Mawar", "Melati"]),
        ("1002", "Imopuro", ["Anggrek"]),
        ("1003", "Hadimulyo Barat", ["Kenanga"]),
    ],
    ("187203", "Metro Timur", "Puskesmas Iringmulyo"): [
        ("1001", "Iringmulyo", ["Dahlia", "Flamboyan"]),
        ("1002", "Yosodadi", ["Cempaka"]),
        ("1003", "Yosorejo", ["Teratai"]),
    ],
}
MEN = ["Agus", "Budi", "Joko", "Slamet", "Hendra", "Rudi", "Wahyu", "Eko", "Dedi", "Suryadi"]
WOMEN = ["Siti", "Sri", "Dewi", "Wati", "Yuni", "Rina", "Nur", "Ani", "Lestari", "Ratna"]
CHILDREN = ["Rizky", "Putri", "Aditya", "Nabila", "Fajar", "Aisyah", "Bima", "Zahra", "Dimas", "Salsa"]
SURNAMES = ["Saputra", "Wijaya", "Pratama", "Santoso", "Hidayat", "Lestari", "Kurniawan", "Rahayu"]
HOUSEHOLDS_PER_POSYANDU = 12


@dataclass
class Login:
    username: str
    role: str
    area: str


class DemoBuilder:
    def __init__(self, seed: int, today: dt.date):
        self.rng = random.Random(seed)
        self.today = today
        self.serial = 0
        self.logins: list[Login] = []

    def birth_date(self, min_days: int, max_days: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(min_days, max_days))

    def nik(self, kecamatan: str, born: dt.date, sex: str) -> str:
        self.serial += 1
        day = born.day + (40 if sex == "P" else 0)
        return f"{kecamatan}{day:02d}{born.month:02d}{born.year % 100:02d}{self.serial % 10000:04d}"

    def person(self, household, kecamatan, nama, sex, born, hubungan, **extra) -> Person:
        infant_without_nik = (self.today - born).days < 365 and self.rng.random() < 0.5
        return Person(
            household=household,
            nama=nama,
            jenis_kelamin=sex,
            tanggal_lahir=born,
            hubungan=hubungan,
            nik=None if infant_without_nik else self.nik(kecamatan, born, sex),
            telepon=f"08{self.rng.randint(10**9, 10**10 - 1)}" if hubungan == Relation.KEPALA else "",
            buku_kia=(self.today - born).days < 6 * 365 and self.rng.random() < 0.9,
            **extra,
        )

    def household_members(self, household, kecamatan: str, index: int) -> list[Person]:
        surname = self.rng.choice(SURNAMES)
        head_born = self.birth_date(24 * 365, 62 * 365)
        members = [
            self.person(
                household, kecamatan, f"{self.rng.choice(MEN)} {surname}", "L", head_born, Relation.KEPALA
            )
        ]
        wife_born = self.birth_date(20 * 365, 45 * 365)
        maternal = {}
        if index % 4 == 0:  # pregnant, 8–30 weeks
            maternal["hpht"] = self.today - dt.timedelta(weeks=self.rng.randint(8, 30))
        elif index % 4 == 1:  # gave birth in the last 40 days, or breastfeeding
            maternal["tanggal_persalinan"] = self.today - dt.timedelta(days=self.rng.randint(5, 300))
        members.append(
            self.person(
                household,
                kecamatan,
                f"{self.rng.choice(WOMEN)} {surname}",
                "P",
                wife_born,
                Relation.SUAMI_ISTRI,
                **maternal,
            )
        )
        ranges = [(0, 1825), (1826, 2190), (2191, 6500)]  # balita, prasekolah, sekolah/remaja
        for n in range(self.rng.randint(1, 3)):
            if "tanggal_persalinan" in maternal and n == 0:
                born = maternal["tanggal_persalinan"]
            else:
                born = self.birth_date(*ranges[(index + n) % 3])
            sex = self.rng.choice("LP")
            members.append(
                self.person(
                    household, kecamatan, f"{self.rng.choice(CHILDREN)} {surname}", sex, born, Relation.ANAK
                )
            )
        if index % 3 == 0:
            members.append(
                self.person(
                    household,
                    kecamatan,
                    f"{self.rng.choice(WOMEN)} {surname}",
                    "P",
                    self.birth_date(60 * 365, 80 * 365),
                    Relation.ORANG_TUA,
                )
            )
        return members

    def user(self, username: str, role: str, area=None, **area_kwargs):
        User = get_user_model()
        user = User.objects.create_user(username=username, password=DEMO_PASSWORD)
        if role == Role.ADMIN:
            user.is_staff = user.is_superuser = True
            user.save()
        Profile.objects.create(user=user, role=role, **area_kwargs)
        self.logins.append(Login(username, Role(role).label, str(area or "semua wilayah")))

    def build(self) -> None:
        provinsi = Provinsi.objects.create(kode="18", nama="Lampung")
        kab_kota = KabKota.objects.create(kode=KAB_KOTA[0], nama=KAB_KOTA[1], provinsi=provinsi)
        self.user("admin", Role.ADMIN)
        self.user("dinkes", Role.DINKES, kab_kota, kab_kota=kab_kota)
        for (kec_code, kec_name, pkm_name), desa_list in WILAYAH.items():
            kecamatan = Kecamatan.objects.create(kode=kec_code, nama=kec_name, kab_kota=kab_kota)
            puskesmas = Puskesmas.objects.create(nama=pkm_name, kab_kota=kab_kota)
            self.user(f"bidan.{pkm_name.split()[-1].lower()}", Role.PUSKESMAS, puskesmas, puskesmas=puskesmas)
            for suffix, desa_name, posyandu_names in desa_list:
                desa = Desa.objects.create(
                    kode=kec_code + suffix, nama=desa_name, kecamatan=kecamatan, puskesmas=puskesmas
                )
                for day, name in enumerate(posyandu_names, start=5):
                    self.posyandu(desa, name, kec_code, day)

    def posyandu(self, desa: Desa, name: str, kecamatan: str, day: int) -> None:
        posyandu = Posyandu.objects.create(
            nama=name, desa=desa, alamat=f"Balai RW {day - 4:02d}", jadwal_jenis="tanggal", jadwal_tanggal=day
        )
        self.user(f"kader.{name.lower()}", Role.KADER, posyandu, posyandu=posyandu)
        people = []
        for index in range(HOUSEHOLDS_PER_POSYANDU):
            household = Household.objects.create(
                no_kk=f"{kecamatan}{self.rng.randint(10**9, 10**10 - 1)}",
                alamat=f"Jl. {self.rng.choice(['Mawar', 'Kenari', 'Merpati', 'Cendana'])} No. {index + 1}",
                rt=f"{index % 5 + 1:03d}",
                rw=f"{day - 4:03d}",
                desa=desa,
                posyandu=posyandu,
            )
            people += self.household_members(household, kecamatan, index)
        Person.objects.bulk_create(people)


def demo_exists() -> bool:
    return KabKota.objects.filter(kode=KAB_KOTA[0]).exists()


@transaction.atomic
def build_demo(*, seed: int = 2026, today: dt.date) -> list[Login]:
    builder = DemoBuilder(seed, today)
    builder.build()
    return builder.logins


def demo_logins() -> list[Login]:
    return [
        Login(p.user.username, p.get_role_display(), str(p.area or "semua wilayah"))
        for p in Profile.objects.select_related("user", "posyandu", "puskesmas", "kab_kota").order_by("id")
    ]
