"""The recap's immunisation, vitamin A and SKDN-by-sex-and-age sheets (Django-free, openpyxl),
added to the workbook of reports.excel with the same title, header row and number formats."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from common.cells import xlsx_cell

from .excel import BOLD, COUNT, HEADER_ROW, PERCENT, SUBTOTAL_FILL, TOTAL_FILL, printable
from .imunisasi import ANTIGENS, ImunisasiMonth
from .period import Month
from .skdn import AGE_BANDS, Skdn

SKDN_FIELDS = [(h, h.lower()) for h in "SKDNTOB"] + [("2T", "two_t"), ("BGM", "bgm")]


def _share(n: int, d: int) -> float | None:
    return n / d if d else None


def imunisasi_values(r: ImunisasiMonth) -> list[tuple[str, float | int | None, str]]:
    """(header, value, number format) of one row of the "Imunisasi" sheet."""
    cells: list[tuple[str, float | int | None, str]] = [(a, r.dosis[a], COUNT) for a in ANTIGENS]
    cells += [("IDL", r.idl, COUNT), ("Baduta lengkap", r.baduta_lengkap, COUNT)]
    return cells


def vitamin_a_values(r: ImunisasiMonth) -> list[tuple[str, float | int | None, str]]:
    return [
        ("Sasaran 6–11 bln", r.vita_biru_sasaran, COUNT),
        ("Biru diberi", r.vita_biru, COUNT),
        ("% 6–11 bln", _share(r.vita_biru, r.vita_biru_sasaran), PERCENT),
        ("Sasaran 12–59 bln", r.vita_merah_sasaran, COUNT),
        ("Merah diberi", r.vita_merah, COUNT),
        ("% 12–59 bln", _share(r.vita_merah, r.vita_merah_sasaran), PERCENT),
    ]


def _sheet(book: Workbook, title: str, month: Month, name: str, headers: list[str]):
    sheet = book.create_sheet(name)
    xlsx_cell(sheet, 1, 1, f"{title}: {name}").font = Font(bold=True, size=13)
    sheet["A2"] = f"Bulan {month}"
    for col, header in enumerate(headers, start=1):
        sheet.cell(HEADER_ROW, col, header).font = BOLD
    return sheet


def _row(sheet, r: int, labels: tuple, cells, kind: str) -> None:
    for col, label in enumerate(labels, start=1):
        xlsx_cell(sheet, r, col, printable(label))
    for col, (_, value, number_format) in enumerate(cells, start=len(labels) + 1):
        sheet.cell(r, col, value).number_format = number_format
    if kind != "row":
        for col in range(1, len(labels) + len(cells) + 1):
            sheet.cell(r, col).font = BOLD
            sheet.cell(r, col).fill = TOTAL_FILL if kind == "total" else SUBTOTAL_FILL


Rows = list[tuple[tuple, ImunisasiMonth, str]]


def add_sheets(book: Workbook, title: str, month: Month, label_headers: list[str], rows: Rows,
               bands: dict[tuple[str, int], Skdn]) -> None:  # fmt: skip
    """The "Imunisasi" and "Vitamin A" (a row per recap row), and "SKDN umur x JK" (the area's S, K, D,
    N … per age band and sex, reports.selectors.skdn_by_sex_and_band)."""
    for name, values in (("Imunisasi", imunisasi_values), ("Vitamin A", vitamin_a_values)):
        headers = label_headers + [h for h, _, _ in values(rows[-1][1])]
        sheet = _sheet(book, title, month, name, headers)
        for r, (labels, figures, kind) in enumerate(rows, start=HEADER_ROW + 1):
            _row(sheet, r, labels, values(figures), kind)
        sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, len(label_headers) + 1)
    sheet = _sheet(
        book, title, month, "SKDN umur x JK", ["Umur (bulan)", "Jenis kelamin"] + [h for h, _ in SKDN_FIELDS]
    )
    r = HEADER_ROW + 1
    for band, (low, high) in enumerate(AGE_BANDS):
        for sex in "LP":
            cells = [(h, getattr(bands[(sex, band)], attr), COUNT) for h, attr in SKDN_FIELDS]
            _row(sheet, r, (f"{low}–{high}", sex), cells, "row")
            r += 1
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)
