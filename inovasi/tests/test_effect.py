"""Innovation effect, child outcome and ledger balance on hand-made figures (Django-free)."""

import datetime as dt

from inovasi import effect
from inovasi.effect import Weighing
from reports.period import Month
from reports.skdn import Skdn

D = dt.date


def test_windows_are_the_months_before_and_from_the_start_none_after_until():
    before, after = effect.windows(Month(2026, 2), 3, until=Month(2026, 3))
    assert before == [Month(2025, 11), Month(2025, 12), Month(2026, 1)]
    assert after == [Month(2026, 2), Month(2026, 3)]  # April is after `until`


def test_effect_pools_each_window_and_subtracts_the_comparison_change():
    own = {
        Month(2025, 12): Skdn(s=10, d=5, n=3),
        Month(2026, 1): Skdn(s=10, d=6, n=3),
        Month(2026, 2): Skdn(s=10, d=4, n=2),
        Month(2026, 3): Skdn(s=10, d=8, n=6),
        Month(2026, 4): Skdn(s=12, d=9, n=6),
    }
    others = {m: Skdn(s=20, d=10, n=5) for m in (Month(2025, 12), Month(2026, 1), Month(2026, 2))}
    others |= {Month(2026, 3): Skdn(s=20, d=12, n=6), Month(2026, 4): Skdn(s=20, d=12, n=9)}
    ds, nd = effect.effect(own, others, start=Month(2026, 3), n=3, until=Month(2026, 4))
    # D/S here: before 15/30 = 50 %, after 17/22 = 77,27 %; comparison 30/60 = 50 % → 24/40 = 60 %
    assert (ds.label, ds.before, ds.after) == ("D/S", effect.Rate(15, 30), effect.Rate(17, 22))
    assert ds.before.value == 50 and round(ds.after.value, 2) == 77.27
    assert round(ds.change, 2) == 27.27 and ds.other_change == 10
    assert round(ds.difference, 2) == 17.27
    # N/D here: 8/15 = 53,33 % → 12/17 = 70,59 %; comparison 15/30 = 50 % → 15/24 = 62,5 %
    assert (nd.before, nd.after) == (effect.Rate(8, 15), effect.Rate(12, 17))
    assert nd.other_after == effect.Rate(15, 24)
    assert round(nd.change, 2) == 17.25 and nd.other_change == 12.5
    assert round(nd.difference, 2) == 4.75


def test_no_figure_without_a_denominator():
    ds, _ = effect.effect({}, {}, start=Month(2026, 3), n=3, until=Month(2026, 4))
    assert ds.before == effect.Rate(0, 0)
    assert ds.before.value is None and ds.change is None and ds.difference is None


HISTORY = [
    Weighing(D(2026, 5, 10), 8.0, "B", ()),
    Weighing(D(2026, 6, 10), 8.0, "T", ("T", "BBU")),  # enrolled on this day: the baseline
    Weighing(D(2026, 7, 10), 8.4, "N", ("BBU",)),
    Weighing(D(2026, 8, 10), 8.3, "T", ("T",)),
    Weighing(D(2026, 8, 12), 8.35, "", ("T",)),  # an earlier weighing of August: no KMS code
    Weighing(D(2026, 9, 10), 8.9, "N", ()),
    Weighing(D(2026, 10, 10), 9.4, "N", ()),  # after the end: not counted
]


def test_child_outcome_gain_n_rate_and_status_change():
    outcome = effect.child_outcome(HISTORY, start=D(2026, 6, 10), end=D(2026, 9, 30))
    assert outcome.gain_g == 900  # 8,0 kg on 10 June → 8,9 kg on 10 September
    assert (outcome.n, outcome.t) == (2, 1)  # July N, August T, September N
    assert round(outcome.n_rate, 2) == 66.67
    assert outcome.reasons_start == ("T", "BBU") and outcome.reasons_end == ()
    assert outcome.recovered is True


def test_a_weighing_on_the_end_day_counts_and_an_implausible_weight_is_skipped():
    history = [*HISTORY[:3], Weighing(D(2026, 7, 20), None, "", ("BBU",))]
    outcome = effect.child_outcome(history, start=D(2026, 6, 10), end=D(2026, 7, 20))
    assert outcome.gain_g == 400  # the last plausible weight, 8,4 kg
    assert (outcome.n, outcome.t, outcome.reasons_end, outcome.recovered) == (1, 0, ("BBU",), False)


def test_a_child_not_weighed_since_the_start_has_no_outcome_yet():
    outcome = effect.child_outcome(HISTORY[:2], start=D(2026, 6, 10), end=D(2026, 9, 30))
    assert outcome.gain_g is None and outcome.n_rate is None
    assert outcome.reasons_end is None and outcome.recovered is None


def test_ledger_balance_in_by_source_out_by_child_or_activity():
    ledger = effect.ledger([
        ("masuk", 1_500_000, "PT Maju"),
        ("masuk", 500_000, "Dana Desa"),
        ("masuk", 250_000, "PT Maju"),
        ("keluar", 400_000, "Nabila"),
        ("keluar", 150_000, "Kelas masak"),
        ("keluar", 100_000, "Nabila"),
    ])  # fmt: skip
    assert (ledger.masuk, ledger.keluar, ledger.saldo) == (2_250_000, 650_000, 1_600_000)
    assert dict(ledger.by_source) == {"PT Maju": 1_750_000, "Dana Desa": 500_000}
    assert dict(ledger.by_target) == {"Nabila": 500_000, "Kelas masak": 150_000}
