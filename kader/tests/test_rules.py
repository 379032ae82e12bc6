"""TKK level from assessments, on hand-made data (kader/rules.py)."""

import datetime as dt

from kader.rules import LevelRule, Result, latest_results, mastered_areas, tkk_level

LEVELS = [LevelRule("purwa", "Purwa", 1), LevelRule("madya", "Madya", 3), LevelRule("utama", "Utama", 5)]
# 5 areas of 2 skills each: area a has skills 10a+1, 10a+2.
AREAS = {a: {10 * a + 1, 10 * a + 2} for a in range(1, 6)}
D = dt.date(2026, 5, 1)


def all_kompeten(*areas):
    return {skill: "kompeten" for a in areas for skill in AREAS[a]}


def test_no_mastered_area_is_below_the_lowest_level():
    assert tkk_level(0, LEVELS) is None


def test_exactly_one_area_is_purwa_two_still_purwa():
    assert tkk_level(1, LEVELS).kode == "purwa"
    assert tkk_level(2, LEVELS).kode == "purwa"


def test_exactly_three_areas_is_madya_four_still_madya():
    assert tkk_level(3, LEVELS).kode == "madya"
    assert tkk_level(4, LEVELS).kode == "madya"


def test_all_five_areas_is_utama():
    assert tkk_level(5, LEVELS).kode == "utama"


def test_an_area_with_one_skill_belum_or_unassessed_is_not_mastered():
    latest = all_kompeten(1, 2, 3)
    latest[22] = "belum"
    del latest[32]
    assert mastered_areas(AREAS, latest) == {1}


def test_an_area_without_skills_is_never_mastered():
    assert mastered_areas({1: set(), 2: {21}}, {21: "kompeten"}) == {2}


def test_the_latest_assessment_wins_by_date_then_by_order():
    results = [
        Result(11, D, 1, "kompeten"),
        Result(11, D + dt.timedelta(days=30), 2, "belum"),  # later date: belum counts
        Result(12, D, 5, "belum"),
        Result(12, D, 6, "kompeten"),  # same date, recorded later
        Result(13, D + dt.timedelta(days=9), 3, "kompeten"),
        Result(13, D, 4, "belum"),  # recorded later but for an earlier date
    ]
    assert latest_results(results) == {11: "belum", 12: "kompeten", 13: "kompeten"}


def test_a_kader_retested_belum_loses_the_area_and_drops_a_level():
    latest = all_kompeten(1, 2, 3)
    assert tkk_level(len(mastered_areas(AREAS, latest)), LEVELS).kode == "madya"
    latest[31] = "belum"
    assert tkk_level(len(mastered_areas(AREAS, latest)), LEVELS).kode == "purwa"
