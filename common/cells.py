"""Spreadsheet cells that can never become a live formula (CSV/formula injection).

A name typed as `=HYPERLINK("http://…")` or `@SUM(…)` would run when a Puskesmas opens the recap
in Excel or LibreOffice. Text starting with `=`, `+`, `-`, `@`, tab or CR is written as text:
in .xlsx the cell is typed as a string (the value is unchanged); in CSV, which has no types, a
leading apostrophe is added, as OWASP recommends. Numbers such as "-2.55" stay numbers.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower().lstrip("+-") not in ("inf", "infinity", "nan")


def is_risky(value: object) -> bool:
    """True for text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(TRIGGERS) and not _is_number(value)


def csv_text(value: str) -> str:
    """The value for a CSV cell, with an apostrophe in front when it would be a formula."""
    return "'" + value if is_risky(value) else value


def xlsx_cell(sheet, row: int, column: int, value):
    """sheet.cell(row, column, value), kept as text when the value would be a formula."""
    cell = sheet.cell(row, column, value)
    if is_risky(value):
        cell.data_type = "s"
    return cell
