"""z-scores against WHO's own worked examples and the tables' SD lines."""

import datetime as dt

import numpy as np
import pytest

from visits.growth.indices import (
    LYING,
    STANDING,
    UNKNOWN,
    ChildMeasurement,
    assess,
    compute,
    corrected_length,
)
from visits.growth.tables import table
from visits.growth.zscore import lms_z, lms_z_restricted, value_at


def z_of(sex, age_days, weight=np.nan, length=np.nan, position=UNKNOWN, head=np.nan, muac=np.nan):
    r = compute([sex], [age_days], [weight], [length], [position], [head], [muac])
    return {key[2:]: float(v[0]) for key, v in r.items() if key.startswith("z_")}, {
        key[5:] for key, v in r.items() if key.startswith("flag_") and v[0]
    }


# Expected values from WHO's test suites of the R packages anthro and anthroplus.
def test_who_length_for_age_uses_the_corrected_length_and_flags_below_minus_6():
    z, flags = z_of(1, 987, length=72.86, position=LYING)
    assert round(z["pbu"], 2) == -6.09
    assert flags == {"pbu"}


def test_who_standing_under_9_months_is_not_corrected_but_at_9_months_it_is():
    assert z_of(1, 8 * 30.4375, length=60, position=STANDING)[0]["pbu"] == pytest.approx(-4.81, abs=0.01)
    assert z_of(1, 9 * 30.4375, length=60, position=STANDING)[0]["pbu"] == pytest.approx(-5.02, abs=0.01)
    assert corrected_length([8 * 30.4375, 9 * 30.4375], [60, 60], [STANDING, STANDING]).tolist() == [60, 60.7]


@pytest.mark.parametrize("position", [UNKNOWN, STANDING])
def test_who_height_is_used_from_24_months(position):
    assert round(z_of(2, 24 * 30.4375, length=77.5, position=position)[0]["pbu"], 2) == -2.55


@pytest.mark.parametrize(
    "months, weight, height, bbu, imtu, pbu",
    [(60.32, 18.7, 113.8, 0.212, -0.575, 0.959), (60.911701, 20.5, 113.6, 0.795, 0.418, 0.848)],
)
def test_who_2007_reference_from_60_months(months, weight, height, bbu, imtu, pbu):
    z, _ = z_of(2, months * 30.4375, weight=weight, length=height)
    assert (round(z["bbu"], 3), round(z["imtu"], 3), round(z["pbu"], 3)) == (bbu, imtu, pbu)
    assert np.isnan(z["bbpb"]) and np.isnan(z["lku"])


# Worked examples from the tables: the median gives 0, the SD lines give ±2 and ±3.
AGE_INDICES = [
    ("bbu", "wfa_0_5", 400),
    ("pbu", "lhfa_0_5", 400),
    ("lku", "hcfa_0_5", 400),
    ("lilau", "acfa_0_5", 400),
]


@pytest.mark.parametrize("sex", [1, 2])
@pytest.mark.parametrize("index, name, day", AGE_INDICES)
@pytest.mark.parametrize("sd", [0, -2, 2, -3, 3])
def test_sd_lines_of_age_based_indices(sex, index, name, day, sd):
    L, M, S = (a[0] for a in table(name).at([sex - 1], [day]))
    value = float(value_at(sd, L, M, S))
    kwargs = {"bbu": "weight", "pbu": "length", "lku": "head", "lilau": "muac"}[index]
    position = LYING if index == "pbu" else UNKNOWN
    z, _ = z_of(sex, day, position=position, **{kwargs: value})
    assert z[index] == pytest.approx(sd, abs=1e-9)


@pytest.mark.parametrize("sex", [1, 2])
@pytest.mark.parametrize("sd", [0, -2, 2, -3, 3])
@pytest.mark.parametrize("age_days, length, name", [(300, 70.0, "wfl_0_2"), (1000, 90.0, "wfh_2_5")])
def test_sd_lines_of_weight_for_length_and_height(sex, sd, age_days, length, name):
    L, M, S = (a[0] for a in table(name).at([sex - 1], [length]))
    weight = float(value_at(sd, L, M, S))
    position = LYING if age_days < 731 else STANDING
    assert z_of(sex, age_days, weight=weight, length=length, position=position)[0]["bbpb"] == pytest.approx(
        sd, abs=1e-9
    )


