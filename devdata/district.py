"""A generated Kab/Kota at district scale for benchmarks: Puskesmas, Posyandu, households, people
of every life-cycle group and 12 months of opening days with plausible child growth.

Deterministic for a seed and fast: rows are built in memory and written with bulk inserts; the
growth z-scores are computed by the vectorised engine, KMS codes and referrals by the same
functions the app uses. Nothing here is used by the app itself.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import numpy as np
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from common.db import refresh_planner_statistics
from registry.lifecycle import Group
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
    Role,
)
from reports.period import Month
from visits import demo_immunisation
from visits.demo_pregnancy import build_pregnancies
from visits.growth.indices import INDICES, compute
from visits.growth.kms import Weighing, assess_month, kms_history
from visits.growth.status import statuses
from visits.growth.tables import table
from visits.growth.zscore import value_at
from visits.models import Measurement, OpeningDay, Referral, Visit
from visits.referral_rules import VisitFacts, referral_reasons

from .vital import vital_events

KAB_KODE = "1899"
PASSWORD = "posyandu-bench"
BATCH = 5000


def kecamatan_count(puskesmas: int) -> int:
    """About 2.5 Puskesmas a kecamatan, as in Kab. Bogor (101 Puskesmas in 40 kecamatan); the
    kecamatan code has two digits, so at most 99."""
    return max(1, min(99, round(puskesmas * 40 / 101)))


@dataclass
class Scale:
    puskesmas: int = 25
    posyandu: int = 600
    households: int = 45_000
    months: int = 12


class DistrictBuilder:
    def __init__(self, scale: Scale, seed: int, today: dt.date):
        self.scale, self.rng, self.today = scale, random.Random(seed), today
        self.np = np.random.default_rng(seed)
        self.months = [Month.of(today).shift(-i) for i in range(scale.months - 1, -1, -1)]
        self.gone: dict[int, dt.date] = {}  # devdata.vital: no visits after a death or departure

    # -- registry ---------------------------------------------------------------------------
    def wilayah(self) -> list[Posyandu]:
        prov, _ = Provinsi.objects.get_or_create(kode="18", defaults={"nama": "Lampung"})
        kab = KabKota.objects.create(kode=KAB_KODE, nama="Kabupaten Uji Skala", provinsi=prov)
        per_pkm = self.scale.posyandu // self.scale.puskesmas
        kecamatan = [
            Kecamatan.objects.create(kode=f"{KAB_KODE}{k + 1:02d}", nama=f"Kecamatan {k + 1}", kab_kota=kab)
            for k in range(kecamatan_count(self.scale.puskesmas))
        ]
        desa_in_kec = [0] * len(kecamatan)
        posyandu = []
        for p in range(self.scale.puskesmas):
            k = p % len(kecamatan)
            kec = kecamatan[k]
            pkm = Puskesmas.objects.create(nama=f"Puskesmas Uji {p + 1:02d}", kab_kota=kab)
            first, desa_in_kec[k] = desa_in_kec[k], desa_in_kec[k] + (per_pkm + 2) // 3
            desa = Desa.objects.bulk_create(
                Desa(
                    kode=f"{kec.kode}2{first + d + 1:03d}",
                    nama=f"Desa {p + 1}-{d + 1}",
                    kecamatan=kec,
                    puskesmas=pkm,
                )  # fmt: skip
                for d in range((per_pkm + 2) // 3)
            )
            posyandu += [
                Posyandu(
                    nama=f"Posyandu {p + 1}-{i + 1}",
                    desa=desa[i // 3],
                    jadwal_jenis="tanggal",
                    jadwal_tanggal=1 + (i % 20),
                )  # fmt: skip
                for i in range(per_pkm)
            ]
        self.kab = kab
        return Posyandu.objects.bulk_create(posyandu, batch_size=BATCH)

    def users(self, posyandu: list[Posyandu]) -> None:
        User = get_user_model()
        password = make_password(PASSWORD)  # hashed once: the same password for every bench user
        names = [f"bench.kader.{p.pk}" for p in posyandu] + [
            f"bench.pkm.{p.pk}" for p in Puskesmas.objects.filter(kab_kota=self.kab)
        ]
        users = User.objects.bulk_create(
            [User(username=n, password=password) for n in names], batch_size=BATCH
        )
        by_name = {u.username: u for u in users}
        profiles = [
            Profile(user=by_name[f"bench.kader.{p.pk}"], role=Role.KADER, posyandu=p) for p in posyandu
        ]
        profiles += [
            Profile(user=by_name[f"bench.pkm.{p.pk}"], role=Role.PUSKESMAS, puskesmas=p)
            for p in Puskesmas.objects.filter(kab_kota=self.kab)
        ]
        dinkes = User.objects.create(username="bench.dinkes", password=password)
        profiles.append(Profile(user=dinkes, role=Role.DINKES, kab_kota=self.kab))
        Profile.objects.bulk_create(profiles, batch_size=BATCH)

    def _born(self, low_years: float, high_years: float) -> dt.date:
        return self.today - dt.timedelta(days=int(self.rng.uniform(low_years * 365.25, high_years * 365.25)))

    def people(self, posyandu: list[Posyandu]) -> list[Person]:
        per = self.scale.households // len(posyandu)
        households = Household.objects.bulk_create(
            [Household(no_kk=f"{KAB_KODE}{i:012d}", alamat=f"Jl. Uji {i % 300}", rt=f"{i % 9 + 1:03d}",
                       rw=f"{i % 5 + 1:03d}", desa_id=p.desa_id, posyandu=p)  # fmt: skip
             for n, p in enumerate(posyandu) for i in range(n * per, (n + 1) * per)],
            batch_size=BATCH,
        )  # fmt: skip
        people = []
        for h in households:
            people += self._members(h)
        return Person.objects.bulk_create(people, batch_size=BATCH)

    def _members(self, h: Household) -> list[Person]:
        r = self.rng
        six_years_ago = self.today - dt.timedelta(days=6 * 365)

        def mk(nama: str, sex: str, born: dt.date, rel: str, **kw) -> Person:
            return Person(household=h, nama=nama, jenis_kelamin=sex, tanggal_lahir=born, hubungan=rel,
                          buku_kia=born > six_years_ago, **kw)  # fmt: skip

        out = [mk(f"Kepala {h.no_kk[-5:]}", "L", self._born(22, 70), "kepala")]
        wife = {}
        roll = r.random()
        if roll < 0.08:
            wife["hpht"] = self.today - dt.timedelta(days=r.randint(20, 250))
        elif roll < 0.14:
            wife["tanggal_persalinan"] = self.today - dt.timedelta(days=r.randint(1, 400))
        out.append(mk(f"Istri {h.no_kk[-5:]}", "P", self._born(19, 45), "pasangan", **wife))
        if r.random() < 0.8:
            out.append(mk(f"Balita {h.no_kk[-5:]}", r.choice("LP"), self._born(0, 4.95), "anak"))
        for chance in (0.6, 0.45):
            if r.random() < chance:
                out.append(mk(f"Anak {h.no_kk[-5:]}", r.choice("LP"), self._born(5, 17.9), "anak"))
        if r.random() < 0.15:
            out.append(mk(f"Lansia {h.no_kk[-5:]}", "P", self._born(60, 85), "orang_tua"))
        return out

    # -- visits -----------------------------------------------------------------------------
    def visits(self, posyandu: list[Posyandu], people: list[Person], user) -> int:
        by_posyandu: dict[int, list[Person]] = {}
        household_posyandu = dict(
            Household.objects.filter(posyandu__in=posyandu).values_list("pk", "posyandu_id")
        )
        for person in people:
            by_posyandu.setdefault(household_posyandu[person.household_id], []).append(person)
        days = {}
        for month in self.months:
            for p in posyandu:
                day = min(p.jadwal.date_in(month.year, month.month), self.today)
                days[(p.pk, month)] = OpeningDay(posyandu=p, tanggal=day, dibuka_oleh=user)
        OpeningDay.objects.bulk_create(days.values(), batch_size=BATCH)
        trajectories = {}
        visits, rows = [], []
        for (pid, _), day in days.items():
            for person in by_posyandu.get(pid, []):
                if day.tanggal > self.gone.get(person.pk, day.tanggal):
                    continue  # dead or departed: no visit after that day
                groups = set(person.groups_on(day.tanggal))
                child = Group.BAYI_BALITA in groups
                if child and self.rng.random() < 0.8:
                    z = trajectories.setdefault(person.pk, self.np.normal(-0.5, 1.0))
                    z -= 0.3 if self.rng.random() < 0.06 else -0.02
                    trajectories[person.pk] = z
                    rows.append(("child", person, day, z))
                elif groups & {Group.USIA_DEWASA, Group.LANSIA, Group.IBU_HAMIL} and self.rng.random() < 0.12:
                    rows.append(("adult", person, day, self.rng.choice([110, 118, 125, 132, 138, 146, 162])))
                else:
                    continue
                visits.append(
                    Visit(
                        person=person, posyandu_id=pid, opening_day=day, tanggal=day.tanggal, created_by=user
                    )
                )
        Visit.objects.bulk_create(visits, batch_size=BATCH)
        measurements = self._measurements(rows, visits, user)
        Measurement.objects.bulk_create(measurements, batch_size=BATCH)
        Referral.objects.bulk_create(self._referrals(visits, measurements), batch_size=BATCH)
        return len(visits)

    def _measurements(self, rows, visits, user) -> list[Measurement]:
        child = [(i, r) for i, r in enumerate(rows) if r[0] == "child"]
        sex = np.array([1 if r[1].jenis_kelamin == "L" else 2 for _, r in child])
        age = np.array([(r[2].tanggal - r[1].tanggal_lahir).days for _, r in child], dtype=float)
        z = np.array([r[3] for _, r in child])
        wfa, lhfa = table("wfa_0_5"), table("lhfa_0_5")
        weight = np.round(value_at(z, *wfa.at(sex - 1, age)), 1)
        length = np.round(value_at(z - 0.4, *lhfa.at(sex - 1, age)), 1)
        position = np.where(age < 731, 1, 2)
        result = compute(sex, age, weight, length, position, np.full(len(z), np.nan), np.full(len(z), np.nan))
        out = [None] * len(rows)
        for k, (i, _) in enumerate(child):
            zs = {
                name: (None if np.isnan(result[f"z_{name}"][k]) else float(result[f"z_{name}"][k]))
                for name in INDICES
            }
            m = Measurement(visit=visits[i], berat_kg=float(weight[k]), tinggi_cm=float(length[k]),
                            cara_ukur=int(position[k]), umur_hari=int(age[k]), updated_by=user,
                            implausible=";".join(n for n in INDICES if result[f"flag_{n}"][k]),
                            **{f"z_{n}": zs[n] for n in INDICES})  # fmt: skip
            for name, label in statuses(zs, age[k]).items():
                setattr(m, f"status_{name}", label or "")
            out[i] = m
        for i, row in enumerate(rows):
            if row[0] == "adult":
                out[i] = Measurement(visit=visits[i], sistol=row[3], diastol=row[3] * 5 // 8, updated_by=user)
        self._kms(out)
        return out

    def _kms(self, measurements: list[Measurement]) -> None:
        by_child: dict[int, list[Measurement]] = {}
        for m in measurements:
            if m.berat_kg is not None and "bbu" not in m.implausible.split(";"):
                by_child.setdefault(m.visit.person_id, []).append(m)
        for items in by_child.values():
            born = items[0].visit.person.tanggal_lahir
            history = kms_history(
                born, [Weighing(m.visit.tanggal, m.berat_kg, idx) for idx, m in enumerate(items)]
            )
            for result in history:
                m = items[result.weighing.ref]
                m.kms, m.two_t = result.code.value, result.two_t
                m.bgm = assess_month(result, m.z_bbu).bgm
                m._kms_result = result

    def _referrals(self, visits: list[Visit], measurements: list[Measurement]) -> list[Referral]:
        out = []
        for visit, m in zip(visits, measurements, strict=True):
            groups = frozenset(visit.person.groups_on(visit.tanggal))
            result = getattr(m, "_kms_result", None)
            facts = VisitFacts(
                groups=groups, age_days=(visit.tanggal - visit.person.tanggal_lahir).days,
                measurements={"sistol": m.sistol, "diastol": m.diastol},
                status={k: getattr(m, f"status_{k}") or None for k in ("bbu", "pbu", "bbpb", "imtu")},
                implausible=frozenset(filter(None, m.implausible.split(";"))),
                kms=assess_month(result, m.z_bbu) if result else None,
            )  # fmt: skip
            out += [Referral(visit=visit, kode=code, alasan=text) for code, text in referral_reasons(facts)]
        return out


@transaction.atomic
def build_district(*, scale: Scale, seed: int, today: dt.date) -> dict[str, int]:
    builder = DistrictBuilder(scale, seed, today)
    posyandu = builder.wilayah()
    builder.users(posyandu)
    people = builder.people(posyandu)
    admin = get_user_model().objects.get(username="bench.dinkes")
    builder.gone = vital_events(builder, people, admin)
    visits = builder.visits(posyandu, people, admin)
    women = Person.objects.filter(household__posyandu__in=posyandu)
    build_pregnancies(people=women, today=today, user=admin, seed=seed, kek_visits=False)
    demo_immunisation.build(today=today, seed=seed, user=admin)
    refresh_planner_statistics()
    return {"posyandu": len(posyandu), "people": len(people), "visits": visits}


def district_exists() -> bool:
    return KabKota.objects.filter(kode=KAB_KODE).exists()
