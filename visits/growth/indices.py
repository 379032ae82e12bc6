"""Anthropometric z-scores of children, as WHO Anthro (0–5 years) and AnthroPlus (5–19 years).

Index names follow the Indonesian forms: bbu (berat badan/umur, weight-for-age), pbu (panjang
or tinggi badan/umur, length/height-for-age), bbpb (berat badan/panjang or tinggi badan,
weight-for-length/height), imtu (indeks massa tubuh/umur, BMI-for-age), lku (lingkar kepala/umur,
head circumference-for-age), lilau (lingkar lengan atas/umur, arm circumference-for-age).

Rules, as in WHO's own code (R packages anthro and anthroplus):
- age in days = visit date − birth date; months = days / 30.4375.
- 0–5 years: age-based indices while months < 60, from the daily tables. A child under 731
  days measured standing gets +0.7 cm, one from 731 days measured lying −0.7 cm; the corrected
  length serves every length-based index. Standing under 9 months is taken as an error in the
  position and gets no correction. BB/PB (45–110 cm) under 731 days, BB/TB (65–120 cm) from
  731 days, by age; LMS interpolated between 0.1 cm rows. LiLA/U from 91 days.
- 5–19 years: 60 ≤ months < 229 (BB/U below 121), LMS interpolated between monthly rows,
  height used as measured (as the current AnthroPlus).
- weight-based indices (bbu, bbpb, imtu, lilau) use the restricted z beyond ±3 SD.
- a value is implausible (flagged, kept, left out of prevalence) beyond the limits in
  FLAG_LIMITS, judged on z rounded to 2 decimals as WHO's tools do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .tables import table
from .zscore import lms_z, lms_z_restricted

DAYS_PER_MONTH = 30.4375
UNDER_FIVE_MONTHS = 60  # the WHO 2006 Standards end here; the WHO 2007 Reference takes over
STANDING_CORRECTION_CM = 0.7
LENGTH_UNTIL_DAYS = 731  # lying length (PB) below 731 days, standing height (TB) from 731
INDICES = ("bbu", "pbu", "bbpb", "imtu", "lku", "lilau")
FLAG_LIMITS = {
    "bbu": (-6, 5),
    "pbu": (-6, 6),
    "bbpb": (-5, 5),
    "imtu": (-5, 5),
    "lku": (-5, 5),
    "lilau": (-5, 5),
}
UNKNOWN, LYING, STANDING = 0, 1, 2
SEX_CODES = {"L": 1, "M": 1, "1": 1, "P": 2, "F": 2, "2": 2}


def sex_code(sex: str) -> int:
    """1 boys, 2 girls; 0 when the text is not one of L/P/M/F/1/2."""
    return SEX_CODES.get((sex or "").strip().upper(), 0)


def _arr(values) -> np.ndarray:
    a = np.asarray(values, dtype=float)
    return np.where(a > 0, a, np.nan)  # a measure of zero or less gives no z-score


def whole_days(age_days) -> np.ndarray:
    """Age rounded half up to whole days, as the tables are daily."""
    return np.floor(np.asarray(age_days, dtype=float) + 0.5)


def corrected_length(age_days, length_cm, position) -> np.ndarray:
    """Length/height made consistent with age: lying below 731 days, standing from 731."""
    months = np.asarray(age_days, float) / DAYS_PER_MONTH
    age, length, pos = whole_days(age_days), _arr(length_cm), np.asarray(position)
    pos = np.where((pos == STANDING) & (months < 9), UNKNOWN, pos)
    length = np.where((age < LENGTH_UNTIL_DAYS) & (pos == STANDING), length + STANDING_CORRECTION_CM, length)
    return np.where((age >= LENGTH_UNTIL_DAYS) & (pos == LYING), length - STANDING_CORRECTION_CM, length)


def _under_five(sex, age, weight, length, head, muac) -> dict[str, np.ndarray]:
    day = whole_days(age)
    z = {
        "bbu": lms_z_restricted(weight, *table("wfa_0_5").at(sex, day)),
        "pbu": lms_z(length, *table("lhfa_0_5").at(sex, day)),
        "imtu": lms_z_restricted(weight / (length / 100) ** 2, *table("bfa_0_5").at(sex, day)),
        "lku": lms_z(head, *table("hcfa_0_5").at(sex, day)),
        "lilau": lms_z_restricted(muac, *table("acfa_0_5").at(sex, day)),
    }
    low = np.trunc(length * 10) / 10
    fraction = (length - low) / 0.1
    by_length = day < LENGTH_UNTIL_DAYS
    wfl = lms_z_restricted(weight, *table("wfl_0_2").interpolated(sex, low, fraction))
    wfh = lms_z_restricted(weight, *table("wfh_2_5").interpolated(sex, low, fraction))
    in_range = np.where(by_length, (length >= 45) & (length <= 110), (length >= 65) & (length <= 120))
    z["bbpb"] = np.where(in_range, np.where(by_length, wfl, wfh), np.nan)
    return z


def _five_to_nineteen(sex, months, weight, height) -> dict[str, np.ndarray]:
    low = np.trunc(months)
    fraction = months - low
    z = {
        "pbu": lms_z(height, *table("hfa_5_19").interpolated(sex, low, fraction)),
        "bbu": lms_z_restricted(weight, *table("wfa_5_10").interpolated(sex, low, fraction)),
        "imtu": lms_z_restricted(
            weight / (height / 100) ** 2, *table("bfa_5_19").interpolated(sex, low, fraction)
        ),
    }
    z["bbu"] = np.where(months < 121, z["bbu"], np.nan)
    nan = np.full(months.shape, np.nan)
    return {**z, "bbpb": nan, "lku": nan, "lilau": nan}


def compute(sex, age_days, weight_kg, length_cm, position, head_cm, muac_cm) -> dict[str, np.ndarray]:
    """z-scores (unrounded) and flags for arrays of measurements; NaN where an index does not apply.

    sex: 1/2 (0 unknown); position: LYING, STANDING or UNKNOWN; missing values as NaN.
    Returns z_<index>, flag_<index> (bool), length (corrected) and bmi.
    """
    sex = np.asarray(sex, dtype=int)
    sex_index = np.where((sex == 1) | (sex == 2), sex - 1, -1)
    age = np.asarray(age_days, dtype=float)
    months = age / DAYS_PER_MONTH
    weight, head, muac = _arr(weight_kg), _arr(head_cm), _arr(muac_cm)
    length = corrected_length(age, length_cm, position)
    is_young = (age >= 0) & (months < UNDER_FIVE_MONTHS)
    is_old = (months >= UNDER_FIVE_MONTHS) & (months < 229)
    # A group with nobody in it is not computed: one measurement (assess) takes half the time.
    none = dict.fromkeys(INDICES, np.full(age.shape, np.nan))
    young = _under_five(sex_index, age, weight, length, head, muac) if is_young.any() else none
    old = _five_to_nineteen(sex_index, months, weight, _arr(length_cm)) if is_old.any() else none
    result: dict[str, np.ndarray] = {"length": length, "bmi": weight / (length / 100) ** 2}
    for name in INDICES:
        z = np.where(is_young, young[name], np.where(is_old, old[name], np.nan))
        z = np.where(np.isfinite(z), z, np.nan)
        low, high = FLAG_LIMITS[name]
        rounded = np.round(z, 2)
        result[f"z_{name}"] = z
        result[f"flag_{name}"] = (rounded < low) | (rounded > high)
    return result


@dataclass(frozen=True)
class ChildMeasurement:
    sex: str  # L (laki-laki) or P (perempuan)
    birth_date: dt.date
    visit_date: dt.date
    weight_kg: float | None = None
    length_cm: float | None = None
    position: int = UNKNOWN  # LYING, STANDING or UNKNOWN (then the age decides)
    head_cm: float | None = None
    muac_cm: float | None = None

    @property
    def age_days(self) -> int:
        return (self.visit_date - self.birth_date).days


@dataclass(frozen=True)
class GrowthResult:
    age_days: int
    z: dict[str, float | None]
    flags: frozenset[str]
    length_cm: float | None  # corrected for the measuring position
    bmi: float | None

    @property
    def age_months(self) -> float:
        return self.age_days / DAYS_PER_MONTH

    @property
    def bbpb_label(self) -> str:
        return "BB/PB" if self.age_days < LENGTH_UNTIL_DAYS else "BB/TB"

    @property
    def pbu_label(self) -> str:
        return "PB/U" if self.age_days < LENGTH_UNTIL_DAYS else "TB/U"


def _nan(value: float | None) -> float:
    return np.nan if value is None else value


def _none(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def assess(m: ChildMeasurement) -> GrowthResult:
    """The z-scores of one measurement (the batch code on arrays of one)."""
    r = compute(
        [sex_code(m.sex)], [m.age_days], [_nan(m.weight_kg)], [_nan(m.length_cm)], [m.position],
        [_nan(m.head_cm)], [_nan(m.muac_cm)],
    )  # fmt: skip
    return GrowthResult(
        age_days=m.age_days,
        z={name: _none(r[f"z_{name}"][0]) for name in INDICES},
        flags=frozenset(name for name in INDICES if r[f"flag_{name}"][0]),
        length_cm=_none(r["length"][0]),
        bmi=_none(r["bmi"][0]),
    )
