"""Permenkes 2/2020 categories at each boundary, on unrounded z."""

import pytest

from visits.growth.status import status_bbpb, status_bbu, status_imtu, status_pbu

E = 1e-9
UNDER_5 = 1000  # days
SCHOOL = 3000


@pytest.mark.parametrize(
    "z, label",
    [
        (-3 - E, "Berat badan sangat kurang"),
        (-3, "Berat badan kurang"),
        (-2 - E, "Berat badan kurang"),
        (-2, "Berat badan normal"),
        (1, "Berat badan normal"),
        (1 + E, "Risiko berat badan lebih"),
        (4, "Risiko berat badan lebih"),
    ],
)
def test_bbu(z, label):
    assert status_bbu(z) == label


@pytest.mark.parametrize(
    "z, label",
    [
        (-3 - E, "Sangat pendek"),
        (-3, "Pendek"),
        (-2 - E, "Pendek"),
        (-2, "Normal"),
        (3, "Normal"),
        (3 + E, "Tinggi"),
    ],
)
def test_pbu(z, label):
    assert status_pbu(z) == label


@pytest.mark.parametrize(
    "z, label",
    [
        (-3 - E, "Gizi buruk"),
        (-3, "Gizi kurang"),
        (-2 - E, "Gizi kurang"),
        (-2, "Gizi baik"),
        (1, "Gizi baik"),
        (1 + E, "Berisiko gizi lebih"),
        (2, "Berisiko gizi lebih"),
        (2 + E, "Gizi lebih"),
        (3, "Gizi lebih"),
        (3 + E, "Obesitas"),
    ],
)
def test_bbpb_and_imtu_under_five(z, label):
    assert status_bbpb(z) == label
    assert status_imtu(z, UNDER_5) == label


@pytest.mark.parametrize(
    "z, label",
    [
        (-3 - E, "Gizi buruk"),
        (-3, "Gizi kurang"),
        (-2, "Gizi baik"),
        (1, "Gizi baik"),
        (1 + E, "Gizi lebih"),
        (2, "Gizi lebih"),
        (2 + E, "Obesitas"),
    ],
)
def test_imtu_five_to_eighteen(z, label):
    assert status_imtu(z, SCHOOL) == label


def test_rounded_z_would_misclassify_so_unrounded_is_used():
    assert status_bbu(-2.004) == "Berat badan kurang"  # shows as -2.00 but is below -2


def test_missing_z_has_no_status():
    assert status_bbu(None) is None and status_bbpb(float("nan")) is None
