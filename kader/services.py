"""Writes of the kader roster, assessments, TKK awards, attendance and the yearly Posyandu
profile: keyword-only, plain values, permission checked inside, one transaction each. The
caller passes objects it fetched through `scope()`."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from common.writes import assign
from registry import access

from .models import (
    Attendance,
    Kader,
    NakesHadir,
    PosyanduTahun,
    Skill,
    SkillAssessment,
    TkkAward,
    TkkLevel,
    Training,
)

KADER_FIELDS = ("nama", "nik", "telepon", "sk_nomor", "sk_tanggal", "mulai", "aktif", "peran")
TRAINING_FIELDS = ("kursus", "tanggal", "penyelenggara", "sertifikat")
NAKES_FIELDS = ("nama", "profesi")
PROFILE_FIELDS = (
    "dana_sehat_persen", "program_tambahan", "sk_nomor", "sk_tanggal", "alat_timbangan", "alat_ukur_tinggi",
    "alat_pita_lila", "alat_buku", "alat_papan_skdn", "gedung",
)  # fmt: skip
NOT_ALLOWED = "Peran Anda tidak dapat mengubah data kader."
ASSESSORS_ONLY = "Penilaian keterampilan dan TKK dicatat oleh petugas Puskesmas."


@transaction.atomic
def kader_save(*, user, posyandu, values: dict, kader: Kader | None = None) -> Kader:
    access.require(access.can_edit_kader(user), NOT_ALLOWED)
    kader = kader or Kader(posyandu=posyandu)
    assign(kader, values, KADER_FIELDS)
    kader.full_clean()
    kader.save()
    return kader


@transaction.atomic
def training_add(*, user, kader: Kader, values: dict) -> Training:
    access.require(access.can_edit_kader(user), NOT_ALLOWED)
    training = Training(kader=kader)
    assign(training, values, TRAINING_FIELDS)
    training.full_clean()
    training.save()
    return training


@transaction.atomic
def attendance_set(*, user, opening_day, meja_by_kader: dict[int, int | None],
                   nakes: list[tuple[str, str]] | None = None) -> int:  # fmt: skip
    """Replace who was on duty on `opening_day` (kader id → meja, None for not on duty) and,
    when `nakes` is given, the health workers present ((nama, profesi) each). Only kader of the
    day's Posyandu; returns how many kader are on duty."""
    access.require(access.can_record_visits(user), NOT_ALLOWED)
    own = set(Kader.objects.filter(posyandu=opening_day.posyandu_id).values_list("pk", flat=True))
    if set(meja_by_kader) - own:
        raise ValidationError("Kader bukan dari Posyandu ini.")
    Attendance.objects.filter(opening_day=opening_day).delete()
    rows = [Attendance(opening_day=opening_day, kader_id=k, meja=m) for k, m in meja_by_kader.items() if m]
    for row in rows:
        row.full_clean(exclude=["opening_day", "kader"])
    Attendance.objects.bulk_create(rows)
    if nakes is not None:
        _nakes_set(opening_day, nakes)
    return len(rows)


def _nakes_set(opening_day, nakes: list[tuple[str, str]]) -> None:
    NakesHadir.objects.filter(opening_day=opening_day).delete()
    present = []
    for nama, profesi in nakes:
        row = NakesHadir(opening_day=opening_day)
        assign(row, {"nama": nama.strip(), "profesi": profesi}, NAKES_FIELDS)
        row.full_clean(exclude=["opening_day"])
        present.append(row)
    NakesHadir.objects.bulk_create(present)


@transaction.atomic
def assessment_record(*, user, kader: Kader, tanggal: dt.date, results: dict[int, tuple[str, str]]) -> int:
    """Record the skills assessed on one date: skill id → (hasil, catatan). Returns the count."""
    access.require(access.can_assess_kader(user), ASSESSORS_ONLY)
    skills = Skill.objects.in_bulk(list(results))
    rows = []
    for skill_id, (hasil, catatan) in results.items():
        row = SkillAssessment(
            kader=kader, skill=skills[skill_id], tanggal=tanggal, hasil=hasil, catatan=catatan, penilai=user
        )
        row.full_clean()
        rows.append(row)
    SkillAssessment.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def tkk_award(*, user, kader: Kader, level: TkkLevel, tanggal: dt.date, penerbit: str) -> TkkAward:
    access.require(access.can_assess_kader(user), ASSESSORS_ONLY)
    award = TkkAward(kader=kader, level=level, tanggal=tanggal, penerbit=penerbit, dicatat_oleh=user)
    award.full_clean()
    award.save()
    return award


@transaction.atomic
def profile_save(*, user, posyandu, tahun: int, values: dict) -> PosyanduTahun:
    access.require(access.can_edit_posyandu_profile(user), NOT_ALLOWED)
    profile, _ = PosyanduTahun.objects.select_for_update().get_or_create(posyandu=posyandu, tahun=tahun)
    assign(profile, values, PROFILE_FIELDS)
    profile.full_clean()
    profile.save()
    return profile
