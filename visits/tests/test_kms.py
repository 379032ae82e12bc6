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
        (7, 400),
        (8, 300),
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


def test_seven_month_old_gaining_350_g_is_t():
    # born 10 Jan 2025: 10 Aug = 7 completed months, KBM 400 g; 8,00 → 8,35 kg is 350 g
    history = kms_history(BORN, [Weighing(D(2025, 7, 10), 8.0), Weighing(D(2025, 8, 10), 8.35)])
    assert [(r.code, r.gain_grams, r.kbm_grams) for r in history] == [
        (KmsCode.B, None, None),
        (KmsCode.T, 350, 400),
    ]


def test_seven_month_old_gaining_400_g_is_n():
    history = kms_history(BORN, [Weighing(D(2025, 7, 10), 8.0), Weighing(D(2025, 8, 10), 8.4)])
    assert [(r.code, r.gain_grams, r.kbm_grams) for r in history][-1] == (KmsCode.N, 400, 400)


@pytest.mark.parametrize(
    "previous, current",
    [
        (D(2025, 7, 1), D(2025, 8, 3)),  # 33 days apart; 6 completed months on 3 Aug
        (D(2025, 7, 3), D(2025, 8, 1)),  # 29 days apart; 6 completed months on 1 Aug
    ],
)
def test_consecutive_months_33_or_29_days_apart_need_the_same_kbm(previous, current):
    # At 6 completed months the KBM is 400 g whatever the days between the weighings:
    # 399 g is T, 400 g is N (no KBM of 5 or 7 months added).
    assert required_gain_grams(BORN, current) == 400
    short = kms_history(BORN, [Weighing(previous, 7.0), Weighing(current, 7.399)])
    enough = kms_history(BORN, [Weighing(previous, 7.0), Weighing(current, 7.4)])
    assert [(r.code, r.kbm_grams) for r in short][-1] == (KmsCode.T, 400)
    assert [(r.code, r.kbm_grams) for r in enough][-1] == (KmsCode.N, 400)


def test_kbm_is_read_at_the_age_of_the_current_weighing():
    # born 10 Jan 2025: 9 Aug = 6 completed months → 400 g; 9 Sep = 7 → 400 g;
    # 10 Sep = 8 → 300 g; 10 Dec = 11 → 200 g; 10 Feb = 1 → 800 g
    assert required_gain_grams(BORN, D(2025, 8, 9)) == 400
    assert required_gain_grams(BORN, D(2025, 9, 9)) == 400
    assert required_gain_grams(BORN, D(2025, 9, 10)) == 300
    assert required_gain_grams(BORN, D(2025, 12, 10)) == 200
    assert required_gain_grams(BORN, D(2025, 2, 10)) == 800


def test_weighed_early_in_a_month_and_late_in_the_next_is_still_consecutive():
    # 1 Jul and 31 Aug are 61 days apart but in consecutive calendar months → N/T, not O
    history = kms_history(BORN, [Weighing(D(2025, 7, 1), 7.0), Weighing(D(2025, 8, 31), 7.4)])
    assert [(r.code, r.kbm_grams) for r in history] == [(KmsCode.B, None), (KmsCode.N, 400)]


def test_weighed_late_in_a_month_and_early_in_the_month_after_next_is_o():
    # 31 Jul and 1 Sep are 32 days apart but August was missed → O
    history = kms_history(BORN, [Weighing(D(2025, 7, 31), 7.0), Weighing(D(2025, 9, 1), 7.5)])
    assert [r.code for r in history] == [KmsCode.B, KmsCode.O]


def test_second_weighing_of_a_month_is_compared_with_last_months_later_weighing():
    # July: 7,0 then 7,2 kg (7,2 counts); August 7,5 kg: 300 g < 400 g → T (against 7,0 it were N)
    history = kms_history(
        BORN, [Weighing(D(2025, 7, 2), 7.0), Weighing(D(2025, 7, 28), 7.2), Weighing(D(2025, 8, 12), 7.5)]
    )
    assert [(r.code, r.weighing.date, r.gain_grams) for r in history] == [
        (KmsCode.B, D(2025, 7, 28), None),
        (KmsCode.T, D(2025, 8, 12), 300),
    ]


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