def test_bmi_for_age_median_is_zero():
    L, M, S = (a[0] for a in table("bfa_0_5").at([0], [500]))
    length = 80.0
    weight = M * (length / 100) ** 2
    assert z_of(1, 500, weight=weight, length=length, position=LYING)[0]["imtu"] == pytest.approx(0, abs=1e-9)


class TestRestrictedComputation:
    L, M, S = -0.3521, 10.0, 0.09

    def sd(self, z):
        return float(value_at(z, self.L, self.M, self.S))

    def test_at_3_both_computations_agree(self):
        x = self.sd(3)
        assert float(lms_z_restricted(x, self.L, self.M, self.S)) == pytest.approx(3)

    def test_just_above_3_uses_the_sd2_sd3_distance(self):
        x = self.sd(3) + 0.05
        expected = 3 + 0.05 / (self.sd(3) - self.sd(2))
        assert float(lms_z_restricted(x, self.L, self.M, self.S)) == pytest.approx(expected)
        assert float(lms_z(x, self.L, self.M, self.S)) != pytest.approx(expected)

    def test_just_below_3_is_the_plain_lms(self):
        x = self.sd(3) - 0.05
        assert float(lms_z_restricted(x, self.L, self.M, self.S)) == float(lms_z(x, self.L, self.M, self.S))

    def test_just_below_minus_3_uses_the_sd2_sd3_distance(self):
        x = self.sd(-3) - 0.05
        expected = -3 - 0.05 / (self.sd(-2) - self.sd(-3))
        assert float(lms_z_restricted(x, self.L, self.M, self.S)) == pytest.approx(expected)

    def test_just_above_minus_3_is_the_plain_lms(self):
        x = self.sd(-3) + 0.05
        assert float(lms_z_restricted(x, self.L, self.M, self.S)) == float(lms_z(x, self.L, self.M, self.S))

    def test_length_for_age_is_never_restricted(self):
        L, M, S = (a[0] for a in table("lhfa_0_5").at([0], [400]))
        far = float(value_at(-4, L, M, S))
        assert z_of(1, 400, length=far, position=LYING)[0]["pbu"] == pytest.approx(-4)


class TestLengthHeightSwitch:
    """Under 731 days length is lying (PB), from 731 standing (TB)."""

    @pytest.mark.parametrize(
        "age, position, expected",
        [(730, LYING, 85.0), (730, STANDING, 85.7), (731, LYING, 84.3), (731, STANDING, 85.0)],
    )
    def test_correction(self, age, position, expected):
        assert float(corrected_length([age], [85.0], [position])[0]) == pytest.approx(expected)

    def test_weight_for_length_below_731_and_for_height_from_731(self):
        weight = 12.0
        z730, _ = z_of(1, 730, weight=weight, length=85.0, position=LYING)
        z731, _ = z_of(1, 731, weight=weight, length=85.0, position=STANDING)
        wfl = table("wfl_0_2").at([0], [85.0])
        wfh = table("wfh_2_5").at([0], [85.0])
        assert z730["bbpb"] == pytest.approx(float(lms_z_restricted(weight, *wfl)[0]))
        assert z731["bbpb"] == pytest.approx(float(lms_z_restricted(weight, *wfh)[0]))

    def test_length_between_table_rows_is_interpolated(self):
        low = table("wfl_0_2").at([1], [70.2])
        high = table("wfl_0_2").at([1], [70.3])
        mid = [(a[0] + b[0]) / 2 for a, b in zip(low, high, strict=True)]
        z, _ = z_of(2, 300, weight=8.0, length=70.25, position=LYING)
        assert z["bbpb"] == pytest.approx(float(lms_z_restricted(8.0, *mid)), abs=1e-6)

    RANGES = [(300, 44.9, False), (300, 45.0, True), (300, 110.0, True), (300, 110.1, False),
              (800, 64.9, False), (800, 65.0, True), (800, 120.0, True), (800, 120.1, False)]  # fmt: skip

    @pytest.mark.parametrize("age, length, applies", RANGES)
    def test_weight_for_length_height_ranges(self, age, length, applies):
        position = LYING if age < 731 else STANDING
        z, _ = z_of(1, age, weight=10.0, length=length, position=position)
        assert (not np.isnan(z["bbpb"])) == applies


