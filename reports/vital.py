"""Births, deaths and reporting completeness of a month (Django-free counts that add up from
Posyandu to desa, Puskesmas and Kab/Kota)."""

from __future__ import annotations

from dataclasses import dataclass

from .counts import Counts


@dataclass
class Vital(Counts):
    """Lahir: babies born in the month (BBLR under 2,500 g, KMK ILP 2023 L1571); mati: deaths
    in the month of bayi (0–11 months), balita (0–59 months, bayi included) and ibu (in
    pregnancy, delivery or nifas, registry.lifecycle.is_maternal_death); belum_entri: 1 for a
    Posyandu with no visit entered in the month, so a sum is the number of such Posyandu."""

    lahir: int = 0
    bblr: int = 0
    mati_bayi: int = 0
    mati_balita: int = 0
    mati_ibu: int = 0
    mati: int = 0
    belum_entri: int = 0
