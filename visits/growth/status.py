"""Nutritional status categories of Permenkes No. 2 Tahun 2020 (Standar Antropometri Anak).

Classified on the unrounded z-score. Each rule lists (upper bound, inclusive?, label) from the
lowest category up; "−2 to +1" includes both ends.
"""

from __future__ import annotations

import math

from .indices import DAYS_PER_MONTH, UNDER_FIVE_MONTHS

Rule = list[tuple[float, bool, str]]

BBU: Rule = [
    (-3, False, "Berat badan sangat kurang"),
    (-2, False, "Berat badan kurang"),
    (1, True, "Berat badan normal"),
    (math.inf, True, "Risiko berat badan lebih"),
]
PBU: Rule = [
    (-3, False, "Sangat pendek"),
    (-2, False, "Pendek"),
    (3, True, "Normal"),
    (math.inf, True, "Tinggi"),
]
BBPB: Rule = [
    (-3, False, "Gizi buruk"),
    (-2, False, "Gizi kurang"),
    (1, True, "Gizi baik"),
    (2, True, "Berisiko gizi lebih"),
    (3, True, "Gizi lebih"),
    (math.inf, True, "Obesitas"),
]
IMTU_5_18: Rule = [
    (-3, False, "Gizi buruk"),
    (-2, False, "Gizi kurang"),
    (1, True, "Gizi baik"),
    (2, True, "Gizi lebih"),
    (math.inf, True, "Obesitas"),
]


def classify(z: float | None, rule: Rule) -> str | None:
    if z is None or math.isnan(z):
        return None
    for bound, inclusive, label in rule:
        if z < bound or (inclusive and z == bound):
            return label
    return rule[-1][2]


def status_bbu(z: float | None) -> str | None:
    return classify(z, BBU)


def status_pbu(z: float | None) -> str | None:
    return classify(z, PBU)


def status_bbpb(z: float | None) -> str | None:
    return classify(z, BBPB)


def status_imtu(z: float | None, age_days: float) -> str | None:
    """IMT/U uses the BB/PB categories up to 60 months and its own from 5 to 18 years."""
    return classify(z, BBPB if age_days / DAYS_PER_MONTH < UNDER_FIVE_MONTHS else IMTU_5_18)


def statuses(z: dict[str, float | None], age_days: float) -> dict[str, str | None]:
    return {
        "bbu": status_bbu(z.get("bbu")),
        "pbu": status_pbu(z.get("pbu")),
        "bbpb": status_bbpb(z.get("bbpb")),
        "imtu": status_imtu(z.get("imtu"), age_days),
    }


# Thresholds that define the public-health indicators (used by reports and referral rules).
STUNTING_BELOW = -2  # PB/U or TB/U
WASTING_BELOW = -2  # BB/PB or BB/TB
UNDERWEIGHT_BELOW = -2  # BB/U
OVERWEIGHT_ABOVE = 2  # BB/PB or BB/TB
