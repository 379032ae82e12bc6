"""KMS N/T/O/B with the KBM table, 2T and BGM."""

import datetime as dt

import pytest

from visits.growth.kms import (
    KmsCode,
    KmsRules,
    MonthResult,
    ReferralRule,
    Weighing,
    assess_month,
    kbm_grams,
    kms_history,
    required_gain_grams,
)

BORN = dt.date(2025, 1, 10)
D = dt.date


def codes(weighings):
    return [r.code for r in kms_history(BORN, [Weighing(d, w) for d, w in weighings])]


@pytest.mark.parametrize(
    "months, grams",
    [
        (0, 800),
        (1, 800),
        (2, 900),
        (3, 800),
        (4, 600),
        (5, 500),
        (6, 400),
        (7, 300),
        (10, 300),
        (11, 200),
        (59, 200),
    ],
)
def test_kbm_table(months, grams):
    assert kbm_grams(months) == grams


def test_first_weighing_is_b():
    assert codes([(D(2025, 2, 10), 4.2)]) == [KmsCode.B]


def test_gain_of_exactly_the_kbm_is_n():
    # 10 Feb: 1 month old; 10 Mar: 2 months old, KBM 900 g
    assert codes([(D(2025, 2, 10), 4.2), (D(2025, 3, 10), 5.1)]) == [KmsCode.B, KmsCode.N]


def test_gain_below_the_kbm_is_t():
    assert codes([(D(2025, 2, 10), 4.2), (D(2025, 3, 10), 5.0)]) == [KmsCode.B, KmsCode.T]


def test_weight_lost_is_t():
    assert codes([(D(2025, 2, 10), 4.2), (D(2025, 3, 10), 4.1)]) == [KmsCode.B, KmsCode.T]


def test_missed_month_gives_o():
    assert codes([(D(2025, 2, 10), 4.2), (D(2025, 4, 10), 6.0)]) == [KmsCode.B, KmsCode.O]


def test_two_t_in_a_row_is_2t():
    history = kms_history(
        BORN,
        [Weighing(D(2025, 8, 10), 8.0), Weighing(D(2025, 9, 10), 8.1), Weighing(D(2025, 10, 10), 8.2)],
    )
    assert [(r.code, r.two_t) for r in history] == [(KmsCode.B, False), (KmsCode.T, False), (KmsCode.T, True)]


def test_t_after_a_missed_month_is_not_2t():
    history = kms_history(
        BORN,
        [Weighing(D(2025, 8, 10), 8.0), Weighing(D(2025, 9, 10), 8.1),
         Weighing(D(2025, 11, 10), 8.2), Weighing(D(2025, 12, 10), 8.25)],
    )  # fmt: skip
    assert [(r.code, r.two_t) for r in history][-2:] == [(KmsCode.O, False), (KmsCode.T, False)]


def test_weighed_twice_in_a_month_the_later_counts():
    history = kms_history(
        BORN,
        [Weighing(D(2025, 2, 10), 4.2), Weighing(D(2025, 3, 5), 4.5), Weighing(D(2025, 3, 25), 5.2)],
    )
    assert [(r.code, r.weighing.weight_kg) for r in history] == [(KmsCode.B, 4.2), (KmsCode.N, 5.2)]


def test_weighings_more_than_a_month_apart_add_the_kbm_of_each_month():
    # 1 Feb: 0 months (born 10 Jan); 28 Mar: 2 months → KBM of month 1 and 2 = 800 + 900
    assert required_gain_grams(BORN, D(2025, 2, 1), D(2025, 3, 28)) == 1700


def test_weighings_in_the_same_month_of_age_use_that_months_kbm():
    # 31 Mar (2 months) and 2 Apr (2 months): still one month's KBM
    assert required_gain_grams(BORN, D(2025, 3, 31), D(2025, 4, 2)) == 900


def result(code, two_t=False):
    return MonthResult(D(2025, 5, 1), Weighing(D(2025, 5, 10), 7.0), code, two_t=two_t)


def test_bgm_is_below_minus_3():
    assert assess_month(result(KmsCode.N), -3.01).bgm
    assert not assess_month(result(KmsCode.N), -3.0).bgm


def test_buku_kia_rule_refers_a_single_t_and_above_the_orange_line():
    assert assess_month(result(KmsCode.T), 0.0).reasons == ["Berat badan tidak naik (T)"]
    assert assess_month(result(KmsCode.N), 1.2).reasons == ["Di atas garis oranye"]
    assert not assess_month(result(KmsCode.N), 0.5).refer


def test_surveillance_rule_refers_only_2t_and_bgm():
    rules = KmsRules(referral=ReferralRule.SURVEILANS)
    assert not assess_month(result(KmsCode.T), 0.0, rules).refer
    assert assess_month(result(KmsCode.T, two_t=True), 0.0, rules).reasons == [
        "2T (tidak naik dua bulan berturut-turut)"
    ]
    assert assess_month(result(KmsCode.N), -3.5, rules).reasons == ["Di bawah garis merah (BGM)"]
