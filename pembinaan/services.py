"""Writes of the lomba: keyword-only, plain values, fields whitelisted (`common.writes.assign`),
`full_clean()`, one transaction each, permission checked inside."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.writes import assign
from registry import access
from registry.models import KabKota, Posyandu, Puskesmas
from registry.scoping import get_scoped_or_404

from . import permissions, prefill, selectors
from .models import Assessor, Coaching, Criterion, PosyanduScore, Round

NOT_ASSESSOR = "Hanya penilai yang ditugaskan pada penilaian ini yang dapat memberi skor."
NOT_MANAGER = "Peran Anda tidak dapat mengelola penilaian Posyandu."


@transaction.atomic
def round_create(*, user, nama: str, tahun: int, instrument_id: int, area: str) -> Round:
    """Open a round for `area` ("pkm-<id>" or "kab-<id>", one of `selectors.area_choices`); the
    creator becomes its first assessor."""
    access.require(access.can_manage_lomba(user), NOT_MANAGER)
    if area not in dict(selectors.area_choices(user=user)):
        raise ValidationError({"wilayah": "Pilih wilayah yang tersedia."})
    kind, _, pk = area.partition("-")
    model = Puskesmas if kind == "pkm" else KabKota
    place = {"puskesmas" if kind == "pkm" else "kab_kota": model.objects.get(pk=int(pk))}
    round = Round(dibuat_oleh=user)
    values = {"nama": nama, "tahun": tahun, "instrument_id": instrument_id, **place}
    assign(round, values, ("nama", "tahun", "instrument_id", "puskesmas", "kab_kota"))
    round.full_clean()
    round.save()
    Assessor.objects.create(round=round, user=user)
    return round


@transaction.atomic
def assessor_add(*, user, round: Round, assessor_id: int) -> Assessor:
    access.require(access.can_manage_lomba(user), NOT_MANAGER)
    candidate = selectors.assessor_candidates(round=round).filter(pk=assessor_id).first()
    if candidate is None:
        raise ValidationError({"penilai": "Pilih petugas Puskesmas atau Dinkes dari wilayah penilaian ini."})
    found, _ = Assessor.objects.get_or_create(round=round, user=candidate)
    return found


def _check_score(user, round: Round) -> None:
    access.require(permissions.can_score(user, round), NOT_ASSESSOR)


@transaction.atomic
def scores_save(
    *,
    user,
    round: Round,
    posyandu: Posyandu,
    scores: dict[int, tuple[int, str]],
    today: dt.date | None = None,
) -> list[PosyanduScore]:
    """Save one Posyandu's scores, {criterion id: (skor, alasan)}. Criteria the data answers
    keep the data's value and score beside the assessor's; a different score needs a reason.
    Any refusal saves nothing (the errors are raised together, keyed "skor_<id>"/"alasan_<id>")."""
    _check_score(user, round)
    get_scoped_or_404(selectors.round_posyandu(round=round, user=user), user, pk=posyandu.pk)
    crit = {c.pk: c for c in Criterion.objects.filter(instrument_id=round.instrument_id)}
    found = prefill.prefill(
        codes={c.data_source for c in crit.values()},
        posyandu_ids=[posyandu.pk],
        year=round.tahun,
        today=today or timezone.localdate(),
    )
    existing = selectors.scores_of(round=round, posyandu=posyandu)
    saved, errors = [], {}
    for cid, (skor, alasan) in scores.items():
        data = found.get((posyandu.pk, crit[cid].data_source))
        row = existing.get(cid) or PosyanduScore(round=round, posyandu=posyandu, criterion=crit[cid])
        values = {
            "skor": skor,
            "alasan": alasan.strip(),
            "dinilai_oleh": user,
            "nilai_data": data.value if data else "",
            "skor_data": data.score if data else None,
        }
        assign(row, values, ("skor", "alasan", "dinilai_oleh", "nilai_data", "skor_data"))
        try:
            row.full_clean(exclude=["round", "posyandu", "criterion"])
        except ValidationError as error:
            errors |= {f"{name}_{cid}": messages for name, messages in error.message_dict.items()}
        saved.append(row)
    if errors:
        raise ValidationError(errors)
    for row in saved:
        row.save()
    return saved


@transaction.atomic
def coaching_save(
    *,
    user,
    round: Round,
    posyandu: Posyandu,
    criterion_id: int,
    tanggal: dt.date,
    kegiatan: str,
    tindak_lanjut: str,
    status: str,
    coaching: Coaching | None = None,
) -> Coaching:
    """Record (or update) the pembinaan of one gap of a Posyandu in a round."""
    access.require(access.can_manage_lomba(user), NOT_MANAGER)
    get_scoped_or_404(selectors.round_posyandu(round=round, user=user), user, pk=posyandu.pk)
    if not Criterion.objects.filter(pk=criterion_id, instrument_id=round.instrument_id).exists():
        raise ValidationError({"criterion": "Pilih kriteria dari instrumen penilaian ini."})
    row = coaching or Coaching(round=round, posyandu=posyandu, oleh=user)
    values = {
        "criterion_id": criterion_id,
        "tanggal": tanggal,
        "kegiatan": kegiatan.strip(),
        "tindak_lanjut": tindak_lanjut.strip(),
        "status": status,
    }
    assign(row, values, ("criterion_id", "tanggal", "kegiatan", "tindak_lanjut", "status"))
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def coaching_status_save(*, user, coaching: Coaching, status: str) -> Coaching:
    """Move the follow-up of a pembinaan on (direncanakan → sedang berjalan → selesai)."""
    access.require(access.can_manage_lomba(user), NOT_MANAGER)
    assign(coaching, {"status": status}, ("status",))
    coaching.full_clean()
    coaching.save()
    return coaching
