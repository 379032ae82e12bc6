"""Numbers read from request parameters: ASCII digits within bounds, nothing else."""

import pytest

from common.params import BIGINT_MAX, int_or_none, int_param


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        (" 12 ", 12),
        ("0", 0),
        (str(BIGINT_MAX), BIGINT_MAX),  # the largest id PostgreSQL can hold
        (str(BIGINT_MAX + 1), None),  # one past it
        ("", None),
        (None, None),
        ("abc", None),
        ("-1", None),
        ("1e5", None),
        ("1,5", None),
        ("²", None),  # "²".isdigit() is True, int("²") raises
        ("٣", None),  # Arabic-Indic three: int() would read 3
        ("1\x00", None),
    ],
)
def test_int_or_none_accepts_only_plain_ascii_digits(text, expected):
    assert int_or_none(text) == expected


def test_bounds_are_inclusive():
    assert [int_or_none(v, low=1, high=5) for v in ["0", "1", "5", "6"]] == [None, 1, 5, None]


def test_int_param_falls_back_to_its_default():
    assert int_param("45", 1, low=1, high=5) == 1
    assert int_param("", 2026) == 2026
    assert int_param("3", 1, low=1, high=5) == 3


@pytest.mark.parametrize("tahun", ["abc", "²", "99999", "-1", ""])
def test_sasaran_page_with_a_bad_year_shows_this_year(world, login, tahun):
    response = login("staff_a").get("/laporan/pws/sasaran/", {"puskesmas": world.pkm_a.pk, "tahun": tahun})
    assert response.status_code == 200
    assert response.context["year"] == 2026  # the pinned clock's year


@pytest.mark.parametrize("meja", ["", "45", "²", "0", "123"])
def test_opening_day_with_a_bad_meja_shows_table_one(world, login, meja):
    from .walk import populate

    day = populate(world).real["hari-buka/"]
    response = login("kader_a").get(f"/hari-buka/{day}/", {"meja": meja})
    assert response.status_code == 200
    assert response.context["meja"] == 1
