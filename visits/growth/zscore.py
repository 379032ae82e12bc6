"""The WHO LMS z-score, plain and restricted (WHO Child Growth Standards, chapter 7).

z = ((X/M)^L − 1) / (L·S). For weight-based indices WHO does not trust the LMS curve beyond
±3 SD and measures the distance past SD3 in units of the SD2–SD3 distance instead:
z = 3 + (X − SD3) / (SD3 − SD2)   (and symmetrically below −3).
"""

from __future__ import annotations

import numpy as np


def value_at(z: float | np.ndarray, L, M, S) -> np.ndarray:
    """The measurement at z standard deviations: M·(1 + L·S·z)^(1/L)."""
    L, M, S = (np.asarray(a, dtype=float) for a in (L, M, S))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.abs(L) < 1e-12, M * np.exp(S * z), M * np.power(1 + L * S * z, 1 / L))


def lms_z(X, L, M, S) -> np.ndarray:
    X, L, M, S = (np.asarray(a, dtype=float) for a in (X, L, M, S))
    with np.errstate(divide="ignore", invalid="ignore"):
        plain = (np.power(X / M, L) - 1) / (L * S)
        log = np.log(X / M) / S
    return np.where(np.abs(L) < 1e-12, log, plain)


def lms_z_restricted(X, L, M, S) -> np.ndarray:
    """WHO's restricted z-score for weight-based indices (BB/U, BB/PB-TB, IMT/U, LiLA/U)."""
    X = np.asarray(X, dtype=float)
    z = lms_z(X, L, M, S)
    sd3_pos, sd2_pos = value_at(3, L, M, S), value_at(2, L, M, S)
    sd3_neg, sd2_neg = value_at(-3, L, M, S), value_at(-2, L, M, S)
    with np.errstate(divide="ignore", invalid="ignore"):
        above = 3 + (X - sd3_pos) / (sd3_pos - sd2_pos)
        below = -3 + (X - sd3_neg) / (sd2_neg - sd3_neg)
    return np.where(z > 3, above, np.where(z < -3, below, z))
