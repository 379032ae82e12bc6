"""A child's immunisation card on a date: done, due, overdue; IDL and baduta lengkap (Django-free).

The schedule is `service_windows.SCHEDULE` (KMK ILP 2023 Tabel 7–8, L1776–1845): this module
only reads it. `doses` is always antigen → the date it was given, from any place (Posyandu,
another facility, copied from the Buku KIA).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass

from registry.lifecycle import completed_months

from .rules import Subject
from .service_windows import SCHEDULE, dose_error

# JE is given only in endemic areas (Tabel 7 footnote **, L1814): shown when given, never due.
ENDEMIC_ONLY = {"JE"}
# A dose is "terlambat" (overdue) one month after it fell due: the kader then follows the child
# up at home, DOFU (drop out follow up, KMK ILP 2023 L1848). Four weeks is the schedule's month.
OVERDUE_AFTER_DAYS = 28
# Imunisasi dasar lengkap: every dose of Tabel 7 for all bayi (L1776–1816; the indicator
# "% imunisasi dasar lengkap", L7569–7571), each before the first birthday.
IDL = ("HB0", "BCG", "OPV1", "OPV2", "OPV3", "OPV4", "DPT-HB-Hib1", "DPT-HB-Hib2", "DPT-HB-Hib3",
       "IPV1", "MR1")  # fmt: skip
IDL_BEFORE_MONTHS = 12
# Imunisasi baduta lengkap: the lanjutan doses of Tabel 8 (L1834–1842) before 24 months (L7573).
BADUTA = ("DPT-HB-Hib4", "MR2")
BADUTA_BEFORE_MONTHS = 24


class Status(enum.StrEnum):
    SUDAH = "sudah"
    BELUM_WAKTUNYA = "belum waktunya"
    JATUH_TEMPO = "jatuh tempo"
    TERLAMBAT = "terlambat"
    LEWAT_UMUR = "lewat umur"


@dataclass(frozen=True)
class CardRow:
    antigen: str
    status: Status
    tanggal: dt.date | None  # given on (sudah) or due from (the others, when known)


def age_reached(birth_date: dt.date, months: int) -> dt.date:
    """The first day on which a child born on `birth_date` has completed `months` months."""
    index = birth_date.year * 12 + (birth_date.month - 1) + months
    year, month0 = divmod(index, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    if birth_date.day <= last_day:
        return dt.date(year, month0 + 1, birth_date.day)
    return dt.date(year, month0 + 1, last_day) + dt.timedelta(days=1)


def due_date(antigen: str, birth_date: dt.date, doses: dict[str, dt.date]) -> dt.date | None:
    """When a dose falls due: its age in Tabel 7–8 and, for a later dose of a series, the minimum
    interval after the previous one (L1796, L1828–1842). None while the previous dose is missing."""
    dose = SCHEDULE[antigen]
    due = age_reached(birth_date, dose.min_months)
    if dose.previous is None:
        return due
    previous = doses.get(dose.previous)
    if previous is None:
        return None
    return max(due, previous + dt.timedelta(days=dose.interval_days))


def _window_closed(antigen: str, birth_date: dt.date, on: dt.date) -> bool:
    dose = SCHEDULE[antigen]
    if dose.max_days is not None:
        return (on - birth_date).days >= dose.max_days
    return completed_months(birth_date, on) >= dose.max_months


def card(birth_date: dt.date, doses: dict[str, dt.date], on: dt.date) -> list[CardRow]:
    """Every antigen of the schedule with its status on `on`, in the schedule's order."""
    rows = []
    for antigen in SCHEDULE:
        if antigen in doses:
            rows.append(CardRow(antigen, Status.SUDAH, doses[antigen]))
        elif antigen not in ENDEMIC_ONLY:
            due = due_date(antigen, birth_date, doses)
            rows.append(CardRow(antigen, _open_status(antigen, birth_date, due, on), due))
    return rows


def _open_status(antigen: str, birth_date: dt.date, due: dt.date | None, on: dt.date) -> Status:
    if _window_closed(antigen, birth_date, on):
        return Status.LEWAT_UMUR
    if due is None or on < due:
        return Status.BELUM_WAKTUNYA
    if (on - due).days >= OVERDUE_AFTER_DAYS:
        return Status.TERLAMBAT
    return Status.JATUH_TEMPO


def complete_by(doses: dict[str, dt.date], antigens: tuple[str, ...], birth_date: dt.date,
                before_months: int) -> bool:  # fmt: skip
    """All `antigens` given, each before the child completed `before_months` months."""
    limit = age_reached(birth_date, before_months)
    return all(a in doses and doses[a] < limit for a in antigens)


def is_idl(birth_date: dt.date, doses: dict[str, dt.date]) -> bool:
    """Imunisasi dasar lengkap: HB0, BCG, OPV1–4, DPT-HB-Hib1–3, IPV1 and MR1 (Campak-Rubela 1),
    all before the first birthday (KMK ILP 2023 Tabel 7 L1776–1816, indicator L7571)."""
    return complete_by(doses, IDL, birth_date, IDL_BEFORE_MONTHS)


def is_baduta_lengkap(birth_date: dt.date, doses: dict[str, dt.date]) -> bool:
    """Imunisasi baduta lengkap: DPT-HB-Hib4 and MR2 before 24 months (KMK ILP 2023 Tabel 8
    L1834–1842, indicator L7573)."""
    return complete_by(doses, BADUTA, birth_date, BADUTA_BEFORE_MONTHS)


def dose_date_error(antigen: str, birth_date: dt.date, tanggal: dt.date, today: dt.date,
                    others: dict[str, dt.date]) -> str | None:  # fmt: skip
    """Why a dose typed in (given here, elsewhere or copied from the Buku KIA) cannot be recorded
    on `tanggal`, or None. `others`: the person's other recorded doses. The age window and the
    interval after the previous dose are those of the meja 5 form (service_windows.dose_error,
    KMK ILP 2023 Tabel 7–8 L1776–1845)."""
    if antigen not in SCHEDULE:
        return "Pilih jenis imunisasi dari daftar."
    if tanggal > today:
        return "Tanggal tidak boleh sesudah hari ini."
    if tanggal < birth_date:
        return f"Tanggal sebelum tanggal lahir anak ({birth_date:%d-%m-%Y})."
    previous = SCHEDULE[antigen].previous
    if previous in others and others[previous] >= tanggal:
        return f"{antigen} harus sesudah {previous} ({others[previous]:%d-%m-%Y})."
    for later, dose in SCHEDULE.items():
        if dose.previous == antigen and later in others and others[later] <= tanggal:
            return f"{antigen} harus sebelum {later} ({others[later]:%d-%m-%Y})."
    before = {a: d for a, d in others.items() if d < tanggal or a == antigen}
    return dose_error(antigen, Subject(birth_date, tanggal), before, set())


def doses_of_status(rows: list[CardRow], *statuses: Status) -> list[str]:
    return [row.antigen for row in rows if row.status in statuses]
