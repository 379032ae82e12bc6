"""When a child may be given vitamin A, obat cacing and each immunisation dose (Django-free).

A service outside its window is refused beside the field with the reason; vitamin A outside
February and August is accepted but marked. The immunisation schedule is data: KMK ILP 2023
Tabel 7 (imunisasi dasar bagi bayi, L1776–1816) and Tabel 8 (imunisasi lanjutan bagi baduta,
L1820–1844).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .rules import Subject

Y = 12


@dataclass(frozen=True)
class Dose:
    """One dose of a series: from `min_days`/`min_months` of age, before `max_months` (or
    `max_days`), at least `interval_days` after the previous dose of the same series."""

    antigen: str
    previous: str | None = None
    min_months: int = 0
    max_months: int = 2 * Y
    interval_days: int = 0
    max_days: int | None = None


MONTH = 28  # "1 bulan" between doses of one series (Tabel 7): four weeks, as the programme counts
# Tabel 7–8 give the age each dose is due, not a last age. The upper limits here are the ages
# the tables cover: HB0 within 7 days of birth ("< 24 jam" is when it is due; a baby first seen
# on day 2–7 still gets it), BCG and OPV1 in the first year (Tabel 7 is for bayi), the rest
# before 24 months (Tabel 8 is for baduta). A minimum age is the due age of the table.
SCHEDULE: dict[str, Dose] = {
    d.antigen: d
    for d in [
        Dose("HB0", max_months=1, max_days=8),  # KMK ILP 2023 L1784–1786: < 24 jam
        Dose("BCG", max_months=Y),  # L1788–1790: < 1 bulan
        Dose("OPV1", max_months=Y),  # L1788–1790
        Dose("OPV2", "OPV1", 2, interval_days=MONTH),  # L1792–1794, interval 1 bulan L1796
        Dose("OPV3", "OPV2", 3, interval_days=MONTH),  # L1798–1800
        Dose("OPV4", "OPV3", 4, interval_days=MONTH),  # L1802–1804
        Dose("DPT-HB-Hib1", None, 2),  # L1792–1794
        Dose("DPT-HB-Hib2", "DPT-HB-Hib1", 3, interval_days=MONTH),  # L1798–1800
        Dose("DPT-HB-Hib3", "DPT-HB-Hib2", 4, interval_days=MONTH),  # L1802–1804
        Dose("DPT-HB-Hib4", "DPT-HB-Hib3", 18, interval_days=365),  # Tabel 8 L1834–1838
        Dose("RV1", None, 2),  # L1792–1794
        Dose("RV2", "RV1", 3, interval_days=MONTH),  # L1798–1800
        Dose("RV3", "RV2", 4, interval_days=MONTH),  # L1802–1804
        Dose("PCV1", None, 2),  # L1792–1794
        Dose("PCV2", "PCV1", 3, interval_days=MONTH),  # L1798–1800
        Dose("PCV3", "PCV2", 12, interval_days=8 * 7),  # Tabel 8 L1828–1832: 8 minggu dari PCV2
        Dose("IPV1", None, 4),  # L1802–1804
        Dose("IPV2", "IPV1", 9),  # L1806–1808
        Dose("MR1", None, 9),  # L1806–1808: Campak-Rubela 1
        Dose("MR2", "MR1", 18, interval_days=182),  # L1834, L1840–1842: 6 bulan dari MR1
        Dose("JE", None, 10),  # L1810–1812: daerah endemis
    ]
}


def _age_text(subject: Subject) -> str:
    if subject.months < 1:
        return f"{subject.days} hari"
    return f"{subject.months} bulan"


def _window_text(dose: Dose) -> str:
    if dose.max_days is not None:
        return f"umur 0–{dose.max_days - 1} hari"
    return f"umur {dose.min_months}–{dose.max_months - 1} bulan"


def in_age_window(antigen: str, subject: Subject) -> bool:
    """Whether the child's age on the day lies inside the antigen's window (e.g. HB0 0–7 days)."""
    dose = SCHEDULE[antigen]
    if dose.max_days is not None:
        too_old = subject.days >= dose.max_days
    else:
        too_old = subject.months >= dose.max_months
    return subject.months >= dose.min_months and not too_old


def dose_error(antigen: str, subject: Subject, earlier: dict[str, dt.date], today: set[str]) -> str | None:
    """Why this dose cannot be given now, or None. `earlier`: the date each antigen was given on
    a previous visit; `today`: the antigens ticked on this visit."""
    dose = SCHEDULE[antigen]
    if not in_age_window(antigen, subject):
        return f"{antigen} hanya untuk {_window_text(dose)}; anak ini {_age_text(subject)}."
    if antigen in earlier:
        return f"{antigen} sudah diberikan pada {earlier[antigen]:%d-%m-%Y}."
    if dose.previous is None:
        return None
    if dose.previous in today:
        return f"{antigen} tidak boleh bersamaan dengan {dose.previous} (dosis sebelumnya)."
    given = earlier.get(dose.previous)
    if given is not None and (subject.on - given).days < dose.interval_days:
        return f"{antigen} paling cepat {dose.interval_days} hari sesudah {dose.previous} ({given:%d-%m-%Y})."
    return None


VITAMIN_A = {
    "biru": (6, 12, "Vitamin A biru (100.000 IU)"),
    "merah": (12, 60, "Vitamin A merah (200.000 IU)"),
}
VITAMIN_A_MONTHS = (2, 8)  # given together in February and August, KMK ILP 2023 L1853
OBAT_CACING_MONTHS = (12, 60)  # balita 12–59 months, once a year in August, KMK ILP 2023 L1853–1855


def vitamin_a_error(capsule: str, subject: Subject) -> str | None:
    """Biru for 6–11 months, merah for 12–59 months (KMK ILP 2023 L1853)."""
    if capsule not in VITAMIN_A:
        return None
    low, high, label = VITAMIN_A[capsule]
    if low <= subject.months < high:
        return None
    return f"{label} hanya untuk umur {low}–{high - 1} bulan; anak ini {_age_text(subject)}."


def vitamin_a_note(capsule: str, on: dt.date) -> str | None:
    """Vitamin A outside February and August is accepted but marked (KMK ILP 2023 L1853)."""
    if capsule and on.month not in VITAMIN_A_MONTHS:
        return "di luar bulan vitamin A"
    return None


def obat_cacing_error(subject: Subject) -> str | None:
    """Obat cacing for balita 12–59 months (KMK ILP 2023 L1853–1855)."""
    low, high = OBAT_CACING_MONTHS
    if low <= subject.months < high:
        return None
    return f"Obat cacing hanya untuk umur {low}–{high - 1} bulan; anak ini {_age_text(subject)}."
