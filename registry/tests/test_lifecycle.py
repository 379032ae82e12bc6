"""Life-cycle groups at every boundary, leap years included."""

import datetime as dt

import pytest

from registry.lifecycle import Group, completed_months, lifecycle_groups, months_before

D = dt.date


@pytest.mark.parametrize(
    "born, on, months",
    [
        (D(2024, 1, 15), D(2024, 2, 14), 0),
        (D(2024, 1, 15), D(2024, 2, 15), 1),
        (D(2024, 1, 31), D(2024, 2, 29), 0),  # no 31 February: the month completes on 1 March
        (D(2024, 1, 31), D(2024, 3, 1), 1),
        (D(2020, 2, 29), D(2021, 2, 28), 11),  # leap-day birthday in a common year
        (D(2020, 2, 29), D(2021, 3, 1), 12),
        (D(2020, 2, 29), D(2024, 2, 29), 48),
        (D(2024, 3, 10), D(2024, 3, 9), -1),
    ],
)
def test_completed_months(born, on, months):
    assert completed_months(born, on) == months


@pytest.mark.parametrize(
    "born, on, group",
    [
        (D(2021, 6, 10), D(2026, 6, 9), Group.BAYI_BALITA),  # 59 months
        (D(2021, 6, 10), D(2026, 6, 10), Group.ANAK_PRASEKOLAH),  # 60 months
        (D(2020, 6, 10), D(2026, 6, 9), Group.ANAK_PRASEKOLAH),  # 71 months
        (D(2020, 6, 10), D(2026, 6, 10), Group.USIA_SEKOLAH_REMAJA),  # 6 years
        (D(2008, 6, 10), D(2026, 6, 9), Group.USIA_SEKOLAH_REMAJA),  # 17 years
        (D(2008, 6, 10), D(2026, 6, 10), Group.USIA_DEWASA),  # 18 years
        (D(1966, 6, 10), D(2026, 6, 9), Group.USIA_DEWASA),  # 59 years
        (D(1966, 6, 10), D(2026, 6, 10), Group.LANSIA),  # 60 years
        (D(2026, 6, 10), D(2026, 6, 10), Group.BAYI_BALITA),  # day of birth
        (D(2020, 2, 29), D(2025, 2, 28), Group.BAYI_BALITA),  # leap-day child, 59 months
        (D(2020, 2, 29), D(2025, 3, 1), Group.ANAK_PRASEKOLAH),  # 60 months on 1 March
        (D(1964, 2, 29), D(2024, 2, 28), Group.USIA_DEWASA),
        (D(1964, 2, 29), D(2024, 2, 29), Group.LANSIA),  # 60th birthday on a leap day
    ],
)
def test_age_group_boundaries(born, on, group):
    assert lifecycle_groups(born, on, "L") == {group}


def test_nobody_is_in_a_group_before_birth():
    assert lifecycle_groups(D(2026, 6, 10), D(2026, 6, 9)) == set()


def test_pregnant_adult_is_in_two_groups():
    groups = lifecycle_groups(D(2006, 1, 1), D(2026, 5, 1), "P", hpht=D(2026, 3, 1))
    assert groups == {Group.IBU_HAMIL, Group.USIA_DEWASA}


def test_pregnant_teenager_is_ibu_hamil_and_remaja():
    groups = lifecycle_groups(D(2009, 1, 1), D(2026, 5, 1), "P", hpht=D(2026, 3, 1))
    assert groups == {Group.IBU_HAMIL, Group.USIA_SEKOLAH_REMAJA}


def test_pregnancy_starts_on_hpht():
    assert Group.IBU_HAMIL not in lifecycle_groups(D(1995, 1, 1), D(2026, 2, 28), "P", hpht=D(2026, 3, 1))
    assert Group.IBU_HAMIL in lifecycle_groups(D(1995, 1, 1), D(2026, 3, 1), "P", hpht=D(2026, 3, 1))


def test_stale_hpht_without_a_birth_ends_after_44_weeks():
    hpht = D(2025, 1, 1)
    assert Group.IBU_HAMIL in lifecycle_groups(D(1995, 1, 1), hpht + dt.timedelta(days=308), "P", hpht=hpht)
    assert Group.IBU_HAMIL not in lifecycle_groups(
        D(1995, 1, 1), hpht + dt.timedelta(days=309), "P", hpht=hpht
    )


def test_birth_ends_pregnancy_and_starts_nifas():
    born, hpht, birth = D(1995, 1, 1), D(2025, 6, 1), D(2026, 3, 5)
    assert lifecycle_groups(born, D(2026, 3, 4), "P", hpht, birth) == {Group.IBU_HAMIL, Group.USIA_DEWASA}
    assert lifecycle_groups(born, D(2026, 3, 5), "P", hpht, birth) == {
        Group.IBU_NIFAS_MENYUSUI,
        Group.USIA_DEWASA,
    }


def test_menyusui_ends_two_years_after_birth():
    born, birth = D(1995, 1, 1), D(2024, 3, 5)
    assert Group.IBU_NIFAS_MENYUSUI in lifecycle_groups(
        born, birth + dt.timedelta(days=731), "P", None, birth
    )
    assert Group.IBU_NIFAS_MENYUSUI not in lifecycle_groups(
        born, birth + dt.timedelta(days=732), "P", None, birth
    )


def test_new_pregnancy_after_a_birth_is_ibu_hamil():
    groups = lifecycle_groups(
        D(1995, 1, 1), D(2026, 5, 1), "P", hpht=D(2026, 2, 1), tanggal_persalinan=D(2025, 4, 1)
    )
    assert groups == {Group.IBU_HAMIL, Group.USIA_DEWASA}


def test_men_are_never_maternal():
    groups = lifecycle_groups(D(1995, 1, 1), D(2026, 5, 1), "L", hpht=D(2026, 3, 1))
    assert groups == {Group.USIA_DEWASA}


@pytest.mark.parametrize(
    "on", [D(2026, 3, 31), D(2025, 2, 28), D(2024, 2, 29), D(2026, 12, 1), D(2026, 1, 31)]
)
@pytest.mark.parametrize("months", [0, 1, 12, 59, 60, 61, 72, 216, 720])
def test_months_before_is_the_latest_birth_date_with_those_months(on, months):
    cutoff = months_before(on, months)
    assert completed_months(cutoff, on) >= months
    assert completed_months(cutoff + dt.timedelta(days=1), on) < months
