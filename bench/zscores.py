"""Benchmark: WHO z-scores for generated child measurements, vectorised vs a per-row loop.

    .venv/bin/python bench/zscores.py                 # 1,000,000 rows; loop timed on 50,000
    .venv/bin/python bench/zscores.py --rows 200000 --loop-rows 20000

The per-row loop calls the same engine one measurement at a time (what a naive view or script
would do); its time for all rows is extrapolated from --loop-rows, and says so.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visits.growth.indices import LYING, STANDING, compute  # noqa: E402
from visits.growth.tables import table  # noqa: E402
from visits.growth.zscore import value_at  # noqa: E402


def generate(rows: int, seed: int = 1) -> dict[str, np.ndarray]:
    """Plausible measurements: values drawn around the WHO median for age and sex."""
    rng = np.random.default_rng(seed)
    sex = rng.integers(1, 3, rows)
    age = rng.integers(0, 1827, rows).astype(float)
    wfa, lhfa, hc = table("wfa_0_5"), table("lhfa_0_5"), table("hcfa_0_5")
    weight = value_at(rng.normal(-0.5, 1.2, rows), *wfa.at(sex - 1, age))
    length = value_at(rng.normal(-0.8, 1.2, rows), *lhfa.at(sex - 1, age))
    head = value_at(rng.normal(0, 1, rows), *hc.at(sex - 1, age))
    muac = np.where(age >= 91, rng.normal(14.5, 1.2, rows), np.nan)
    position = np.where(age < 731, LYING, STANDING)
    return {"sex": sex, "age_days": age, "weight_kg": weight, "length_cm": length,
            "position": position, "head_cm": head, "muac_cm": muac}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--loop-rows", type=int, default=50_000)
    args = parser.parse_args()
    data = generate(args.rows)
    for name in ("wfa_0_5", "lhfa_0_5", "bfa_0_5", "hcfa_0_5", "acfa_0_5", "wfl_0_2", "wfh_2_5"):
        table(name)  # load the tables outside the timing

    start = time.perf_counter()
    result = compute(**data)
    vectorised = time.perf_counter() - start

    n = min(args.loop_rows, args.rows)
    start = time.perf_counter()
    for i in range(n):
        compute(**{k: v[i : i + 1] for k, v in data.items()})
    loop = (time.perf_counter() - start) * args.rows / n

    computed = int(np.isfinite(result["z_bbu"]).sum())
    print(f"command: .venv/bin/python bench/zscores.py --rows {args.rows} --loop-rows {args.loop_rows}")
    print(f"rows: {args.rows:,}  (BB/U computed for {computed:,})")
    print(f"vectorised: {vectorised:.2f} s  ({args.rows / vectorised:,.0f} rows/s)")
    print(f"per-row loop: {loop:.1f} s  (timed on {n:,} rows, scaled to {args.rows:,})")
    print(f"speed-up: {loop / vectorised:.0f}x")


if __name__ == "__main__":
    main()
