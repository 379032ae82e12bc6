"""The immunisation card, IDL and baduta lengkap, and the date checks of a typed dose, on
hand-made histories (KMK ILP 2023 Tabel 7–8). Django-free."""

import datetime as dt

import pytest

from visits.immunisation_rules import (
    Status,
    age_reached,
    card,
    dose_date_error,
    is_baduta_lengkap,
    is_idl,
)

D = dt.date


def statuses(birth, doses, on):
    return {row.antigen: row.status for row in card(birth, doses, on)}


@pytest.mark.parametrize(
    "birth, months, expected",
    [
        (D(2026, 1, 15), 2, D(2026, 3, 15)),
        (D(2026, 1, 31), 1, D(2026, 3, 1)),  # no 31 February: one month completed on 1 March
        (D(2024, 2, 29), 12, D(2025, 3, 1)),
        (D(2025, 11, 30), 2, D(2026, 1, 30)),
    ],
)
def test_age_reached_is_the_first_day_of_the_completed_month(birth, months, expected):
    assert age_reached(birth, months) == expected


BIRTH = D(2026, 1, 10)
AT_BIRTH = {"HB0": D(2026, 1, 10), "BCG": D(2026, 1, 20), "OPV1": D(2026, 1, 20)}


def test_two_month_doses_are_due_on_the_day_the_child_is_two_months_old():
    on = D(2026, 3, 10)
    s = statuses(BIRTH, AT_BIRTH, on)
    assert [a for a, v in s.items() if v == Status.JATUH_TEMPO] == ["OPV2", "DPT-HB-Hib1", "RV1", "PCV1"]
    assert s["HB0"] == s["BCG"] == s["OPV1"] == Status.SUDAH
    assert s["DPT-HB-Hib2"] == Status.BELUM_WAKTUNYA  # DPT-HB-Hib1 not given yet
    assert statuses(BIRTH, AT_BIRTH, D(2026, 3, 9))["OPV2"] == Status.BELUM_WAKTUNYA


def test_a_dose_is_overdue_four_weeks_after_it_fell_due():
    assert statuses(BIRTH, AT_BIRTH, D(2026, 4, 6))["DPT-HB-Hib1"] == Status.JATUH_TEMPO  # day 27
    assert statuses(BIRTH, AT_BIRTH, D(2026, 4, 7))["DPT-HB-Hib1"] == Status.TERLAMBAT  # day 28


def test_a_later_dose_waits_for_the_interval_after_the_previous_one():
    doses = {**AT_BIRTH, "DPT-HB-Hib1": D(2026, 3, 25)}
    # 3 months on 10 April, but 28 days after 25 March is 22 April
    rows = {row.antigen: row for row in card(BIRTH, doses, D(2026, 4, 21))}
    assert rows["DPT-HB-Hib2"].status == Status.BELUM_WAKTUNYA
    assert rows["DPT-HB-Hib2"].tanggal == D(2026, 4, 22)


def test_hb0_not_given_in_the_first_eight_days_is_past_its_window_and_je_is_never_due():
    assert statuses(BIRTH, {}, D(2026, 1, 18))["HB0"] == Status.LEWAT_UMUR  # day 8
    assert statuses(BIRTH, {}, D(2026, 1, 17))["HB0"] == Status.JATUH_TEMPO  # day 7: still 0–7 days
    assert "JE" not in statuses(BIRTH, {}, D(2027, 1, 10))
    assert statuses(BIRTH, {"JE": D(2026, 11, 10)}, D(2027, 1, 10))["JE"] == Status.SUDAH


IDL_BIRTH = D(2025, 3, 5)


def idl_doses(last: dt.date) -> dict:
    doses = {a: D(2025, 8, 1) for a in ("HB0", "BCG", "OPV1", "OPV2", "OPV3", "OPV4", "DPT-HB-Hib1",
                                        "DPT-HB-Hib2", "DPT-HB-Hib3", "IPV1")}  # fmt: skip
    return {**doses, "MR1": last}


def test_idl_needs_every_basic_dose_before_the_first_birthday():
    assert is_idl(IDL_BIRTH, idl_doses(D(2026, 3, 4))) is True  # the day before the birthday
    assert is_idl(IDL_BIRTH, idl_doses(D(2026, 3, 5))) is False  # on the birthday: too late
    missing = idl_doses(D(2025, 12, 5))
    del missing["IPV1"]
    assert is_idl(IDL_BIRTH, missing) is False


def test_baduta_lengkap_needs_dpt_hb_hib4_and_mr2_before_24_months():
    both = {"DPT-HB-Hib4": D(2026, 9, 5), "MR2": D(2027, 3, 4)}
    assert is_baduta_lengkap(IDL_BIRTH, both) is True
    assert is_baduta_lengkap(IDL_BIRTH, {**both, "MR2": D(2027, 3, 5)}) is False
    assert is_baduta_lengkap(IDL_BIRTH, {"MR2": D(2027, 1, 5)}) is False


TODAY = D(2026, 11, 15)


@pytest.mark.parametrize(
    "antigen, tanggal, others, expected",
    [
        ("BCG", D(2026, 11, 16), {}, "Tanggal tidak boleh sesudah hari ini."),
        ("BCG", D(2026, 1, 9), {}, "Tanggal sebelum tanggal lahir anak (10-01-2026)."),
        ("OPV2", D(2026, 3, 12), {"OPV1": D(2026, 3, 12)}, "OPV2 harus sesudah OPV1 (12-03-2026)."),
        ("OPV1", D(2026, 3, 12), {"OPV2": D(2026, 3, 12)}, "OPV1 harus sebelum OPV2 (12-03-2026)."),
        ("MR1", D(2026, 9, 9), {}, "MR1 hanya untuk umur 9–23 bulan; anak ini 7 bulan."),
        (
            "OPV2",
            D(2026, 3, 12),
            {"OPV1": D(2026, 2, 20)},
            "OPV2 paling cepat 28 hari sesudah OPV1 (20-02-2026).",
        ),
        ("OPV2", D(2026, 3, 20), {"OPV1": D(2026, 2, 20)}, None),
        ("MR1", D(2026, 10, 10), {}, None),
        ("BCG", TODAY, {}, None),
        ("XYZ", TODAY, {}, "Pilih jenis imunisasi dari daftar."),
    ],
)
def test_a_typed_dose_date_is_checked(antigen, tanggal, others, expected):
    assert dose_date_error(antigen, BIRTH, tanggal, TODAY, others) == expected
