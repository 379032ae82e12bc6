"""Lomba scoring on hand-made numbers (Django-free): weighted totals, ranking with ties, the
score of a figure at its cut points, and gaps."""

from fractions import Fraction

from pembinaan import scoring

WEIGHTS = {"sk": 5, "ds": 10, "kader": 5}


def test_weighted_total_is_normalised_to_100():
    # 5·4 + 10·2 + 5·3 = 55 of a possible 4 · 20 = 80 → 68,75
    assert scoring.weighted_total({"sk": 4, "ds": 2, "kader": 3}, WEIGHTS) == Fraction(6875, 100)
    assert scoring.weighted_total({"sk": 4, "ds": 4, "kader": 4}, WEIGHTS) == 100
    assert scoring.weighted_total({"sk": 1, "ds": 1, "kader": 1}, WEIGHTS) == 25


def test_no_total_until_every_criterion_is_scored():
    assert scoring.weighted_total({"sk": 4, "ds": 4}, WEIGHTS) is None
    assert scoring.weighted_total({}, {}) is None


def test_ranking_shares_a_rank_on_equal_totals_and_skips_the_next():
    totals = {"a": Fraction(80), "b": Fraction(75), "c": Fraction(75), "d": Fraction(60), "e": None}
    assert scoring.rank(totals) == {"a": 1, "b": 2, "c": 2, "d": 4, "e": None}


def test_different_scores_with_the_same_weighted_total_tie_exactly():
    weights = {"x": 1, "y": 2}
    p = scoring.weighted_total({"x": 4, "y": 1}, weights)  # (4 + 2) / 12 → 50
    q = scoring.weighted_total({"x": 2, "y": 2}, weights)  # (2 + 4) / 12 → 50
    r = scoring.weighted_total({"x": 1, "y": 4}, weights)  # (1 + 8) / 12 → 75
    assert (p, q, r) == (50, 50, 75)
    assert scoring.rank({"p": p, "q": q, "r": r}) == {"p": 2, "q": 2, "r": 1}


def test_a_third_is_not_rounded_into_a_tie():
    weights = {"x": 1, "y": 1, "z": 1}
    thirds = scoring.weighted_total({"x": 4, "y": 4, "z": 3}, weights)  # 11/12 → 91,66…
    assert thirds == Fraction(275, 3)
    assert scoring.rank({"a": thirds, "b": Fraction(9167, 100)}) == {"a": 2, "b": 1}


def test_score_of_a_figure_at_each_cut_point():
    cuts = (25, 50, 85)  # D/S
    got = [scoring.score_of(v, cuts) for v in (0, 24.9, 25, 49.99, 50, 84.9, 85, 100)]
    assert got == [1, 1, 2, 2, 3, 3, 4, 4]
    assert scoring.score_of(None, cuts) is None


def test_score_of_where_lower_is_better():
    cuts = (30, 20, 14)  # e.g. stunting %: ≤ 14 scores 4
    got = [scoring.score_of(v, cuts, higher_is_better=False) for v in (31, 30, 20.1, 20, 14.1, 14, 0)]
    assert got == [1, 2, 2, 3, 3, 4, 4]


def test_gaps_are_the_criteria_scored_1_or_2():
    assert scoring.gaps({"sk": 1, "ds": 2, "kader": 3, "sarana": 4}) == ["sk", "ds"]
