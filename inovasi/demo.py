"""Demo data of the inovasi pages: per Puskesmas a donor and an orang tua asuh programme at its
first Posyandu, the children whose weighing qualifies enrolled, weekly PMT, the funds ledger, and
a door prize started last month. Recorded through the services, on the demo visits
(visits.demo), so reasons and outcomes are real."""

from __future__ import annotations

import datetime as dt
import functools
import random

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from registry.models import Person, Posyandu, Puskesmas

from . import services

MENUS = ["Bubur kacang hijau", "Nasi telur sayur bayam", "Nugget ikan lele", "Puding susu kedelai"]
DONORS = [("Bapak H. Sutrisno", "perorangan"), ("PT Agro Lestari (CSR)", "perusahaan")]


def _month_start(today: dt.date, back: int) -> dt.date:
    index = today.year * 12 + today.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _enrol_children(user, programme, starts: list[dt.date], limit: int = 6) -> list:
    """Enrol the first children who qualify on one of `starts` (the earliest that works)."""
    people = Person.objects.filter(household__posyandu=programme.posyandu).select_related("household")
    enrolled = []
    for person in people.order_by("pk"):
        for mulai in starts:
            try:
                enrolled.append(services.enrol(user=user, programme=programme, person=person, mulai=mulai))
                break
            except ValidationError:
                continue  # no qualifying flag then: not (yet) a sasaran of the programme
        if len(enrolled) == limit:
            break
    return enrolled


def _feed(user, enrolment, today: dt.date, rng: random.Random) -> None:
    day = enrolment.mulai
    while day <= today:
        services.delivery_record(
            user=user,
            enrolment=enrolment,
            tanggal=day,
            menu=rng.choice(MENUS),
            porsi=1,
            diberikan_oleh="Kader TPK",
            dimakan=rng.random() < 0.8,
        )
        day += dt.timedelta(days=7)


def _programme(user, puskesmas: Puskesmas, posyandu: Posyandu, today: dt.date, rng: random.Random) -> None:
    mulai = _month_start(today, 2)
    name, kind = DONORS[puskesmas.pk % len(DONORS)]
    contact = "0812-0000-0000"
    donor = services.donor_create(user=user, puskesmas=puskesmas, nama=name, jenis=kind, kontak=contact)
    title = f"Orang tua asuh {posyandu.nama}"
    programme = services.programme_create(user=user, posyandu=posyandu, nama=title, mulai=mulai)
    services.pledge_add(user=user, programme=programme, donor=donor, per_bulan=500_000, bulan=6, mulai=mulai)
    cash = functools.partial(services.ledger_add, user=user, programme=programme)
    cash(tanggal=mulai, arah="masuk", jumlah=1_500_000, sumber="donatur", donor=donor)
    cash(tanggal=mulai, arah="masuk", jumlah=750_000, sumber="dana_desa")
    for enrolment in _enrol_children(user, programme, [mulai, _month_start(today, 1), today]):
        _feed(user, enrolment, today, rng)
        cash(tanggal=today, arah="keluar", jumlah=150_000, enrolment=enrolment)
    cash(tanggal=today, arah="keluar", jumlah=200_000, kegiatan="Kelas masak MP-ASI")


@transaction.atomic
def build_inovasi(*, today: dt.date, seed: int = 2026) -> None:
    rng = random.Random(seed)
    user = get_user_model().objects.get(username="admin")
    for puskesmas in Puskesmas.objects.order_by("pk"):
        posyandu = Posyandu.objects.filter(desa__puskesmas=puskesmas).order_by("pk").first()
        if posyandu is None:
            continue
        _programme(user, puskesmas, posyandu, today, rng)
        services.innovation_create(
            user=user,
            posyandu=posyandu,
            jenis="door_prize",
            nama="Door prize balita ditimbang",
            mulai=_month_start(today, 1),
            keterangan="Undian hadiah kecil bagi balita yang datang ditimbang.",
        )
