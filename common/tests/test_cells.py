"""No live formula in Excel or CSV output (issue 11 item 12): recaps and the anthro output."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from common.cells import csv_text, is_risky, xlsx_cell
from reports.excel import Row, write_workbook
from reports.period import Month
from reports.sections import PosyanduMonth
from visits.growth.batch import write_csv

ATTACKS = ['=HYPERLINK("http://evil.example","klik")', "+1+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)",
           "\t=1+1", "\r=1+1"]  # fmt: skip


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_triggers_are_risky(text):
    assert is_risky(text)


@pytest.mark.parametrize("value", ["Posyandu Mawar", "-2.55", "+3", "-0.5", "", 12, None, 1.5, "Subtotal"])
def test_names_and_numbers_are_not(value):
    assert not is_risky(value)


def test_csv_text_prefixes_an_apostrophe_only_when_needed():
    assert [csv_text(v) for v in ["=1+1", "@A1", "-2.55", "Mawar"]] == ["'=1+1", "'@A1", "-2.55", "Mawar"]


def test_xlsx_cell_keeps_the_text_and_types_it_as_text(tmp_path):
    book = Workbook()
    for row, text in enumerate(ATTACKS, start=1):
        xlsx_cell(book.active, row, 1, text)
    xlsx_cell(book.active, 10, 1, 42)
    book.save(tmp_path / "x.xlsx")
    sheet = load_workbook(tmp_path / "x.xlsx").active
    stored = [sheet.cell(r, 1).value for r in range(1, len(ATTACKS) + 1)]
    assert stored == [text.replace("\r", "\n") for text in ATTACKS]  # XML turns CR into LF
    assert {sheet.cell(r, 1).data_type for r in range(1, len(ATTACKS) + 1)} == {"s"}
    assert (sheet["A10"].value, sheet["A10"].data_type) == (42, "n")


def test_recap_workbook_writes_a_formula_like_name_as_text(tmp_path):
    name = '=HYPERLINK("http://evil.example","Mawar")'
    rows = [
        Row(("Desa A", name), PosyanduMonth.empty()),
        Row(("Total", None), PosyanduMonth.empty(), "total"),
    ]
    book = write_workbook("Rekap", "=1+2", Month(2026, 8), ["Desa/Kelurahan", "Posyandu"], rows)
    book.save(tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["SKDN"]
    assert (sheet["B5"].value, sheet["B5"].data_type) == (name, "s")
    assert (sheet["A1"].value, sheet["A1"].data_type) == ("Rekap =1+2: SKDN", "s")
    assert (sheet["C5"].value, sheet["C5"].data_type) == (0, "n")


def test_anthro_csv_output_quotes_formulas_but_not_negative_z_scores():
    out = io.StringIO()
    write_csv([{"id": "=cmd|' /C calc'!A0", "z_bbu": "-2.55", "error": ""}], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["id"], row["z_bbu"]) == ("'=cmd|' /C calc'!A0", "-2.55")
