"""Demo kader and strata data for the quick start: 6–8 kader per Posyandu (one is the demo
kader login), trainings, skill assessments by the Puskesmas' bidan with TKK awarded, who was on
duty on each opening day, earlier opening days of the year at some Posyandu (so their strata
differ), and the yearly profile (dana sehat, programmes, SK, tools). Written after the visits
demo, through the services where a rule applies."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from registry.lifecycle import Group
from registry.models import Person, Posyandu, Profile, Role
from visits import services as visit_services
from visits.demo import _child_values
from visits.models import OpeningDay

from . import selectors, services
from .models import Attendance, Kader, NakesHadir, Peran, PosyanduTahun, Profesi, Skill, TkkLevel, Training

NAMES = [
    "Siti Aminah",
    "Rina Marlina",
    "Dewi Sartika",
    "Yuli Astuti",
    "Nur Hasanah",
    "Tuti Alawiyah",
    "Lestari Handayani",
    "Wahyuni",
    "Sri Mulyani",
    "Endang Rahayu",
    "Fitri Yanti",
    "Ratna Sari",
]
COURSES = [
    ("25 keterampilan dasar kader (Plataran Sehat)", "Kemenkes"),
    ("Pemantauan pertumbuhan", "Puskesmas"),
    ("Deteksi dini PTM", "Dinkes Kab/Kota"),
]
EARLIER_MONTHS = 4  # with the visits demo's 4 months: 8 opening days, Madya reachable
PROGRAMS = [
    "Kelas ibu hamil",
    "Bina Keluarga Balita (BKB)",
    "PAUD",
    "Posyandu remaja",
    "UP2K",
    "Kelas lansia",
]


@transaction.atomic
def build_kader(*, today: dt.date, seed: int = 2026) -> int:
    rng = random.Random(seed + 14)
    admin = get_user_model().objects.get(username="admin")
    bidan = {
        p.puskesmas_id: p.user for p in Profile.objects.filter(role=Role.PUSKESMAS).select_related("user")
    }
    logins = {p.posyandu_id: p.user for p in Profile.objects.filter(role=Role.KADER).select_related("user")}
    skills, levels = list(Skill.objects.all()), selectors.level_rules()
    count = 0
    for i, posyandu in enumerate(Posyandu.objects.select_related("desa").order_by("pk")):
        team = _roster(rng, posyandu, logins.get(posyandu.pk), admin, i, today)
        assessor = bidan.get(posyandu.desa.puskesmas_id, admin)
        for kader in team:
            _assess(rng, kader, skills, levels, assessor, today)
        if i % 3 == 0:  # one in three Posyandu held earlier opening days too: its strata differ
            _earlier_days(rng, posyandu, admin, today)
        for day in OpeningDay.objects.filter(posyandu=posyandu):
            on_duty = rng.sample([k for k in team if k.aktif], k=min(len(team) - 1, rng.choice([4, 5, 5, 6])))
            Attendance.objects.bulk_create(
                Attendance(opening_day=day, kader=k, meja=n % 5 + 1) for n, k in enumerate(on_duty)
            )
            NakesHadir.objects.bulk_create(_nakes(rng, day))
        _home_visits(rng, posyandu, logins.get(posyandu.pk), today)
        for year in (today.year - 1, today.year):
            _profile(rng, posyandu, admin, year, i)
        count += len(team)
    return count


NAKES = [
    ("Bd. Sri Wahyuni", Profesi.BIDAN),
    ("Ns. Agus Salim", Profesi.PERAWAT),
    ("Dewi Lestari", Profesi.GIZI),
]


def _nakes(rng, day) -> list[NakesHadir]:
    """The bidan desa at every opening day, a perawat or tenaga gizi on some."""
    return [NakesHadir(opening_day=day, nama=nama, profesi=profesi)
            for nama, profesi in NAKES[: rng.choice([1, 1, 2, 3])]]  # fmt: skip


def _roster(rng, posyandu, login, admin, i, today) -> list[Kader]:
    names = rng.sample(NAMES, k=rng.choice([6, 7, 8]))
    team = []
    for n, name in enumerate(names):
        values = {
            "nama": name,
            "telepon": f"0812{rng.randint(10**7, 10**8 - 1)}",
            "sk_nomor": f"141/{12 + i}/SK/{today.year - 2}" if n < 6 else "",
            "mulai": dt.date(today.year - rng.randint(1, 8), rng.randint(1, 12), 1),
            "sk_tanggal": dt.date(today.year - 2, 1, 15) if n < 6 else None,
            "aktif": n < len(names) - 1,
            "peran": [Peran.KETUA, Peran.SEKRETARIS, Peran.BENDAHARA][n] if n < 3 else Peran.ANGGOTA,
        }
        kader = services.kader_save(user=admin, posyandu=posyandu, values=values)
        if n == 0 and login is not None:
            Kader.objects.filter(pk=kader.pk).update(user=login)
        for course, provider in rng.sample(COURSES, k=rng.randint(0, 2)):
            tanggal = today - dt.timedelta(days=rng.randint(30, 900))
            Training.objects.create(
                kader=kader,
                kursus=course,
                tanggal=tanggal,
                penyelenggara=provider,
                sertifikat=f"PS-{tanggal.year}-{rng.randint(1000, 9999)}" if "Plataran" in course else "",
            )
        team.append(kader)
    return team


def _assess(rng, kader, skills, levels, assessor, today) -> None:
    if rng.random() < 0.3:
        return  # not assessed yet
    skill_rate = rng.choice([0.6, 0.8, 0.95, 1.0])
    tanggal = today - dt.timedelta(days=rng.randint(20, 200))
    results = {s.pk: ("kompeten" if rng.random() < skill_rate else "belum", "") for s in skills}
    services.assessment_record(user=assessor, kader=kader, tanggal=tanggal, results=results)
    level = selectors.skill_status(kader).level
    if level is not None:
        services.tkk_award(
            user=assessor,
            kader=kader,
            level=TkkLevel.objects.get(kode=level.kode),
            tanggal=tanggal + dt.timedelta(days=14),
            penerbit="Kepala Dinas Kesehatan",
        )


def _earlier_days(rng, posyandu, admin, today) -> None:
    """Opening days of the year before the visits demo's months, with most balita weighed."""
    first = OpeningDay.objects.filter(posyandu=posyandu).order_by("tanggal").first()
    balita = [p for p in Person.objects.filter(household__posyandu=posyandu)]
    last = first.tanggal.month if first and first.tanggal.year == today.year else today.month
    for month in range(max(1, last - EARLIER_MONTHS), last):
        tanggal = posyandu.jadwal.date_in(today.year, month)
        day = visit_services.opening_day_open(posyandu=posyandu, tanggal=tanggal, user=admin)
        for person in balita:
            if Group.BAYI_BALITA in person.groups_on(tanggal) and rng.random() < 0.75:
                visit = visit_services.visit_register(person=person, opening_day=day, user=admin)
                data = _child_values(person, tanggal, rng.gauss(-0.4, 0.8))
                visit_services.record_save(visit=visit, meja=2, data=data, user=admin, version=None)


def _home_visits(rng, posyandu, login, today) -> None:
    if login is None:
        return
    people = list(Person.objects.filter(household__posyandu=posyandu).order_by("?")[:3])
    for person in people[: rng.randint(1, 3)]:
        visit_services.visit_register(
            person=person, user=login, tanggal=today - dt.timedelta(days=rng.randint(1, 20))
        )


def _profile(rng, posyandu, admin, year, i) -> None:
    values = {
        "dana_sehat_persen": rng.choice([None, 35, 48, 52, 64]),
        "program_tambahan": "\n".join(rng.sample(PROGRAMS, k=i % 3)),
        "sk_nomor": f"140/{20 + i}/Kpts/{year - 3}",
        "sk_tanggal": dt.date(year - 3, 3, 1),
        **{name: rng.random() < 0.8 for name in (*PosyanduTahun.TOOLS, "gedung")},
    }
    services.profile_save(user=admin, posyandu=posyandu, tahun=year, values=values)
