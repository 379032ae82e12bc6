"""Reads of the lomba: rounds, the Posyandu of a round, the ranking and a score sheet, all
through `scope()`, in a fixed number of queries whatever the number of Posyandu."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from registry import access
from registry.models import KabKota, Posyandu, Puskesmas, Role
from registry.scoping import scope

from . import scoring
from .models import Assessor, Coaching, Criterion, Instrument, PosyanduScore, Round


def rounds(*, user) -> QuerySet[Round]:
    return scope(Round.objects.select_related("instrument", "puskesmas", "kab_kota"), user)


def instruments() -> QuerySet[Instrument]:
    return Instrument.objects.order_by("nama")


def criteria(round: Round) -> list[Criterion]:
    return list(Criterion.objects.filter(instrument_id=round.instrument_id))


def round_posyandu(*, round: Round, user) -> QuerySet[Posyandu]:
    """The round's Posyandu the user may see: Puskesmas staff in a Kab/Kota round see theirs."""
    rows = Posyandu.objects.filter(round.posyandu_filter()).select_related("desa__puskesmas")
    return scope(rows, user).order_by("desa__puskesmas__nama", "desa__nama", "nama")


def area_choices(*, user) -> list[tuple[str, str]]:
    """Areas a round may be opened for: Dinkes their Kab/Kota and its Puskesmas, staff their own."""
    choices = [(f"pkm-{p.pk}", str(p)) for p in scope(Puskesmas.objects.order_by("nama"), user)]
    if access.can_open_kab_kota_round(user):
        choices = [(f"kab-{k.pk}", str(k)) for k in scope(KabKota.objects.order_by("nama"), user)] + choices
    return choices


def assessor_candidates(*, round: Round):
    """Puskesmas staff and Dinkes of the round's area."""
    if round.puskesmas_id:
        area = Q(profile__puskesmas_id=round.puskesmas_id)
    else:
        area = Q(profile__puskesmas__kab_kota_id=round.kab_kota_id) | Q(
            profile__kab_kota_id=round.kab_kota_id
        )
    roles = Q(profile__role__in=[Role.PUSKESMAS, Role.DINKES])
    return get_user_model().objects.filter(area & roles, is_active=True).order_by("username")


def assessors(round: Round) -> list:
    return [
        a.user for a in Assessor.objects.filter(round=round).select_related("user").order_by("user__username")
    ]


@dataclass
class RankRow:
    posyandu: Posyandu
    scores: dict[str, int] = field(default_factory=dict)  # by criterion code
    total: Fraction | None = None
    rank: int | None = None
    gaps: list[str] = field(default_factory=list)
    coachings: int = 0

    @property
    def total_shown(self) -> str:
        return "–" if self.total is None else f"{float(self.total):.2f}".replace(".", ",")


def ranking(*, round: Round, user) -> tuple[list[Criterion], list[RankRow]]:
    """Each visible Posyandu's weighted total (of 100) and rank, best first; 4 queries."""
    crit = criteria(round)
    code_of = {c.pk: c.kode for c in crit}
    rows = {p.pk: RankRow(p) for p in round_posyandu(round=round, user=user)}
    for pid, cid, skor in PosyanduScore.objects.filter(round=round, posyandu_id__in=rows).values_list(
        "posyandu_id", "criterion_id", "skor"
    ):
        rows[pid].scores[code_of[cid]] = skor
    coached = defaultdict(int)
    for pid in Coaching.objects.filter(round=round, posyandu_id__in=rows).values_list(
        "posyandu_id", flat=True
    ):
        coached[pid] += 1
    weights = {c.kode: c.bobot for c in crit}
    for row in rows.values():
        row.total = scoring.weighted_total(row.scores, weights)
        row.gaps = scoring.gaps({c.kode: row.scores[c.kode] for c in crit if c.kode in row.scores})
        row.coachings = coached[row.posyandu.pk]
    ranks = scoring.rank({pid: row.total for pid, row in rows.items()})
    for pid, row in rows.items():
        row.rank = ranks[pid]
    ordered = sorted(rows.values(), key=lambda r: (r.rank is None, r.rank or 0, r.posyandu.nama))
    return crit, ordered


def scores_of(*, round: Round, posyandu: Posyandu) -> dict[int, PosyanduScore]:
    """The saved scores of one Posyandu by criterion id."""
    return {s.criterion_id: s for s in PosyanduScore.objects.filter(round=round, posyandu=posyandu)}


def coachings(*, round: Round, posyandu: Posyandu, user) -> QuerySet[Coaching]:
    rows = Coaching.objects.filter(round=round, posyandu=posyandu).select_related("criterion", "oleh")
    return scope(rows, user)
