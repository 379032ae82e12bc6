"""Demo lomba for the quick start: Dinkes open this year's Kab/Kota round with the default
instrument, Dinkes and both Puskesmas score every Posyandu (the data's score where the data
answers, one override with its reason), and the Puskesmas record pembinaan for the gaps.
Deterministic for a given seed."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model

from registry.models import Posyandu, Role

from . import prefill, services
from .models import CoachingStatus, Criterion, Instrument, Round

ACTIVITIES = {
    "sk": "Pendampingan penyusunan SK Posyandu bersama pemerintah desa",
    "sarana": "Usulan pengadaan alat ukur lewat Dana Desa",
    "kader": "Rekrutmen dan orientasi kader baru",
    "pencatatan": "Pelatihan pencatatan di aplikasi untuk kader",
}


def build_lomba(*, today: dt.date, seed: int = 2026) -> int:
    """The round and its scores; returns the number of Posyandu scored (0 when already built)."""
    if Round.objects.exists():
        return 0
    rng = random.Random(seed)
    users = get_user_model().objects.select_related("profile")
    dinkes = users.filter(profile__role=Role.DINKES).first()
    staff = {u.profile.puskesmas_id: u for u in users.filter(profile__role=Role.PUSKESMAS)}
    instrument = Instrument.objects.order_by("pk").first()
    round = services.round_create(
        user=dinkes,
        nama="Lomba Posyandu",
        tahun=today.year,
        instrument_id=instrument.pk,
        area=f"kab-{dinkes.profile.kab_kota_id}",
    )
    for user in staff.values():
        services.assessor_add(user=dinkes, round=round, assessor_id=user.pk)
    criteria = list(Criterion.objects.filter(instrument=instrument))
    posyandu = list(Posyandu.objects.filter(round.posyandu_filter()).select_related("desa").order_by("pk"))
    data = prefill.prefill(
        codes={c.data_source for c in criteria},
        posyandu_ids=[p.pk for p in posyandu],
        year=today.year,
        today=today,
    )
    for i, place in enumerate(posyandu):
        scores = {}
        for c in criteria:
            found = data.get((place.pk, c.data_source))
            scores[c.pk] = (
                (found.score, "") if found and found.score else (rng.choice([1, 2, 3, 3, 4, 4]), "")
            )
        if i == 0:  # one assessor saw more than the app holds
            hari_buka = next(c for c in criteria if c.kode == "hari_buka")
            scores[hari_buka.pk] = (4, "Register kertas mencatat 12 kali buka sebelum aplikasi dipakai")
        assessor = staff.get(place.desa.puskesmas_id, dinkes)
        services.scores_save(user=assessor, round=round, posyandu=place, scores=scores, today=today)
        _coach(round, place, criteria, scores, assessor, today, rng)
    return len(posyandu)


def _coach(round, place, criteria, scores, user, today, rng) -> None:
    """Pembinaan for up to two gaps of a Posyandu, with their follow-up status."""
    gaps = [c for c in criteria if scores[c.pk][0] <= 2][:2]
    for c in gaps:
        services.coaching_save(
            user=user,
            round=round,
            posyandu=place,
            criterion_id=c.pk,
            tanggal=today - dt.timedelta(days=rng.randint(3, 40)),
            kegiatan=ACTIVITIES.get(c.kode, f"Pembinaan: {c.nama.lower()}"),
            tindak_lanjut="Dipantau pada hari buka berikutnya",
            status=rng.choice(list(CoachingStatus)),
        )
