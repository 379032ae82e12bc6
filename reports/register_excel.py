"""Register bayi & balita (SIP format F2), Django-free: a row per child, a column per month of
the year, and its columns and cells for the registers' one Excel writer
(reports.register_sheets)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from visits.service_windows import SCHEDULE

from .excel import HEADER_ROW
from .register_sheets import MONTHS as BULAN
from .register_sheets import RegisterSheet

ANTIGENS = [a for a in SCHEDULE if a != "JE"]  # JE only in endemic areas
ASI_MONTHS = 6  # E1–E6: ASI eksklusif in the child's 1st to 6th month of life


@dataclass
class RegisterRow:
    nama: str
    jenis_kelamin: str
    tanggal_lahir: dt.date
    ibu: str = ""
    timbang: list[str] = field(default_factory=lambda: [""] * 12)  # "8,4 N" per month
    asi: list[bool] = field(default_factory=lambda: [False] * ASI_MONTHS)
    vitamin_a: list[dt.date] = field(default_factory=list)
    imunisasi: dict[str, dt.date] = field(default_factory=dict)
    meninggal: dt.date | None = None


def weighing_text(berat_kg, kms: str) -> str:
    """8,4 N: the weight with a decimal comma and the KMS code of the month."""
    return f"{berat_kg:.1f}".replace(".", ",") + (f" {kms}" if kms else "")


def headers() -> list[str]:
    return (
        ["No", "Nama", "L/P", "Tanggal lahir", "Nama ibu"]
        + [f"BB {b}" for b in BULAN]
        + [f"ASI E{n}" for n in range(1, ASI_MONTHS + 1)]
        + ["Vitamin A"]
        + ANTIGENS
        + ["Tanggal meninggal"]
    )


def cells(number: int, row: RegisterRow) -> list:
    date = lambda d: d.strftime("%d-%m-%Y") if d else ""  # noqa: E731
    return (
        [number, row.nama, row.jenis_kelamin, date(row.tanggal_lahir), row.ibu]
        + row.timbang
        + ["E" if given else "" for given in row.asi]
        + [", ".join(date(d) for d in row.vitamin_a)]
        + [date(row.imunisasi.get(a)) for a in ANTIGENS]
        + [date(row.meninggal)]
    )


def balita_sheet(posyandu: str, year: int, rows: list[RegisterRow]) -> RegisterSheet:
    """The sheet of the register: headers on the recaps' header row, No and Nama kept in view."""
    return RegisterSheet(
        sheet_name="Register bayi balita",
        title=f"Register bayi dan balita {posyandu}",
        year=year,
        headers=headers(),
        rows=[cells(number, row) for number, row in enumerate(rows, start=1)],
        header_row=HEADER_ROW,
        frozen_columns=2,
    )
