"""The rules of one pregnancy on hand-made dates, each at its boundary."""

import datetime as dt

import pytest

from visits import pregnancy_rules as rules

D = dt.date


@pytest.mark.parametrize(
    ("hpht", "expected"),
    [
        (D(2026, 3, 10), D(2026, 12, 17)),  # 10 + 7 = 17, March − 3 = December, same year + 1 − 1
        (D(2024, 5, 29), D(2025, 3, 5)),  # + 7 days crosses into June first: 5 June → 5 March
        (D(2026, 5, 24), D(2027, 2, 28)),  # 31 May + 9 months: February has no 31st
        (D(2027, 5, 24), D(2028, 2, 29)),  # … in a leap year its last day is the 29th
        (D(2026, 12, 28), D(2027, 10, 4)),  # 4 January 2027 − 3 months + 1 year
    ],
)
def test_hpl_by_naegele(hpht, expected):
    assert rules.hpl(hpht) == expected


def test_gestation_in_completed_weeks_and_days():
    assert rules.gestation(D(2026, 1, 1), D(2026, 1, 1)) == (0, 0)
    assert rules.gestation(D(2026, 1, 1), D(2026, 3, 5)) == (9, 0)  # 63 days
    assert rules.gestation(D(2026, 1, 1), D(2026, 3, 11)) == (9, 6)  # 69 days


@pytest.mark.parametrize(
    ("days", "expected"),
    [(0, 1), (84, 1), (85, 2), (168, 2), (169, 3), (280, 3)],  # 12w0d, 12w1d, 24w0d, 24w1d
)
def test_trimester_boundaries(days, expected):
    hpht = D(2026, 1, 1)
    assert rules.trimester(hpht, hpht + dt.timedelta(days=days)) == expected


HPHT = D(2026, 6, 1)


def _four_t(born, hpht=HPHT, last_birth=None, para=0):
    return rules.four_t(born, hpht, last_birth, para)


def test_too_young_below_20_at_hpht():
    assert _four_t(D(2006, 6, 2)).terlalu_muda  # 19 years on 1 June 2026 (birthday next day)
    assert not _four_t(D(2006, 6, 1)).terlalu_muda  # 20 years that day


def test_too_old_above_35_at_hpht():
    assert not _four_t(D(1990, 6, 2)).terlalu_tua  # 35 years
    assert _four_t(D(1990, 6, 1)).terlalu_tua  # 36 years that day


def test_too_close_under_two_years_since_the_last_birth():
    assert _four_t(D(1995, 1, 1), last_birth=D(2024, 6, 2)).terlalu_dekat  # 1 year 11 months 30 days
    assert not _four_t(D(1995, 1, 1), last_birth=D(2024, 6, 1)).terlalu_dekat  # 2 years
    assert not _four_t(D(1995, 1, 1), last_birth=None).terlalu_dekat


def test_too_many_from_four_births():
    assert not _four_t(D(1995, 1, 1), para=3).terlalu_banyak
    assert _four_t(D(1995, 1, 1), para=4).terlalu_banyak
    assert not _four_t(D(1995, 1, 1), para=None).terlalu_banyak


def test_four_t_labels_name_each_flag_raised():
    flags = _four_t(D(2008, 1, 1), last_birth=D(2025, 6, 1), para=4)
    assert flags.labels == [
        "Terlalu muda (< 20 tahun)",
        "Terlalu dekat (< 2 tahun sejak persalinan terakhir)",
        "Terlalu banyak (≥ 4 anak)",
    ]


@pytest.mark.parametrize(
    ("trimesters", "complete"),
    [
        ([1, 2, 2, 3, 3, 3], True),
        ([1, 1, 2, 2, 3, 3, 3], True),
        ([1, 2, 3, 3, 3, 3], False),  # six contacts, only one in trimester 2
        ([2, 2, 2, 3, 3, 3], False),  # none in trimester 1
        ([1, 2, 2, 3, 3], False),  # five contacts
        ([], False),
    ],
)
def test_k6_needs_six_contacts_spread_one_two_three(trimesters, complete):
    assert rules.k6_complete(trimesters) is complete


def test_ttd_done_from_90_tablets():
    assert not rules.ttd_done(89)
    assert rules.ttd_done(90)


def test_mt_done_from_90_days():
    assert not rules.mt_done(89)
    assert rules.mt_done(90)


def test_td_status_is_the_last_dose_reached_in_order():
    assert rules.td_status([]) == 0
    assert rules.td_status([1, 2, 3]) == 3
    assert rules.td_status([1, 3]) == 1
    assert rules.td_status([1, 2, 3, 4, 5]) == 5


def test_td_dose_must_follow_the_previous_one():
    doses = {1: D(2026, 1, 5)}
    assert rules.next_td_dose_error(doses, 3, D(2026, 6, 1)) == "Catat T2 lebih dulu."
    assert rules.next_td_dose_error(doses, 2, D(2026, 1, 5)) == "Tanggal T2 harus sesudah T1 (05-01-2026)."
    assert rules.next_td_dose_error(doses, 1, D(2026, 2, 1)) == "T1 sudah dicatat (05-01-2026)."
    assert rules.next_td_dose_error(doses, 2, D(2026, 1, 6)) is None


BORN = dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("day", "recorded", "missing"),
    [
        (-1, [], []),  # before the delivery
        (0, [], ["KF1"]),  # KF1 opens on the day of delivery (6 jam)
        (2, ["KF1"], []),  # KF2 opens on day 3
        (3, ["KF1"], ["KF2"]),
        (7, [], ["KF1", "KF2"]),  # KF1's window has passed unrecorded: still missing
        (8, ["KF1", "KF2"], ["KF3"]),
        (28, ["KF1", "KF2", "KF3"], []),
        (29, ["KF1", "KF2", "KF3"], ["KF4"]),
        (42, ["KF2"], ["KF1", "KF3", "KF4"]),
        (42, ["KF1", "KF2", "KF3", "KF4"], []),
        (43, [], []),  # nifas is over
    ],
)
def test_kf_missing_once_its_window_opens_until_recorded(day, recorded, missing):
    assert rules.kf_missing(BORN, BORN + dt.timedelta(days=day), recorded) == missing


def test_kf_text_names_the_window_in_days():
    assert [rules.kf_text(k) for k in ("KF1", "KF4")] == ["KF1 (hari 0–2)", "KF4 (hari 29–42)"]
