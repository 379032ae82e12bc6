"""WHO growth reference tables (LMS), loaded once into numpy arrays.

A table is a regular grid: daily ages (0–5 years), 0.1 cm lengths (weight-for-length/height) or
monthly ages (5–19 years), for sex 1 (boys, laki-laki) and 2 (girls, perempuan).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class LmsTable:
    """L, M and S on a grid x = start + step·i, one row per sex (index 0 boys, 1 girls)."""

    name: str
    start: float
    step: float
    L: np.ndarray
    M: np.ndarray
    S: np.ndarray

    @property
    def stop(self) -> float:
        return self.start + self.step * (self.L.shape[1] - 1)

    def rows(self) -> int:
        return self.L.shape[1] * 2

    def index(self, x: np.ndarray) -> np.ndarray:
        """Grid index of x (already on the grid); -1 where x is off the table."""
        i = np.rint((np.asarray(x, dtype=float) - self.start) / self.step)
        ok = np.isfinite(i) & (i >= 0) & (i < self.L.shape[1])
        return np.where(ok, i, -1).astype(int)

    def at(self, sex_index: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(L, M, S) at grid points x; NaN where x or sex is off the table."""
        i = self.index(x)
        sex_index = np.asarray(sex_index, dtype=int)
        ok = (i >= 0) & (sex_index >= 0)
        s, j = np.where(ok, sex_index, 0), np.where(ok, i, 0)
        nan = np.full(i.shape, np.nan)
        lms = [np.where(ok, arr[s, j], nan) for arr in (self.L, self.M, self.S)]
        return lms[0], lms[1], lms[2]

    def interpolated(
        self, sex_index: np.ndarray, low: np.ndarray, fraction: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(L, M, S) linearly interpolated between grid point `low` and the next one."""
        low, fraction = np.asarray(low, dtype=float), np.asarray(fraction, dtype=float)
        lower = self.at(sex_index, low)
        upper = self.at(sex_index, low + self.step)
        lms = [
            np.where(fraction > 0, lo + fraction * (up - lo), lo) for lo, up in zip(lower, upper, strict=True)
        ]
        return lms[0], lms[1], lms[2]


def _read(name: str, step: float) -> LmsTable:
    with open(DATA / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))[1:]
    xs = sorted({float(r[1]) for r in rows})
    start, count = xs[0], len(xs)
    arrays = {key: np.full((2, count), np.nan) for key in "LMS"}
    for sex, x, l_, m, s, *_ in rows:
        i = int(round((float(x) - start) / step))
        for key, value in zip("LMS", (l_, m, s), strict=True):
            arrays[key][int(sex) - 1, i] = float(value)
    if np.isnan(arrays["M"]).any():
        raise ValueError(f"{name}: the table has gaps")
    return LmsTable(name, start, step, arrays["L"], arrays["M"], arrays["S"])


# name: grid step (days, cm or months)
TABLES = {
    "wfa_0_5": 1,
    "lhfa_0_5": 1,
    "bfa_0_5": 1,
    "hcfa_0_5": 1,
    "acfa_0_5": 1,
    "wfl_0_2": 0.1,
    "wfh_2_5": 0.1,
    "wfa_5_10": 1,
    "hfa_5_19": 1,
    "bfa_5_19": 1,
}


@functools.cache
def table(name: str) -> LmsTable:
    return _read(name, TABLES[name])
