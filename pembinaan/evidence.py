"""A Posyandu's evidence pack (berkas bukti) for a round: identity, kader, its scores with the
data behind them, the year's SKDN and coverage by month, and the pembinaan recorded."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from kader.models import Kader
from registry.models import Posyandu
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
    """The active kader of the Posyandu's roster (kader/), with or without an account; "SK" after
    a name when the kader holds one."""
    roster = Kader.objects.filter(posyandu=posyandu, aktif=True).order_by("nama")
    return [f"{k.nama} (SK)" if k.sk_nomor else k.nama for k in roster]


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