def test_age_limits_of_the_standards():
    assert not np.isnan(z_of(1, 1826, head=50)[0]["lku"])  # 59.99 months: WHO 2006
    assert np.isnan(z_of(1, 1827, head=50)[0]["lku"])  # 60.02 months: no 2007 reference for LK/U
    assert np.isnan(z_of(1, 1827, weight=18, length=110, position=STANDING)[0]["bbpb"])
    at_60 = z_of(1, 1827, weight=18)[0]["bbu"]  # 2007 reference, interpolated between 60 and 61
    L, M, S = table("wfa_5_10").interpolated([0], [60.0], [1827 / 30.4375 - 60])
    assert at_60 == pytest.approx(float(lms_z_restricted(18, L, M, S)[0]))
    assert not np.isnan(z_of(1, 1827, weight=18, length=110)[0]["imtu"])
    assert np.isnan(z_of(1, 121 * 30.4375, weight=30)[0]["bbu"])  # BB/U stops at 10 years
    assert np.isnan(z_of(1, 229 * 30.4375, weight=60, length=170)[0]["pbu"])
    assert np.isnan(z_of(1, 90, muac=11)[0]["lilau"])  # LiLA/U from 91 days


def test_zero_or_negative_measures_give_no_z():
    z, _ = z_of(1, 400, weight=0, length=-5)
    assert np.isnan(z["bbu"]) and np.isnan(z["pbu"])


@pytest.mark.parametrize("weight, flagged", [(1.0, True), (30.0, True), (10.0, False)])
def test_implausible_weight_for_age_is_flagged(weight, flagged):
    assert ("bbu" in z_of(1, 400, weight=weight)[1]) == flagged


def test_leap_day_birthday_age_in_days():
    m = ChildMeasurement("P", dt.date(2020, 2, 29), dt.date(2021, 3, 1), weight_kg=9.0)
    assert m.age_days == 366
    assert assess(m).age_days == 366


def test_one_child_and_a_batch_agree():
    one = assess(
        ChildMeasurement("L", dt.date(2024, 1, 1), dt.date(2025, 2, 3), 9.6, 75.7, LYING, 46.0, 14.5)
    )
    z, _ = z_of(1, 399, 9.6, 75.7, LYING, 46.0, 14.5)
    assert one.z == pytest.approx(z)
    assert one.pbu_label == "PB/U" and one.bbpb_label == "BB/PB"


@pytest.mark.parametrize("sex", [1, 2])
@pytest.mark.parametrize("sd", [0, -2, 2, -3, 3])
def test_sd_lines_of_bmi_for_age_under_five(sex, sd):
    L, M, S = (a[0] for a in table("bfa_0_5").at([sex - 1], [500]))
    length = 80.0
    weight = float(value_at(sd, L, M, S)) * (length / 100) ** 2
    assert z_of(sex, 500, weight=weight, length=length, position=LYING)[0]["imtu"] == pytest.approx(
        sd, abs=1e-9
    )


@pytest.mark.parametrize("sex", [1, 2])
@pytest.mark.parametrize("sd", [0, -2, 2, -3, 3])
def test_sd_lines_of_the_2007_reference_at_a_whole_month(sex, sd):
    months = 100
    age = months * 30.4375
    height = float(value_at(sd, *(a[0] for a in table("hfa_5_19").at([sex - 1], [months]))))
    weight = float(value_at(sd, *(a[0] for a in table("wfa_5_10").at([sex - 1], [months]))))
    z, _ = z_of(sex, age, weight=weight, length=height)
    assert (z["pbu"], z["bbu"]) == (pytest.approx(sd, abs=1e-9), pytest.approx(sd, abs=1e-9))
    bmi = float(value_at(sd, *(a[0] for a in table("bfa_5_19").at([sex - 1], [months]))))
    z, _ = z_of(sex, age, weight=bmi * (height / 100) ** 2, length=height)
    assert z["imtu"] == pytest.approx(sd, abs=1e-9)
