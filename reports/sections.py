"""The counts of each report section and the figures derived from them (Django-free).

Counts add up from Posyandu to desa, Puskesmas and Kab/Kota; percentages are always
recomputed from the summed counts, never averaged.
"""

from __future__ import annotations

from dataclasses import dataclass

from common.numbers import percent

from .counts import Counts
from .ibu import Ibu
from .imunisasi import ImunisasiMonth
from .skdn import Skdn
from .vital import Vital


@dataclass
class Gizi(Counts):
    """Nutritional status of the children weighed (D), implausible values left out."""

    diukur_bbu: int = 0
    underweight: int = 0
    diukur_pbu: int = 0
    stunting: int = 0
    diukur_bbpb: int = 0
    wasting: int = 0
    overweight: int = 0

    @property
    def prevalensi(self) -> dict[str, float | None]:
        return {
            "stunting": percent(self.stunting, self.diukur_pbu),
            "wasting": percent(self.wasting, self.diukur_bbpb),
            "underweight": percent(self.underweight, self.diukur_bbu),
            "overweight": percent(self.overweight, self.diukur_bbpb),
        }


@dataclass
class Kelompok(Counts):
    """Visits by life-cycle group (a person in two groups counts in both)."""

    ibu_hamil: int = 0
    ibu_nifas_menyusui: int = 0
    bayi_balita: int = 0
    anak_prasekolah: int = 0
    usia_sekolah_remaja: int = 0
    usia_dewasa: int = 0
    lansia: int = 0
    total: int = 0


@dataclass
class Layanan(Counts):
    vitamin_a: int = 0
    imunisasi: int = 0
    obat_cacing: int = 0
    ttd: int = 0
    pmt: int = 0


@dataclass
class Skrining(Counts):
    """People of 15 and over (usia produktif and lansia) screened for PTM, and suspects found;
    hipertensi is ≥ 140/90 from 18 and ≥ 130/80 at 15–17 (KMK ILP 2023 L4362, L3095)."""

    dewasa_datang: int = 0
    td_diukur: int = 0
    hipertensi: int = 0
    gula_diukur: int = 0
    gula_tinggi: int = 0
    imt_diukur: int = 0
    obesitas: int = 0
    terduga_tbc: int = 0

    @property
    def persen_td_diukur(self) -> float | None:
        return percent(self.td_diukur, self.dewasa_datang)


@dataclass
class Rujukan(Counts):
    dirujuk: int = 0
    ditindaklanjuti: int = 0
    alasan: int = 0  # referral reasons (a person may have several)
    dibatalkan: int = 0  # reasons a correction removed before any follow-up (kept, not open)

    @property
    def terbuka(self) -> int:
        return self.alasan - self.ditindaklanjuti - self.dibatalkan

    @property
    def persen_ditindaklanjuti(self) -> float | None:
        """Of the referrals that still stand: a cancelled one needs no follow-up."""
        return percent(self.ditindaklanjuti, self.alasan - self.dibatalkan)


@dataclass
class Kia(Counts):
    """What a Posyandu sees of mothers: pregnancies seen, KEK, high blood pressure, TTD, ANC
    contacts reported from the Buku KIA (K1, K4, K6), nifas visits, vitamin A nifas."""

    ibu_hamil_datang: int = 0
    kek: int = 0
    td_tinggi: int = 0
    ttd: int = 0
    k1: int = 0
    k4: int = 0
    k6: int = 0
    nifas_datang: int = 0
    vitamin_a_nifas: int = 0
    hb_hamil_diperiksa: int = 0
    anemia_hamil: int = 0  # Hb < 11 g/dL (KMK ILP 2023 L7400)
    hb_remaja_putri_diperiksa: int = 0
    anemia_remaja_putri: int = 0  # Hb < 12 g/dL, 10–17 years (L7420)


SECTIONS = {"skdn": Skdn, "gizi": Gizi, "kelompok": Kelompok, "layanan": Layanan, "skrining": Skrining,
            "rujukan": Rujukan, "kia": Kia, "vital": Vital, "ibu": Ibu,
            "imunisasi": ImunisasiMonth}  # fmt: skip


@dataclass
class PosyanduMonth:
    """Every section of one Posyandu (or a sum of Posyandu) for a month."""

    skdn: Skdn
    gizi: Gizi
    kelompok: Kelompok
    layanan: Layanan
    skrining: Skrining
    rujukan: Rujukan
    kia: Kia
    vital: Vital
    ibu: Ibu  # pregnancy episodes: KF/KN, KEK given MT, TTD ≥ 90 (reports.ibu)
    imunisasi: ImunisasiMonth  # doses per antigen, IDL, baduta lengkap, vitamin A round

    def __add__(self, other: PosyanduMonth) -> PosyanduMonth:
        return PosyanduMonth(**{name: getattr(self, name) + getattr(other, name) for name in SECTIONS})

    @classmethod
    def empty(cls) -> PosyanduMonth:
        return cls(**{name: section() for name, section in SECTIONS.items()})


def add_all(rows) -> PosyanduMonth:
    result = PosyanduMonth.empty()
    for row in rows:
        result = result + row
    return result
