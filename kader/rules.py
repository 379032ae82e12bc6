"""Tanda kecakapan kader (TKK): the level a kader's assessments earn (Django-free).

The 25 keterampilan dasar fall in 5 areas (bidang). An area counts as mastered when every
skill of it that is in use has "kompeten" as its latest assessment; the TKK level is the highest
level whose `min_bidang` the number of mastered areas reaches. The thresholds are data
(`kader.models.TkkLevel`), because the sources disagree; the default (purwa 1, madya 3,
utama 5 areas) and why is in docs/domain.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

KOMPETEN = "kompeten"
BELUM = "belum"


@dataclass(frozen=True)
class LevelRule:
    kode: str
    nama: str
    min_bidang: int


@dataclass(frozen=True)
class Result:
    """One assessment as the rule reads it."""

    skill_id: int
    tanggal: dt.date
    order: int  # the later of two assessments on one date wins (its id)
    hasil: str


def latest_results(results: Iterable[Result]) -> dict[int, str]:
    """The latest hasil per skill."""
    latest: dict[int, Result] = {}
    for r in results:
        seen = latest.get(r.skill_id)
        if seen is None or (r.tanggal, r.order) > (seen.tanggal, seen.order):
            latest[r.skill_id] = r
    return {skill_id: r.hasil for skill_id, r in latest.items()}


def mastered_areas(skills_by_area: dict[int, set[int]], latest: dict[int, str]) -> set[int]:
    """Areas (with at least one skill) whose every skill is kompeten."""
    return {
        area
        for area, skills in skills_by_area.items()
        if skills and all(latest.get(skill) == KOMPETEN for skill in skills)
    }


def tkk_level(mastered: int, levels: Iterable[LevelRule]) -> LevelRule | None:
    """The highest level reached with `mastered` areas; None below the lowest."""
    reached = [level for level in levels if mastered >= level.min_bidang]
    return max(reached, key=lambda level: level.min_bidang, default=None)


def kompeten_count(latest: dict[int, str]) -> int:
    return sum(1 for hasil in latest.values() if hasil == KOMPETEN)
