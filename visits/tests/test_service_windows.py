"""Vitamin A, obat cacing and each immunisation antigen only inside its window
(KMK ILP 2023 Tabel 7 L1776–1816, Tabel 8 L1820–1844, vitamin A and obat cacing L1853–1855)."""

import datetime as dt

import pytest

from visits import rules
from visits.service_windows import (
    SCHEDULE,
    dose_error,
    obat_cacing_error,
    vitamin_a_error,
    vitamin_a_note,
)

D = dt.date
VISIT = D(2026, 11, 15)


def months_old(months: int, on: dt.date = VISIT) -> rules.Subject:
    total = on.year * 12 + on.month - 1 - months
    return rules.Subject(D(total // 12, total % 12 + 1, on.day), on, "P")


def days_old(days: int) -> rules.Subject:
    return rules.Subject(VISIT - dt.timedelta(days=days), VISIT, "L")


# (antigen, first month allowed, first month refused again), written from Tabel 7–8
WINDOWS = [
    ("BCG", 0, 12),
    ("OPV1", 0, 12),
    ("OPV2", 2, 24),
    ("OPV3", 3, 24),
    ("OPV4", 4, 24),
    ("DPT-HB-Hib1", 2, 24),
    ("DPT-HB-Hib2", 3, 24),
    ("DPT-HB-Hib3", 4, 24),
    ("DPT-HB-Hib4", 18, 24),
    ("RV1", 2, 24),
    ("RV2", 3, 24),
    ("RV3", 4, 24),
    ("PCV1", 2, 24),
    ("PCV2", 3, 24),
    ("PCV3", 12, 24),
    ("IPV1", 4, 24),
    ("IPV2", 9, 24),
    ("MR1", 9, 24),
    ("MR2", 18, 24),
    ("JE", 10, 24),
]


def test_every_antigen_of_the_form_has_a_window():
    assert set(SCHEDULE) == set(rules.IMUNISASI)
    assert {w[0] for w in WINDOWS} | {"HB0"} == set(rules.IMUNISASI)


@pytest.mark.parametrize("antigen, low, high", WINDOWS)
def test_antigen_is_given_only_inside_its_age_window(antigen, low, high):
    if low > 0:
        assert dose_error(antigen, months_old(low - 1), {}, {antigen}) == (
            f"{antigen} hanya untuk umur {low}–{high - 1} bulan; anak ini {low - 1} bulan."
        )
    assert dose_error(antigen, months_old(low), {}, {antigen}) is None
    assert dose_error(antigen, months_old(high - 1), {}, {antigen}) is None
    assert dose_error(antigen, months_old(high), {}, {antigen}) is not None


def test_hb0_only_in_the_first_7_days():
    assert dose_error("HB0", days_old(0), {}, {"HB0"}) is None
    assert dose_error("HB0", days_old(7), {}, {"HB0"}) is None
    assert dose_error("HB0", days_old(8), {}, {"HB0"}) == "HB0 hanya untuk umur 0–7 hari; anak ini 8 hari."


@pytest.mark.parametrize(
    "antigen, previous, interval",
    [
        ("OPV2", "OPV1", 28),  # 1 bulan, Tabel 7 L1796
        ("DPT-HB-Hib2", "DPT-HB-Hib1", 28),
        ("RV3", "RV2", 28),
        ("PCV3", "PCV2", 56),  # 8 minggu, Tabel 8 L1832
        ("DPT-HB-Hib4", "DPT-HB-Hib3", 365),  # 12 bulan, L1838
        ("MR2", "MR1", 182),  # 6 bulan, L1842
    ],
)
def test_a_dose_waits_the_minimum_interval_after_the_previous_one(antigen, previous, interval):
    child = months_old(20)
    too_soon = {previous: VISIT - dt.timedelta(days=interval - 1)}
    assert dose_error(antigen, child, too_soon, {antigen}).startswith(
        f"{antigen} paling cepat {interval} hari"
    )
    assert dose_error(antigen, child, {previous: VISIT - dt.timedelta(days=interval)}, {antigen}) is None


def test_a_dose_never_with_the_previous_dose_of_its_series_nor_twice():
    child = months_old(4)
    assert dose_error("OPV2", child, {}, {"OPV1", "OPV2"}) == (
        "OPV2 tidak boleh bersamaan dengan OPV1 (dosis sebelumnya)."
    )
    assert dose_error("OPV1", child, {}, {"OPV1", "OPV2"}) is None
    assert dose_error("BCG", child, {"BCG": D(2026, 8, 1)}, {"BCG"}) == "BCG sudah diberikan pada 01-08-2026."


def test_mr2_for_a_six_month_old_is_refused():
    assert (
        dose_error("MR2", months_old(6), {}, {"MR2"}) == "MR2 hanya untuk umur 18–23 bulan; anak ini 6 bulan."
    )


@pytest.mark.parametrize(
    "capsule, months, ok",
    [
        ("biru", 5, False),
        ("biru", 6, True),
        ("biru", 11, True),
        ("biru", 12, False),
        ("merah", 1, False),
        ("merah", 11, False),
        ("merah", 12, True),
        ("merah", 59, True),
        ("merah", 60, False),
    ],
)
def test_vitamin_a_capsule_by_age(capsule, months, ok):
    assert (vitamin_a_error(capsule, months_old(months)) is None) is ok


def test_vitamin_a_error_says_why():
    assert vitamin_a_error("merah", months_old(1)) == (
        "Vitamin A merah (200.000 IU) hanya untuk umur 12–59 bulan; anak ini 1 bulan."
    )


@pytest.mark.parametrize("month, marked", [(1, True), (2, False), (3, True), (8, False), (9, True)])
def test_vitamin_a_outside_february_and_august_is_marked(month, marked):
    note = vitamin_a_note("merah", D(2026, month, 10))
    assert (note == "di luar bulan vitamin A") is marked
    assert vitamin_a_note("", D(2026, month, 10)) is None


@pytest.mark.parametrize("months, ok", [(6, False), (11, False), (12, True), (59, True), (60, False)])
def test_obat_cacing_for_12_to_59_months(months, ok):
    assert (obat_cacing_error(months_old(months)) is None) is ok
