"""Lomba scoring rules (Django-free): weighted totals normalised to 100, ranking with ties, the
1–4 score of a figure the data gives, and the gaps that need pembinaan.

A criterion's score s (1–4) counts with its weight w; the total is 100 · Σ w·s / (4 · Σ w) over
every criterion of the instrument, so all 4s make 100 and all 1s make 25. Totals are exact
fractions, so two Posyandu tie only when their totals are truly equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

TOP_SCORE = 4
GAP_AT_MOST = 2  # a criterion scored 1 or 2 is a gap that gets pembinaan


def weighted_total(scores: Mapping[str, int], weights: Mapping[str, int]) -> Fraction | None:
    """The total of 100 for `scores` by criterion code; None until every criterion is scored."""
    if not weights or any(code not in scores for code in weights):
        return None
    reached = sum(weights[code] * scores[code] for code in weights)
    return Fraction(100 * reached, TOP_SCORE * sum(weights.values()))


def rank(totals: Mapping[object, Fraction | None]) -> dict[object, int | None]:
    """Standard competition ranking (1, 2, 2, 4): equal totals share a rank and the next rank
    skips; a Posyandu without a total (not fully scored) has no rank."""
    ordered = sorted((t for t in totals.values() if t is not None), reverse=True)
    first_place = {}
    for place, total in enumerate(ordered, start=1):
        first_place.setdefault(total, place)
    return {key: None if t is None else first_place[t] for key, t in totals.items()}


def score_of(
    value: float | None, thresholds: tuple[float, float, float], higher_is_better: bool = True
) -> int | None:
    """The 1–4 score of a figure: `thresholds` are the least values for 2, 3 and 4 (or, where
    lower is better, the greatest). None without a figure."""
    if value is None:
        return None
    if higher_is_better:
        return 1 + sum(value >= t for t in thresholds)
    return 1 + sum(value <= t for t in thresholds)


def gaps(scores: Mapping[str, int]) -> list[str]:
    """Criterion codes scored 1 or 2: each needs pembinaan."""
    return [code for code, score in scores.items() if score <= GAP_AT_MOST]
