"""Reasons to enrol, from a weighing's flags, at the boundaries (Django-free)."""

import pytest

from inovasi.eligibility import Flags, initials, labels, reasons, rupiah


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (Flags(kms="N", z_bbu=-1.0, z_bbpb=0.0, z_pbu=-1.5), ()),
        (Flags(kms="T"), ("T",)),
        (Flags(kms="T", two_t=True), ("2T",)),  # 2T replaces T
        (Flags(z_bbu=-2.0), ()),  # −2 SD itself is not below −2
        (Flags(z_bbu=-2.01), ("BBU",)),
        (Flags(z_bbpb=-2.01, z_pbu=-3.2), ("BBTB", "STUNTING")),
        (Flags(z_pbu=-2.0), ()),
        (Flags(lila_hamil=23.5), ()),  # KEK is LiLA below 23,5 cm
        (Flags(lila_hamil=23.4), ("KEK",)),
        (Flags(kms="O", z_bbu=None, z_pbu=None), ()),  # implausible z-scores are passed as None
    ],
)
def test_reasons(flags, expected):
    assert reasons(flags) == expected


def test_labels_initials_and_rupiah():
    assert labels("BBU,STUNTING") == "BB/U < −2 SD, Stunting (TB/U < −2 SD)"
    assert labels("") == "tidak ada"
    assert initials("nabila putri ayu") == "N. P. A."
    assert rupiah(1_500_000) == "Rp1.500.000" and rupiah(-20_000) == "−Rp20.000" and rupiah(0) == "Rp0"
