"""The one writer of the registers' Excel sheets (bayi & balita; ibu hamil & nifas; WUS/PUS):
a title, the year, a header row, then a row per person with a column per month of the year.
Each register says what differs in a RegisterSheet; the writing is the same. Django-free."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from common.cells import xlsx_cell

from .excel import BOLD, printable

MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


@dataclass
class RegisterSheet:
    sheet_name: str
    title: str
    year: int
    headers: list[str]
    rows: list[list]  # a row's cells in the order of `headers`
    header_row: int = 3
    # The columns that name the row stay in view when scrolling right; the last of them is the
    # name, written wide.
    frozen_columns: int = 1


def register_workbook(register: RegisterSheet) -> Workbook:
    """Text is written so that it never runs as a formula (common.cells.xlsx_cell)."""
    book = Workbook()
    sheet = book.active
    sheet.title = register.sheet_name
    xlsx_cell(sheet, 1, 1, printable(register.title)).font = Font(bold=True, size=13)
    sheet["A2"] = f"Tahun {register.year}"
    for col, header in enumerate(register.headers, start=1):
        cell = sheet.cell(register.header_row, col, header)
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, cells in enumerate(register.rows, start=register.header_row + 1):
        for col, value in enumerate(cells, start=1):
            xlsx_cell(sheet, r, col, printable(value) if isinstance(value, str) else value)
    sheet.freeze_panes = sheet.cell(register.header_row + 1, register.frozen_columns + 1)
    for col in range(1, len(register.headers) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 24 if col == register.frozen_columns else 12
    return book
