"""The registers' one Excel writer on hand-made rows: where the title, the year, the headers and
the rows go, what stays in view, and that a name typed as a formula stays text."""

import datetime as dt

from reports.register_excel import RegisterRow, balita_sheet, headers
from reports.register_sheets import MONTHS, RegisterSheet, register_workbook
from reports.registers_ibu import Register

D = dt.date


def values(sheet, row: int) -> list:
    return [cell.value for cell in sheet[row]]


def test_the_balita_register_has_its_headers_on_row_4_and_no_and_nama_in_view():
    rina = RegisterRow("Rina", "P", D(2026, 1, 15), ibu="Sri", imunisasi={"BCG": D(2026, 1, 20)})
    rina.timbang[6] = "7,0 B"
    sheet = register_workbook(balita_sheet("Posyandu Mawar", 2026, [rina])).active
    assert (sheet.title, sheet["A1"].value, sheet["A2"].value) == (
        "Register bayi balita", "Register bayi dan balita Posyandu Mawar", "Tahun 2026",
    )  # fmt: skip
    assert values(sheet, 4) == headers() and sheet["A4"].font.bold
    row = values(sheet, 5)
    assert row[:5] == [1, "Rina", "P", "15-01-2026", "Sri"]
    assert row[headers().index("BB Jul")] == "7,0 B" and row[headers().index("BCG")] == "20-01-2026"
    assert row[headers().index("BB Jan")] == ""  # a month without weighing
    assert sheet.freeze_panes == "C5"
    assert (sheet.column_dimensions["B"].width, sheet.column_dimensions["C"].width) == (24, 12)


def test_the_ibu_register_has_the_months_after_its_own_columns_and_the_name_in_view():
    register = Register(
        "Register ibu hamil Posyandu Mawar", ["Nama", "Umur"], [(["Siti", 30], ["60,5 kg"] * 12)], 2026
    )
    sheet = register_workbook(register.sheet()).active
    assert (sheet.title, sheet["A1"].value, sheet["A2"].value) == (
        "Register", "Register ibu hamil Posyandu Mawar", "Tahun 2026",
    )  # fmt: skip
    assert values(sheet, 3) == ["Nama", "Umur", *MONTHS]
    assert values(sheet, 4) == ["Siti", 30, *["60,5 kg"] * 12]
    assert sheet.freeze_panes == "B4" and sheet.column_dimensions["A"].width == 24


def test_a_name_typed_as_a_formula_stays_text_and_control_characters_are_dropped():
    register = RegisterSheet(
        "Register", "Register\x07 WUS", 2026, ["Nama", "Umur"], [['=HYPERLINK("x")', 20]]
    )
    sheet = register_workbook(register).active
    assert sheet["A1"].value == "Register WUS"
    assert (sheet["A4"].value, sheet["A4"].data_type, sheet["B4"].value) == ('=HYPERLINK("x")', "s", 20)
