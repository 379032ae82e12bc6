"""`manage.py anthro`: the batch check of a CSV or XLSX file."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from visits.growth.batch import OUTPUT_COLUMNS

HEADER = "id,sex,birth_date,visit_date,weight_kg,length_cm,measured,head_cm,muac_cm"
ROWS = [
    # WHO test cases (anthro/anthroplus test suites) written as dates:
    "who1,M,2020-01-01,2022-09-14,,72.86,lying,,",  # 987 days → zlen -6.09, flagged
    "who2,F,2020-01-01,2022-01-01,,77.5,,,",  # 731 days → zlen -2.55
    "who3,P,2015-01-01,2020-01-11,18.7,113.8,,,",  # 1836 days = 60.32 months
    "bad-date,L,2025-13-01,2026-01-01,9,,,,",
    "before-birth,L,2026-01-01,2025-01-01,9,,,,",
    "negative,L,2025-01-01,2026-01-01,-9,,,,",
    'comma,P,2025-01-01,2026-01-01,"9,1",74.0,lying,45,14',
]


def run(tmp_path, text: str) -> list[dict[str, str]]:
    source = tmp_path / "in.csv"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.csv"
    call_command("anthro", str(source), "-o", str(out), stderr=io.StringIO())
    with open(out, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def rows(tmp_path):
    return {r["id"]: r for r in run(tmp_path, "\n".join([HEADER, *ROWS]) + "\n")}


def test_output_has_the_input_and_result_columns(tmp_path):
    out = run(tmp_path, HEADER + "\n" + ROWS[0] + "\n")
    assert list(out[0].keys()) == OUTPUT_COLUMNS


def test_matches_who_anthro_examples(rows):
    assert (rows["who1"]["age_days"], rows["who1"]["z_pbu"], rows["who1"]["flags"]) == ("987", "-6.09", "pbu")
    assert rows["who1"]["status_pbu"] == "Sangat pendek"
    assert (rows["who2"]["z_pbu"], rows["who2"]["status_pbu"]) == ("-2.55", "Pendek")
    assert (rows["who3"]["z_bbu"], rows["who3"]["z_imtu"], rows["who3"]["z_pbu"]) == ("0.21", "-0.58", "0.96")
    assert rows["who3"]["z_bbpb"] == "" and rows["who3"]["status_bbpb"] == ""


@pytest.mark.parametrize(
    "row_id, message",
    [
        ("bad-date", "tanggal lahir tidak terbaca: '2025-13-01' (pakai YYYY-MM-DD)"),
        ("before-birth", "tanggal kunjungan sebelum tanggal lahir"),
        ("negative", "berat badan harus lebih dari 0: '-9'"),
    ],
)
def test_bad_rows_get_an_error_and_the_run_goes_on(rows, row_id, message):
    assert rows[row_id]["error"] == message
    assert rows[row_id]["z_bbu"] == ""
    assert rows["comma"]["error"] == ""


def test_decimal_comma_is_read(rows):
    assert rows["comma"]["weight_kg"] == "9,1" and rows["comma"]["z_bbu"] != ""


def test_xlsx_input_with_date_cells(tmp_path):
    import datetime as dt

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["x1", "F", dt.datetime(2020, 1, 1), dt.date(2022, 1, 1), None, 77.5, None, None, None])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.csv"
    call_command("anthro", str(tmp_path / "in.xlsx"), "-o", str(out), stderr=io.StringIO())
    with open(out, encoding="utf-8") as f:
        row = next(csv.DictReader(f))
    assert (row["birth_date"], row["age_days"], row["z_pbu"]) == ("2020-01-01", "731", "-2.55")


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Berkas tidak ditemukan"):
        call_command("anthro", str(tmp_path / "nope.csv"))


def test_file_that_is_not_utf8_text_is_a_command_error(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("anthro", str(source), "-o", str(tmp_path / "o.csv"))
