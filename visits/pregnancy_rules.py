"""Rules of one pregnancy (kehamilan): HPL, gestational age and trimester, the 4T risk flags,
the K1–K6 spread of antenatal contacts (ANC), the TTD and MT running totals and the Td status.

Django-free. HPHT is hari pertama haid terakhir (first day of the last period), HPL hari
perkiraan lahir (the expected birth date); TTD is tablet tambah darah (iron-folate), MT makanan
tambahan for an ibu hamil KEK (kurang energi kronis), Td the tetanus-diphtheria doses T1–T5.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from registry.lifecycle import completed_years

# KMK ILP 2023 L1202-1206: trimester 1 is 0–12 weeks, 2 is > 12–24, 3 is > 24 weeks to birth.
TRIMESTER_ENDS_DAYS = (12 * 7, 24 * 7)
# KMK ILP 2023 L1202-1206: at least 6 contacts, 1 in trimester 1, 2 in 2, 3 in 3.
K6_SPREAD = {1: 1, 2: 2, 3: 3}
K6_CONTACTS = 6
TTD_TARGET_TABLETS = 90  # tablets in one pregnancy (KMK Tabel 4 L1128-1138; recap target)
MT_TARGET_DAYS = 90  # KMK ILP 2023 L1261: MT for ibu hamil KEK for at least 90 days
TD_DOSES = 5  # KMK ILP 2023 L1212: status imunisasi T5
TOO_YOUNG_BELOW = 20
TOO_OLD_ABOVE = 35
TOO_CLOSE_BELOW_YEARS = 2
TOO_MANY_FROM = 4


def _add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months; a day that the month lacks becomes its last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def hpl(hpht: dt.date) -> dt.date:
    """Naegele's rule as on the Buku KIA: HPHT + 7 days − 3 months + 1 year (nine months on; a
    31st that the month lacks becomes its last day)."""
    return _add_months(hpht + dt.timedelta(days=7), 9)


def gestation(hpht: dt.date, on: dt.date) -> tuple[int, int]:
    """Gestational age on `on` as (completed weeks, days), counted from HPHT."""
    weeks, days = divmod((on - hpht).days, 7)
    return weeks, days


def trimester(hpht: dt.date, on: dt.date) -> int:
    """1, 2 or 3 (KMK ILP 2023 L1202-1206): up to 12 weeks 0 days is the first, up to 24
    weeks 0 days the second, beyond it the third."""
    days = (on - hpht).days
    return 1 + sum(days > end for end in TRIMESTER_ENDS_DAYS)


@dataclass(frozen=True)
class FourT:
    """The 4T risk flags ("terlalu muda, tua, dekat, banyak"; KMK ILP 2023 L1118)."""

    terlalu_muda: bool
    terlalu_tua: bool
    terlalu_dekat: bool
    terlalu_banyak: bool

    @property
    def labels(self) -> list[str]:
        names = (
            "Terlalu muda (< 20 tahun)",
            "Terlalu tua (> 35 tahun)",
            "Terlalu dekat (< 2 tahun sejak persalinan terakhir)",
            "Terlalu banyak (≥ 4 anak)",
        )
        flags = (self.terlalu_muda, self.terlalu_tua, self.terlalu_dekat, self.terlalu_banyak)
        return [name for name, flag in zip(names, flags, strict=True) if flag]


def four_t(birth_date: dt.date, hpht: dt.date, last_birth: dt.date | None, para: int | None) -> FourT:
    """4T at conception (HPHT), KMK ILP 2023 L1118: age in completed years < 20 or > 35, less
    than 2 completed years since the last birth, 4 or more births before (para)."""
    age = completed_years(birth_date, hpht)
    close = last_birth is not None and last_birth <= hpht
    close = close and completed_years(last_birth, hpht) < TOO_CLOSE_BELOW_YEARS
    return FourT(
        terlalu_muda=age < TOO_YOUNG_BELOW,
        terlalu_tua=age > TOO_OLD_ABOVE,
        terlalu_dekat=close,
        terlalu_banyak=(para or 0) >= TOO_MANY_FROM,
    )


def contacts_by_trimester(trimesters: Iterable[int]) -> dict[int, int]:
    counts = {1: 0, 2: 0, 3: 0}
    for number in trimesters:
        counts[number] += 1
    return counts


def k6_complete(trimesters: Iterable[int]) -> bool:
    """K6 (KMK ILP 2023 L1202-1206): at least six contacts with at least 1, 2 and 3 of them in
    trimesters 1, 2 and 3."""
    counts = contacts_by_trimester(trimesters)
    enough = sum(counts.values()) >= K6_CONTACTS
    return enough and all(counts[t] >= need for t, need in K6_SPREAD.items())


def ttd_done(total_tablets: int) -> bool:
    """At least 90 tablets in the pregnancy (TTD target, KMK Tabel 4 L1128-1138)."""
    return total_tablets >= TTD_TARGET_TABLETS


def mt_done(total_days: int) -> bool:
    """MT for an ibu hamil KEK given for at least 90 days (KMK ILP 2023 L1261-1263)."""
    return total_days >= MT_TARGET_DAYS


def td_status(doses: Iterable[int]) -> int:
    """Status T (0–5): the highest dose reached without a gap (T1, T2, … in order;
    KMK ILP 2023 L1212, L5436 aims at T5)."""
    given, status = set(doses), 0
    while status + 1 in given and status < TD_DOSES:
        status += 1
    return status


def next_td_dose_error(doses: dict[int, dt.date], dose: int, on: dt.date) -> str | None:
    """Why dose T`dose` on `on` cannot be recorded: out of order, or dated before the dose
    before it (status T is screened dose by dose, KMK ILP 2023 L1212)."""
    if dose in doses:
        return f"T{dose} sudah dicatat ({doses[dose]:%d-%m-%Y})."
    if dose > 1 and dose - 1 not in doses:
        return f"Catat T{dose - 1} lebih dulu."
    if dose > 1 and on <= doses[dose - 1]:
        return f"Tanggal T{dose} harus sesudah T{dose - 1} ({doses[dose - 1]:%d-%m-%Y})."
    return None


# KMK ILP 2023 L1280–1286: KF1 6 jam–2 hari, KF2 3–7, KF3 8–28, KF4 29–42 hari after delivery.
# (kind, first day, last day), days counted from the delivery date (day 0); with dates only,
# KF1's "6 jam" opens on day 0.
KF_WINDOWS = (("KF1", 0, 2), ("KF2", 3, 7), ("KF3", 8, 28), ("KF4", 29, 42))


def kf_missing(delivered: dt.date, on: dt.date, recorded: Iterable[str]) -> list[str]:
    """The nifas visits (KF, KMK ILP 2023 L1280–1286) whose window has opened by `on` (open now
    or already passed) and that are not among `recorded`; none before the delivery or after the
    nifas (day 42)."""
    day, done = (on - delivered).days, set(recorded)
    if not 0 <= day <= KF_WINDOWS[-1][2]:
        return []
    return [kind for kind, first, _last in KF_WINDOWS if first <= day and kind not in done]


def kf_text(kind: str) -> str:
    """'KF2 (hari 3–7)': a KF with its window, as the home-visit list names it."""
    _kind, first, last = next(w for w in KF_WINDOWS if w[0] == kind)
    return f"{kind} (hari {first}–{last})"
