"""Demo and benchmark pregnancies: an episode for every woman the registry shows pregnant or
recently delivered (closed with its baby), an older abortus for some, K1–K6 contacts copied from
the Buku KIA, KF/KN after a birth, TTD at the ibu hamil's visits, MT for the KEK and Td doses
for women of 15–49. Bulk writes: it runs at district scale (devdata/district.py) too."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from registry.lifecycle import Group, completed_years
from registry.models import Person

from . import services
from .models import AncContact, Care, Outcome, PostnatalContact, Pregnancy, SupplementaryFood, TdDose, Visit

CONTACT_WEEKS = (10, 16, 22, 27, 32, 36)  # K1–K6 spread 1-2-3 over the trimesters
POSTNATAL_DAYS = {"KF1": 1, "KN1": 1, "KF2": 5, "KN2": 5, "KF3": 15, "KN3": 15, "KF4": 35}
TD_GAPS_DAYS = (0, 30, 200, 400, 400)  # T1 … T5, each after the dose before


def build_pregnancies(*, people, today: dt.date, user=None, seed: int = 2026, kek_visits: bool = True) -> int:
    """Episodes for `people` (a Person queryset), recorded by `user` (the demo's admin by
    default); `kek_visits` saves KEK weighings through meja 2, which needs a user who may edit
    visits. Returns how many episodes were created."""
    rng = random.Random(seed)
    user = user or get_user_model().objects.get(username="admin")
    maternal = Q(hpht__isnull=False) | Q(tanggal_persalinan__isnull=False)
    women = list(people.filter(maternal, jenis_kelamin="P", kehamilan__isnull=True))
    babies = _babies(women)
    episodes, history = [], []
    for woman in women:
        episode = _episode(rng, woman, today, user, babies)
        episodes.append(episode)
        if episode.abortus:  # the earlier pregnancy that ended in an abortus
            hpht = episode.hpht - dt.timedelta(days=700)
            ended = hpht + dt.timedelta(days=70)
            earlier = Pregnancy(
                ibu=woman, hpht=hpht, gravida=episode.gravida - 1, para=episode.para, abortus=0,
                hasil=Outcome.ABORTUS, tanggal_hasil=ended, dicatat_oleh=user,
            )  # fmt: skip
            history.append(earlier)
    Pregnancy.objects.bulk_create(episodes + history, batch_size=2000)
    AncContact.objects.bulk_create(_contacts(rng, episodes, today, user), batch_size=2000)
    PostnatalContact.objects.bulk_create(_postnatal(episodes, today, user), batch_size=2000)
    TdDose.objects.bulk_create(_td_doses(rng, people, today, user), batch_size=2000)
    _ttd_at_visits(rng, [e for e in episodes if e.is_open], user)
    if kek_visits:
        _kek_with_mt(rng, [e for e in episodes if e.is_open], today, user)
    return len(episodes) + len(history)


def _babies(women: list[Person]) -> dict[tuple[int, dt.date], int]:
    """(household, birth date) → the child born that day, for closing an episode with its baby."""
    births = {(w.household_id, w.tanggal_persalinan) for w in women if w.tanggal_persalinan}
    days = {day for _, day in births}
    children = Person.objects.filter(tanggal_lahir__in=days, household_id__in={h for h, _ in births})
    children = children.only("pk", "household_id", "tanggal_lahir")
    return {(c.household_id, c.tanggal_lahir): c.pk for c in children}


def _episode(rng: random.Random, woman: Person, today: dt.date, user, babies) -> Pregnancy:
    para = rng.choice([0, 0, 1, 1, 1, 2, 2, 3, 4])
    abortus = 1 if rng.random() < 0.12 else 0
    born = woman.tanggal_persalinan
    if woman.hpht and not (born and born >= woman.hpht):  # pregnant now
        last = born if born else (woman.hpht - dt.timedelta(days=rng.randint(400, 2500)) if para else None)
        return Pregnancy(ibu=woman, hpht=woman.hpht, gravida=para + abortus + 1, para=para, abortus=abortus,
                         persalinan_terakhir=last, dicatat_oleh=user)  # fmt: skip
    hpht = born - dt.timedelta(days=rng.randint(266, 287))
    stillborn = rng.random() < 0.02
    return Pregnancy(ibu=woman, hpht=hpht, gravida=para + abortus + 1, para=para, abortus=abortus,
                     hasil=Outcome.LAHIR_MATI if stillborn else Outcome.LAHIR_HIDUP, tanggal_hasil=born,
                     bayi_id=None if stillborn else babies.get((woman.household_id, born)),
                     berat_lahir_gram=rng.randint(2300, 3900), dicatat_oleh=user)  # fmt: skip


def _contacts(rng: random.Random, episodes: list[Pregnancy], today: dt.date, user) -> list[AncContact]:
    rows = []
    for episode in episodes:
        end = episode.tanggal_hasil or today
        days = [episode.hpht + dt.timedelta(weeks=w, days=rng.randint(0, 6)) for w in CONTACT_WEEKS]
        days = [d for d in days if d <= end and d <= today and rng.random() < 0.9]
        for ke, day in enumerate(days, start=1):
            oleh = "dokter" if ke in (1, 5) else "bidan"
            rows.append(AncContact(kehamilan=episode, ke=ke, tanggal=day, oleh=oleh, dicatat_oleh=user))
    return rows


def _postnatal(episodes: list[Pregnancy], today: dt.date, user) -> list[PostnatalContact]:
    rows = []
    for episode in episodes:
        if episode.hasil not in (Outcome.LAHIR_HIDUP, Outcome.LAHIR_MATI):
            continue
        for kind, after in POSTNATAL_DAYS.items():
            day = episode.tanggal_hasil + dt.timedelta(days=after)
            if day <= today and (kind.startswith("KF") or episode.hasil == Outcome.LAHIR_HIDUP):
                rows.append(PostnatalContact(kehamilan=episode, jenis=kind, tanggal=day, dicatat_oleh=user))
    return rows


def _td_doses(rng: random.Random, people, today: dt.date, user) -> list[TdDose]:
    rows = []
    for woman in people.filter(jenis_kelamin="P").only("pk", "tanggal_lahir"):
        if not 15 <= completed_years(woman.tanggal_lahir, today) <= 49 or rng.random() < 0.3:
            continue
        fifteen = woman.tanggal_lahir + dt.timedelta(days=15 * 365)
        day = max(fifteen, today - dt.timedelta(days=rng.randint(900, 3000)))
        for dose, gap in enumerate(TD_GAPS_DAYS[: rng.randint(1, 5)], start=1):
            day += dt.timedelta(days=gap)
            if day > today:
                break
            rows.append(TdDose(person=woman, dosis=dose, tanggal=day, dicatat_oleh=user))
    return rows


def _ttd_at_visits(rng: random.Random, episodes: list[Pregnancy], user) -> None:
    """30 TTD tablets at most monthly visits of an ibu hamil (meja 5)."""
    hpht_of = {e.ibu_id: e.hpht for e in episodes}
    visits = Visit.objects.filter(person_id__in=hpht_of, care__isnull=True)
    now = timezone.now()
    chosen = [v for v in visits if v.tanggal >= hpht_of[v.person_id] and rng.random() < 0.85]
    Care.objects.bulk_create([Care(visit=v, ttd_tablet=30, updated_by=user) for v in chosen], batch_size=2000)
    Visit.objects.filter(pk__in=[v.pk for v in chosen]).update(meja5_at=now)


def _kek_with_mt(rng: random.Random, episodes: list[Pregnancy], today: dt.date, user) -> None:
    """About one ibu hamil in ten is KEK (LiLA < 23,5 cm, saved through meja 2 so that its
    referral follows) and gets MT in 30-day rounds since her first weighing."""
    kek = [e for e in episodes if rng.random() < 0.1]
    rows = []
    for episode in kek:
        visits = Visit.objects.filter(person_id=episode.ibu_id, tanggal__gte=episode.hpht)
        visit = visits.filter(measurement__isnull=False).select_related("person", "measurement").first()
        if visit is None or Group.IBU_HAMIL not in visit.person.groups_on(visit.tanggal):
            continue
        measurement = visit.measurement
        data = {"sistol": measurement.sistol, "diastol": measurement.diastol, "lila_cm": 22.4}
        services.record_save(visit=visit, meja=2, data=data, user=user, version=measurement.version)
        day = visit.tanggal
        while day <= today:
            rows.append(SupplementaryFood(kehamilan=episode, tanggal=day, hari=30, dicatat_oleh=user))
            day += dt.timedelta(days=30)
    SupplementaryFood.objects.bulk_create(rows)
