"""SKDN arithmetic (Django-free).

S: all balita (0–59 months) of the area in the month; K: those with a KMS / Buku KIA; D: those
weighed in the month (once each: the later valid weighing counts); N: weighed with code N.
Also O, B, T, 2T and BGM. Indicators: K/S (programme coverage), D/S (community participation),
N/D (weighing success), N/D′ with D′ = D − O − B, BGM/D and 2T/D.
"""

from __future__ import annotations

from dataclasses import dataclass

from common.numbers import percent

from .counts import Counts

AGE_BANDS = [(0, 5), (6, 11), (12, 23), (24, 35), (36, 59)]  # months, as on the desa recap forms


@dataclass
class Skdn(Counts):
    s: int = 0
    k: int = 0
    d: int = 0
    n: int = 0
    t: int = 0
    o: int = 0
    b: int = 0
    two_t: int = 0
    bgm: int = 0

    @property
    def d_prime(self) -> int:
        return self.d - self.o - self.b

    @property
    def k_s(self) -> float | None:
        return percent(self.k, self.s)

    @property
    def d_s(self) -> float | None:
        return percent(self.d, self.s)

    @property
    def n_d(self) -> float | None:
        return percent(self.n, self.d)

    @property
    def n_d_prime(self) -> float | None:
        return percent(self.n, self.d_prime)

    @property
    def bgm_d(self) -> float | None:
        return percent(self.bgm, self.d)

    @property
    def two_t_d(self) -> float | None:
        return percent(self.two_t, self.d)


def total(rows) -> Skdn:
    result = Skdn()
    for row in rows:
        result = result + row
    return result


BAND_ROWS = [
    ("S", "s"),
    ("K", "k"),
    ("D", "d"),
    ("N", "n"),
    ("T", "t"),
    ("2T", "two_t"),
    ("O", "o"),
    ("B", "b"),
]


def band_rows(bands: dict[tuple[str, int], Skdn]) -> list[tuple[str, list[int]]]:
    """Rows S, K, D, N, T, 2T, O, B; columns age band × sex (L, P), as on the desa recap form."""
    order = [(sex_band[1], sex_band[0]) for sex_band in sorted((b, s) for s, b in bands)]
    return [(label, [getattr(bands[key], attr) for key in order]) for label, attr in BAND_ROWS]
