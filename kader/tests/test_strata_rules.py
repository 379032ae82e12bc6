"""Strata and Posyandu aktif from a year's figures, hand-made (kader/strata_rules.py), with the
default criteria of migration 0002 (Pedoman Umum Pengelolaan Posyandu 2011; DO Posyandu aktif
2023)."""

from decimal import Decimal

from kader.strata_rules import Rule, evaluate


def rule(scheme, level, indicator, minimum):
    return Rule(scheme, level, indicator, Decimal(minimum))


DEFAULT = [
    rule("strata", "madya", "hari_buka", 8),
    rule("strata", "madya", "kader_bertugas", 5),
    rule("strata", "purnama", "ds", 50),
    rule("strata", "purnama", "kia", 50),
    rule("strata", "purnama", "kb", 50),
    rule("strata", "purnama", "imunisasi", 50),
    rule("strata", "purnama", "program_tambahan", 1),
    rule("strata", "mandiri", "dana_sehat", 50),
    rule("aktif", "", "hari_buka", 8),
    rule("aktif", "", "kader_sk", 5),
    rule("aktif", "", "layanan_sasaran", 1),
]
MANDIRI = {
    "hari_buka": 12, "kader_bertugas": 5.5, "ds": 72.0, "kia": 80.0, "kb": 60.0, "imunisasi": 90.0,
    "program_tambahan": 2, "dana_sehat": 55.0, "kader_sk": 6, "layanan_sasaran": 3,
}  # fmt: skip


def verdict(**changes):
    return evaluate({**MANDIRI, **changes}, DEFAULT)


def test_every_criterion_met_is_mandiri_and_aktif():
    v = verdict()
    assert (v.strata, v.aktif) == ("mandiri", True)
    assert len(v.strata_evidence) == 8 and all(e.met for e in v.strata_evidence)


def test_exactly_8_opening_days_and_5_kader_is_enough():
    assert verdict(hari_buka=8, kader_bertugas=5).strata == "mandiri"


def test_7_opening_days_is_pratama_and_not_aktif_whatever_else():
    v = verdict(hari_buka=7)
    assert (v.strata, v.aktif) == ("pratama", False)
    failed = [e.rule.indikator for e in v.strata_evidence + v.aktif_evidence if not e.met]
    assert failed == ["hari_buka", "hari_buka"]


def test_average_kader_just_under_5_is_pratama():
    assert verdict(kader_bertugas=4.9).strata == "pratama"


def test_ds_exactly_50_percent_meets_purnama_49_9_stays_madya():
    assert verdict(ds=50.0, dana_sehat=0.0).strata == "purnama"
    assert verdict(ds=49.9).strata == "madya"


def test_no_extra_programme_stays_madya_even_with_dana_sehat():
    assert verdict(program_tambahan=0).strata == "madya"


def test_dana_sehat_under_50_is_purnama_and_not_entered_is_purnama():
    assert verdict(dana_sehat=49.9).strata == "purnama"
    v = verdict(dana_sehat=None)
    assert v.strata == "purnama"
    assert [e.value for e in v.strata_evidence if e.rule.indikator == "dana_sehat"] == [None]


def test_a_missing_coverage_figure_does_not_count_as_met():
    assert verdict(kb=None).strata == "madya"


def test_aktif_needs_5_kader_with_sk_and_a_group_served():
    assert verdict(kader_sk=5).aktif is True
    assert verdict(kader_sk=4).aktif is False
    assert verdict(layanan_sasaran=0).aktif is False


def test_without_aktif_criteria_nothing_is_aktif():
    assert evaluate(MANDIRI, [r for r in DEFAULT if r.skema == "strata"]).aktif is False


def test_a_higher_stratum_needs_the_lower_ones_criteria():
    # Purnama and Mandiri figures met but too few opening days: still Pratama.
    assert verdict(hari_buka=3).strata == "pratama"
