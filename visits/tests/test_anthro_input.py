"""`manage.py anthro` on any file: limits, Indonesian-locale CSV, implausible numbers, and no
traceback whatever the bytes (issue 11 item 13)."""

import csv
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from visits.growth import batch_input
from visits.growth.batch import check_rows, parse_row
from visits.growth.batch_input import FileError, read_rows

HEADER = "id,sex,birth_date,visit_date,weight_kg,length_cm,measured,head_cm,muac_cm"


def row(line: str) -> dict[str, str]:
    return dict(zip(HEADER.split(","), line.split(","), strict=True))


def run(path, *args) -> list[dict[str, str]]:
    out = path.parent / "out.csv"
    call_command("anthro", str(path), "-o", str(out), *args, stderr=io.StringIO())
    with open(out, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_semicolon_csv_with_decimal_comma_from_indonesian_excel(tmp_path):
    source = tmp_path / "in.csv"
    text = HEADER.replace(",", ";") + "\r\nwho2;F;2020-01-01;2022-01-01;;77,5;;;\r\n"
    source.write_bytes(text.encode("cp1252"))
    [row] = run(source)
    assert (row["length_cm"], row["age_days"], row["z_pbu"]) == ("77,5", "731", "-2.55")


def test_windows_1252_names_are_read(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes((HEADER + "\nAndré,F,2020-01-01,2022-01-01,,77.5,,,\n").encode("cp1252"))
    assert run(source)[0]["id"] == "André"


def test_header_names_in_capitals_and_spaces_are_accepted(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(HEADER.upper().replace(",", " , ") + "\nx,F,2020-01-01,2022-01-01,,77.5,,,\n")
    assert run(source)[0]["z_pbu"] == "-2.55"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("weight_kg", "950", "berat badan tidak masuk akal: '950' (antara 0,5 dan 200)"),
        ("weight_kg", "0,4", "berat badan tidak masuk akal: '0,4' (antara 0,5 dan 200)"),
        ("length_cm", "1700", "panjang/tinggi badan tidak masuk akal: '1700' (antara 35 dan 220)"),
        ("head_cm", "4.5", "lingkar kepala tidak masuk akal: '4.5' (antara 25 dan 60)"),
        ("muac_cm", "nan", "LiLA tidak masuk akal: 'nan' (antara 6 dan 60)"),
        ("weight_kg", "inf", "berat badan tidak masuk akal: 'inf' (antara 0,5 dan 200)"),
        ("weight_kg", "²", "berat badan bukan angka: '²'"),
    ],
)
def test_implausible_numbers_are_refused_per_row(column, value, message):
    raw = dict(
        zip(
            HEADER.split(","),
            ["x", "F", "2020-01-01", "2022-01-01", "9", "77.5", "", "45", "14"],
            strict=True,
        )
    )
    assert parse_row(raw | {column: value}).error == message


def test_boundaries_of_plausible_numbers_are_accepted():
    raw = dict(
        zip(
            HEADER.split(","),
            ["x", "F", "2020-01-01", "2022-01-01", "0.5", "220", "", "60", "6"],
            strict=True,
        )
    )
    assert parse_row(raw).error == ""


def test_too_many_rows_is_refused_with_the_limit(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(HEADER + "\n" + "x,F,2020-01-01,2022-01-01,,77.5,,,\n" * 3)
    assert len(run(source, "--max-rows", "3")) == 3
    with pytest.raises(CommandError, match="terlalu banyak baris: lebih dari 2"):
        run(source, "--max-rows", "2")


def test_too_large_a_file_is_refused_before_reading(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(HEADER + "\n" + "x,F,2020-01-01,2022-01-01,,77.5,,,\n" * 10)
    with pytest.raises(FileError, match=r"berkas terlalu besar: 0,0 MB \(batas 0,0 MB\)"):
        read_rows(source, max_bytes=100)


def test_zip_bomb_xlsx_is_refused_by_its_unzipped_size(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_input, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    source = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (2 * 1024 * 1024))
    assert source.stat().st_size < 20_000
    with pytest.raises(CommandError, match="isi .xlsx terlalu besar setelah dibuka: 2,0 MB"):
        run(source)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("in.xlsx", b"id,sex\n1,L\n", "bukan berkas .xlsx yang utuh"),
        ("in.xlsx", b"PK\x03\x04garbage", "bukan berkas .xlsx yang utuh"),
        ("in.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bukan berkas teks CSV"),
        ("in.csv", b"nama,umur\nAni,3\n", "kolom wajib tidak ada: sex, birth_date, visit_date"),
        ("in.csv", HEADER.encode(), "tidak ada baris data"),
        ("in.csv", b"", "kolom wajib tidak ada"),
    ],
)
def test_unusable_files_give_one_clear_message(tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(CommandError, match=f"Berkas tidak dapat dibaca: {message}"):
        run(source)


def test_a_valid_zip_that_is_not_a_workbook_gives_a_message(tmp_path):
    source = tmp_path / "in.xlsx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("readme.txt", "bukan workbook")
    with pytest.raises(CommandError, match=r"berkas .xlsx tidak terbaca \(\w+\)"):
        run(source)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=300) | st.text(alphabet=st.sampled_from(list(",;\n\r\"x1.-²\x00é")), max_size=300)
       .map(lambda t: (HEADER + "\n" + t).encode()))  # fmt: skip
def test_any_bytes_are_rows_or_one_clear_message(tmp_path_factory, content):
    source = tmp_path_factory.mktemp("fuzz") / "in.csv"
    source.write_bytes(content)
    try:
        rows = read_rows(source)
    except FileError:
        return
    written, errors = check_rows(rows, io.StringIO())
    assert written == len(rows) and 0 <= errors <= written
