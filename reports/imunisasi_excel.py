"""The recap's "SKDN umur x JK" sheet (Django-free, openpyxl): the area's S, K, D, N … per age
band and sex, added to the workbook of reports.excel with the same title, header row and number
formats. The immunisation and vitamin A sheets are columns of reports.excel.SHEETS, like every
section of the month's figures."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from common.cells import xlsx_cell

from .excel import BOLD, COUNT, HEADER_ROW, printable
from .period import Month
from .skdn import AGE_BANDS, Skdn

SKDN_FIELDS = [(h, h.lower()) for h in "SKDNTOB"] + [("2T", "two_t"), ("BGM", "bgm")]
BAND_SHEET = "SKDN umur x JK"


def add_band_sheet(book: Workbook, title: str, month: Month, bands: dict[tuple[str, int], Skdn]) -> None:
    """A row per age band and sex (reports.snapshots.month_figures_and_bands: frozen in a closed month)."""
    sheet = book.create_sheet(BAND_SHEET)
    xlsx_cell(sheet, 1, 1, f"{printable(title)}: {BAND_SHEET}").font = Font(bold=True, size=13)
    sheet["A2"] = f"Bulan {month}"
    for col, header in enumerate(["Umur (bulan)", "Jenis kelamin"] + [h for h, _ in SKDN_FIELDS], start=1):
        sheet.cell(HEADER_ROW, col, header).font = BOLD
    r = HEADER_ROW + 1
    for band, (low, high) in enumerate(AGE_BANDS):
        for sex in "LP":
            sheet.cell(r, 1, f"{low}–{high}")
            sheet.cell(r, 2, sex)
            for col, (_, attr) in enumerate(SKDN_FIELDS, start=3):
                sheet.cell(r, col, getattr(bands[(sex, band)], attr)).number_format = COUNT
            r += 1
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)
