"""The month's pregnancy figures from the episodes (Django-free counts that add up from
Posyandu to desa, Puskesmas and Kab/Kota): KF1–KF4 and KN1–KN3 copied from the Buku KIA in
the month (KMK ILP 2023 L1280), ibu hamil KEK given MT in the month, and the ibu hamil of the
month whose TTD total reached 90 tablets (L1128–1138, visits.pregnancy_rules.TTD_TARGET_TABLETS)."""

from __future__ import annotations

from dataclasses import dataclass

from common.numbers import percent

from .counts import Counts

NIFAS_KINDS = ("KF1", "KF2", "KF3", "KF4", "KN1", "KN2", "KN3")  # visits.models.PostnatalKind


@dataclass
class Ibu(Counts):
    kf1: int = 0
    kf2: int = 0
    kf3: int = 0
    kf4: int = 0
    kn1: int = 0
    kn2: int = 0
    kn3: int = 0
    kek_mt: int = 0  # ibu hamil KEK given MT in the month
    hamil: int = 0  # pregnancies open during the month
    ttd_90: int = 0  # … whose TTD total reached 90 by the month's end (or their outcome)

    @property
    def nifas(self) -> dict[str, int]:
        """KF/KN contacts by their Buku KIA name."""
        return {kind: getattr(self, kind.lower()) for kind in NIFAS_KINDS}

    @property
    def persen_ttd_90(self) -> float | None:
        return percent(self.ttd_90, self.hamil)
