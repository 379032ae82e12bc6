"""A Posyandu's evidence pack (berkas bukti) for a round: identity, kader, its scores with the
data behind them, the year's SKDN and coverage by month, and the pembinaan recorded."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from registry.models import Posyandu, Role
from reports.period import Month
from reports.sections import Layanan, Rujukan
from reports.skdn import Skdn

from . import prefill, selectors
from .models import Coaching, Criterion, PosyanduScore, Round


@dataclass
class MonthRow:
    month: Month
    opened: bool
    skdn: Skdn
    layanan: Layanan
    rujukan: Rujukan


@dataclass
class Evidence:
    round: Round
    posyandu: Posyandu
    kader: list[str]
    scores: list[tuple[Criterion, PosyanduScore | None]]
    months: list[MonthRow]
    opening_days: int
    coachings: list[Coaching]

    @property
    def sk(self) -> PosyanduScore | None:
        """The SK criterion's score and note: the app keeps no SK document yet."""
        return next((score for c, score in self.scores if c.kode == "sk"), None)


def kader_names(posyandu: Posyandu) -> list[str]:
    """The kader with an account at the Posyandu (the kader registry of another change will
    add kader without one)."""
    users = get_user_model().objects.filter(
        profile__role=Role.KADER, profile__posyandu=posyandu, is_active=True
    )
    return [u.get_full_name() or u.username for u in users.order_by("first_name", "username")]


def evidence(*, round: Round, posyandu: Posyandu, user) -> Evidence:
    today = timezone.localdate()
    figures = prefill.year_figures(posyandu_ids=[posyandu.pk], year=round.tahun, today=today)
    pid = posyandu.pk
    months = [
        MonthRow(
            Month(round.tahun, m),
            m in figures.opened.get(pid, ()),
            figures.skdn[m].get(pid, Skdn()),
            figures.layanan[m].get(pid, Layanan()),
            figures.rujukan[m].get(pid, Rujukan()),
        )
        for m in sorted(figures.skdn)
    ]
    saved = selectors.scores_of(round=round, posyandu=posyandu)
    return Evidence(
        round,
        posyandu,
        kader_names(posyandu),
        [(c, saved.get(c.pk)) for c in selectors.criteria(round)],
        months,
        figures.opening_days.get(pid, 0),
        list(selectors.coachings(round=round, posyandu=posyandu, user=user)),
    )
