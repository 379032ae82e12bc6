"""Register bayi & balita (SIP format F2), Django-free: a row per child, a column per month of
the year, and the same rows as an Excel sheet (openpyxl)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from common.cells import xlsx_cell
from visits.service_windows import SCHEDULE

from .excel import BOLD, HEADER_ROW, printable

BULAN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
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


def register_workbook(posyandu: str, year: int, rows: list[RegisterRow]) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Register bayi balita"
    xlsx_cell(sheet, 1, 1, f"Register bayi dan balita {printable(posyandu)}").font = Font(bold=True, size=13)
    sheet["A2"] = f"Tahun {year}"
    for col, header in enumerate(headers(), start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True)
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(cells(r - HEADER_ROW, row), start=1):
            xlsx_cell(sheet, r, col, printable(value) if isinstance(value, str) else value)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)
    sheet.column_dimensions["B"].width = 24
    return book
