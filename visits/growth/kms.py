"""KMS (Kartu Menuju Sehat) weight monitoring, as in the Buku KIA.

Each month a weighed child gets one code:
- N (naik): gained at least the KBM since last month;
- T (tidak naik): gained less than the KBM, stayed flat or lost;
- O: weighed this month but not last month, so no judgement;
- B (baru): first weighing ever.
KBM (kenaikan berat badan minimal) is the minimum monthly gain, read at the child's age in
completed months on the day of this month's weighing. This month's weighing is compared with last
calendar month's, against that one KBM: weighings 29 or 33 days apart need the same gain, and
KBMs are never added up over the days in between. A child weighed twice in a month counts with
the later weighing (the caller leaves out implausible ones).
2T is T in two consecutive months. BGM (bawah garis merah) is BB/U below −3 SD.

Sources: the KBM table and the N/T rule of the KMS, Permenkes 155/2010 (Penggunaan KMS bagi
Balita) and the Buku KIA 2023; growth monitoring at the Posyandu, KMK ILP 2023 L1738; T (balita
tidak naik berat badan adekuat) as a Puskesmas growth indicator, KMK ILP 2023 L7581.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from registry.lifecycle import completed_months


class KmsCode(enum.StrEnum):
    N = "N"
    T = "T"
    O = "O"  # noqa: E741  (the letter printed on the KMS)
    B = "B"


# Grams by age in completed months: the KBM table of the KMS, Permenkes 155/2010 (Penggunaan KMS
# bagi Balita); the Buku KIA 2023 prints the same sequence. The one table of KBM in the project.
KBM_GRAMS: dict[int, int] = {1: 800, 2: 900, 3: 800, 4: 600, 5: 500, 6: 400, 7: 400, 8: 300, 9: 300, 10: 300}
KBM_FROM_11_MONTHS = 200
BGM_BELOW_Z = -3.0
ORANGE_LINE_Z = 1.0  # above the orange line of the 2021 KMS, about +1 SD
KMS_UNTIL_MONTHS = 60


class ReferralRule(enum.StrEnum):
    """When a kader refers a child for weight: Buku KIA 2023 (default) or the surveillance rule."""

    BUKU_KIA = "buku_kia"  # refer at a single T, below the red line, or above the orange line
    SURVEILANS = "surveilans"  # refer at 2T or BGM


def kbm_grams(age_months: int) -> int:
    """KBM at an age in completed months; a child not yet one month old needs the 1-month KBM."""
    if age_months < 1:
        return KBM_GRAMS[1]
    return KBM_GRAMS.get(age_months, KBM_FROM_11_MONTHS)


def required_gain_grams(birth_date: dt.date, current: dt.date) -> int:
    """The KBM at the child's age in completed months on the day of this month's weighing
    (Permenkes 155/2010 KMS table): one month's KBM, never a sum over the days between."""
    return kbm_grams(completed_months(birth_date, current))


@dataclass(frozen=True)
class Weighing:
    date: dt.date
    weight_kg: float
    ref: int | None = field(default=None, compare=False)  # the caller's id of this weighing


@dataclass(frozen=True)
class MonthResult:
    month: dt.date  # the first day of the month
    weighing: Weighing
    code: KmsCode
    gain_grams: int | None = None
    kbm_grams: int | None = None
    two_t: bool = False


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _previous_month(month: dt.date) -> dt.date:
    return (month - dt.timedelta(days=1)).replace(day=1)


def monthly_weighings(weighings: list[Weighing]) -> dict[dt.date, Weighing]:
    """One weighing a month: the later one wins when a child was weighed twice (on the same day,
    the one given last)."""
    by_month: dict[dt.date, Weighing] = {}
    for weighing in sorted(weighings, key=lambda w: w.date):
        by_month[_month(weighing.date)] = weighing
    return by_month


def kms_history(birth_date: dt.date, weighings: list[Weighing]) -> list[MonthResult]:
    """N/T/O/B for every month in which the child was weighed, oldest first."""
    by_month = monthly_weighings(weighings)
    results: list[MonthResult] = []
    codes: dict[dt.date, KmsCode] = {}
    for month, weighing in sorted(by_month.items()):
        last = by_month.get(_previous_month(month))
        if not results:
            result = MonthResult(month, weighing, KmsCode.B)
        elif last is None:
            result = MonthResult(month, weighing, KmsCode.O)
        else:
            gain = round((weighing.weight_kg - last.weight_kg) * 1000)
            kbm = required_gain_grams(birth_date, weighing.date)
            code = KmsCode.N if gain >= kbm else KmsCode.T
            two_t = code == KmsCode.T and codes.get(_previous_month(month)) == KmsCode.T
            result = MonthResult(month, weighing, code, gain, kbm, two_t)
        codes[month] = result.code
        results.append(result)
    return results


@dataclass(frozen=True)
class KmsRules:
    referral: ReferralRule = ReferralRule.BUKU_KIA
    orange_line_z: float = ORANGE_LINE_Z
    bgm_below_z: float = BGM_BELOW_Z


@dataclass(frozen=True)
class KmsAssessment:
    code: KmsCode | None
    two_t: bool
    bgm: bool
    above_orange: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def refer(self) -> bool:
        return bool(self.reasons)


def is_bgm(z_bbu: float | None, rules: KmsRules = KmsRules()) -> bool:
    return z_bbu is not None and z_bbu < rules.bgm_below_z


def assess_month(
    result: MonthResult | None, z_bbu: float | None, rules: KmsRules = KmsRules()
) -> KmsAssessment:
    """The month's KMS code with the referral reasons under the chosen rule."""
    code = result.code if result else None
    two_t = bool(result and result.two_t)
    bgm = is_bgm(z_bbu, rules)
    above_orange = z_bbu is not None and z_bbu > rules.orange_line_z
    reasons = []
    if rules.referral == ReferralRule.BUKU_KIA:
        if code == KmsCode.T:
            reasons.append(
                "2T (tidak naik dua bulan berturut-turut)" if two_t else "Berat badan tidak naik (T)"
            )
        if above_orange:
            reasons.append("Di atas garis oranye")
    elif two_t:
        reasons.append("2T (tidak naik dua bulan berturut-turut)")
    if bgm:
        reasons.append("Di bawah garis merah (BGM)")
    return KmsAssessment(code, two_t, bgm, above_orange, reasons)
