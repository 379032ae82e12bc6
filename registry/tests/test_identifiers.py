import datetime as dt

import pytest

from registry import identifiers


@pytest.mark.parametrize(
    "typed, clean",
    [("1872 0145 0321 0001", "1872014503210001"), ("18.72.01-4503210001", "1872014503210001"), ("", "")],
)
def test_separators_that_people_type_are_removed(typed, clean):
    assert identifiers.clean_digits(typed) == clean


@pytest.mark.parametrize(
    "value, message",
    [
        ("187201450321000", "NIK harus 16 digit (sekarang 15 digit)."),
        ("18720145032100011", "NIK harus 16 digit (sekarang 17 digit)."),
        ("18720145032100O1", "NIK hanya boleh berisi angka."),
        ("1872014503210001", None),
    ],
)
def test_sixteen_digit_rule(value, message):
    assert identifiers.sixteen_digit_error(value, "NIK") == message


def test_woman_has_forty_added_to_her_birth_day():
    assert identifiers.nik_birth_date("1872015503210001") == (dt.date(2021, 3, 15), "P")


def test_man_has_the_plain_birth_day():
    assert identifiers.nik_birth_date("1872011503870001") == (dt.date(1987, 3, 15), "L")


def test_nik_matching_birth_date_and_sex_has_no_warning():
    assert identifiers.nik_warnings("1872015503210001", dt.date(2021, 3, 15), "P") == []


def test_nik_with_other_birth_date_warns():
    warnings = identifiers.nik_warnings("1872015503210001", dt.date(2021, 3, 16), "P")
    assert warnings == [
        "Tanggal lahir pada NIK (15-03-21) berbeda dengan tanggal lahir yang diisi (16-03-21)."
    ]


def test_nik_of_a_woman_given_to_a_man_warns():
    warnings = identifiers.nik_warnings("1872015503210001", dt.date(2021, 3, 15), "L")
    assert warnings == ["NIK menunjukkan jenis kelamin perempuan, sedangkan yang diisi laki-laki."]


def test_nik_whose_date_part_is_no_date_warns():
    assert identifiers.nik_warnings("1872013202210001", dt.date(2021, 2, 1), "L") == [
        "Bagian tanggal lahir pada NIK bukan tanggal yang sah; periksa kembali NIK."
    ]


def test_nik_of_29_february_is_a_valid_date():
    assert identifiers.nik_birth_date("1872016902200001") == (dt.date(2020, 2, 29), "P")


def test_region_code_is_shown_with_dots():
    assert identifiers.format_kode_wilayah("1872011001") == "18.72.01.1001"
    assert identifiers.format_kode_wilayah("1872") == "18.72"
