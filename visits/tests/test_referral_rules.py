"""Referral rules (rujukan), one by one, with their boundaries."""

import pytest

from registry.lifecycle import Group
from visits.growth.kms import KmsCode, MonthResult, Weighing, assess_month
from visits.referral_rules import VisitFacts, referral_reasons

G = Group
BALITA = frozenset({G.BAYI_BALITA})
DEWASA = frozenset({G.USIA_DEWASA})
HAMIL = frozenset({G.IBU_HAMIL, G.USIA_DEWASA})


def codes(**kwargs) -> list[str]:
    kwargs.setdefault("groups", DEWASA)
    kwargs.setdefault("age_days", 12000)
    return [code for code, _ in referral_reasons(VisitFacts(**kwargs))]


def kms(code: KmsCode, two_t=False, z=0.0):
    import datetime as dt

    result = MonthResult(dt.date(2026, 5, 1), Weighing(dt.date(2026, 5, 10), 9.0), code, two_t=two_t)
    return assess_month(result, z)


def test_healthy_adult_is_not_referred():
    assert codes(measurements={"sistol": 120, "diastol": 80, "gula_darah": 110}) == []


@pytest.mark.parametrize(
    "sistol, diastol, referred", [(139, 89, False), (140, 80, True), (130, 90, True), (160, 100, True)]
)
def test_adult_blood_pressure_at_140_90(sistol, diastol, referred):
    assert ("hipertensi" in codes(measurements={"sistol": sistol, "diastol": diastol})) == referred


def test_pregnant_woman_with_high_blood_pressure_has_her_own_reason():
    assert codes(groups=HAMIL, measurements={"sistol": 140, "diastol": 90}) == ["td_hamil"]


@pytest.mark.parametrize("lila, kek", [(23.4, True), (23.5, False)])
def test_pregnant_woman_kek_below_23_5(lila, kek):
    assert ("kek" in codes(groups=HAMIL, measurements={"lila_cm": lila})) == kek


@pytest.mark.parametrize("gula, referred", [(199, False), (200, True)])
def test_gula_darah_200(gula, referred):
    assert ("gula_darah" in codes(measurements={"gula_darah": gula})) == referred


@pytest.mark.parametrize(
    "lila, expected", [(11.4, ["lila_buruk"]), (11.5, ["lila_kurang"]), (12.4, ["lila_kurang"]), (12.5, [])]
)
def test_child_lila_thresholds_from_6_months(lila, expected):
    assert codes(groups=BALITA, age_days=400, measurements={"lila_cm": lila}) == expected


def test_lila_rule_does_not_apply_under_6_months():
    assert codes(groups=BALITA, age_days=150, measurements={"lila_cm": 10.0}) == []


def test_stunting_and_wasting_from_status():
    status = {"pbu": "Pendek", "bbpb": "Gizi buruk"}
    assert codes(groups=BALITA, age_days=400, status=status) == ["gizi_buruk", "stunting"]
    assert codes(groups=BALITA, age_days=400, status={"bbpb": "Gizi kurang"}) == ["gizi_kurang"]


def test_implausible_indices_do_not_refer():
    status = {"pbu": "Sangat pendek"}
    assert codes(groups=BALITA, age_days=400, status=status, implausible=frozenset({"pbu"})) == []


def test_kms_t_2t_and_bgm():
    assert codes(groups=BALITA, age_days=400, kms=kms(KmsCode.T)) == ["t"]
    assert codes(groups=BALITA, age_days=400, kms=kms(KmsCode.T, two_t=True)) == ["2t"]
    assert codes(groups=BALITA, age_days=400, kms=kms(KmsCode.N, z=-3.2)) == ["bgm"]
    assert codes(groups=BALITA, age_days=400, kms=kms(KmsCode.N)) == []


@pytest.mark.parametrize(
    "services, expected",
    [
        ({"gejala_tbc": ["batuk_2_minggu"]}, ["tbc"]),
        ({"skilas": ["mobilitas"]}, ["skilas"]),
        ({"puma_skor": 5}, []),
        ({"puma_skor": 6}, ["puma"]),
        ({"srq20_skor": 6}, ["srq20"]),
        ({"tanda_bahaya": True}, ["tanda_bahaya"]),
    ],
)
def test_screening_results(services, expected):
    assert codes(groups=frozenset({G.LANSIA}), services=services) == expected


@pytest.mark.parametrize("lila, referred", [(20.9, True), (21.0, False)])
def test_lansia_lila_below_21(lila, referred):
    assert ("lansia_lila" in codes(groups=frozenset({G.LANSIA}), measurements={"lila_cm": lila})) == referred
