"""A register (one row per person, a column per month) as an Excel sheet. Django-free."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from common.cells import xlsx_cell

from .excel import printable

HEADER_ROW = 3


def register_workbook(title: str, year: int, headers: list[str], months: list[str],
                      rows: list[tuple[list, list[str]]]) -> Workbook:  # fmt: skip
    """`rows` are (columns, 12 month cells); text is written so that it never runs as a formula."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    xlsx_cell(sheet, 1, 1, printable(title)).font = Font(bold=True, size=13)
    sheet["A2"] = f"Tahun {year}"
    for col, header in enumerate([*headers, *months], start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, (columns, cells) in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate([*columns, *cells], start=1):
            xlsx_cell(sheet, r, col, printable(value) if isinstance(value, str) else value)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)
    for col in range(1, len(headers) + len(months) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 24 if col == 1 else 12
    return book
