"""Why a person may join an orang tua asuh programme, read off the app's own flags (Django-free).

PMT lokal targets balita who do not gain weight (T), are underweight or gizi kurang, and ibu
hamil KEK (Juknis PMT lokal 2023, Perdirjen Kesmas HK.02.02/B/1622/2023); BKKBN's Bapak Asuh Anak
Stunting (2022) adds children at risk of stunting. The flags are those the weighing already
carries, so a reason is computed from a measurement, never typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from visits.growth.status import STUNTING_BELOW, UNDERWEIGHT_BELOW, WASTING_BELOW
from visits.rules import KEK_LILA_BELOW

REASONS = {
    "T": "T (berat tidak naik)",
    "2T": "2T (dua kali tidak naik)",
    "BBU": "BB/U < −2 SD",
    "BBTB": "BB/TB < −2 SD",
    "STUNTING": "Stunting (TB/U < −2 SD)",
    "KEK": "Ibu hamil KEK",
}


@dataclass(frozen=True)
class Flags:
    """What one weighing says: KMS code, 2T, z-scores (None when implausible) and LiLA of an
    ibu hamil (None for anyone else)."""

    kms: str = ""
    two_t: bool = False
    z_bbu: float | None = None
    z_bbpb: float | None = None
    z_pbu: float | None = None
    lila_hamil: float | None = None


def _below(z: float | None, limit: float) -> bool:
    return z is not None and z < limit


def reasons(flags: Flags) -> tuple[str, ...]:
    """The reason codes (keys of REASONS) a weighing gives, in REASONS order.

    T and 2T: KMK ILP 2023 L1490 (balita bermasalah gizi get MT at the Posyandu) with the KMS
    rule of DOMAIN.md; BB/U, BB/TB and TB/U below −2 SD: Permenkes 2/2020 categories; ibu hamil
    KEK (LiLA < 23,5 cm) gets MT for at least 90 days: KMK ILP 2023 L1261."""
    found = {
        "T": flags.kms == "T" and not flags.two_t,
        "2T": flags.two_t,
        "BBU": _below(flags.z_bbu, UNDERWEIGHT_BELOW),
        "BBTB": _below(flags.z_bbpb, WASTING_BELOW),
        "STUNTING": _below(flags.z_pbu, STUNTING_BELOW),
        "KEK": flags.lila_hamil is not None and flags.lila_hamil < KEK_LILA_BELOW,
    }
    return tuple(code for code in REASONS if found[code])


def labels(codes: str) -> str:
    """ "BBU,STUNTING" → "BB/U < −2 SD, Stunting (TB/U < −2 SD)"; "" → "tidak ada"."""
    names = [REASONS[c] for c in codes.split(",") if c in REASONS]
    return ", ".join(names) or "tidak ada"


def initials(nama: str) -> str:
    """ "Nabila Putri" → "N. P."."""
    return " ".join(f"{part[0].upper()}." for part in nama.split())


def rupiah(amount: int) -> str:
    """1500000 → "Rp1.500.000"; −20000 → "−Rp20.000"."""
    sign = "−" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")
