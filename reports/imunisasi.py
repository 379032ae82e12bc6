"""The immunisation and vitamin A figures of a month (Django-free): doses per antigen, children
reaching imunisasi dasar lengkap (IDL) and baduta lengkap, and in February and August the vitamin
A round per age band (KMK ILP 2023 Tabel 7–8 L1776–1845, L1853; indicators L7569–7573).
Counts add up from Posyandu to desa, Puskesmas and Kab/Kota; the section "imunisasi" of the
month's figures (reports.sections), frozen by tutup bulan like every section."""

from __future__ import annotations

from dataclasses import dataclass, field

from common.numbers import percent
from visits.service_windows import SCHEDULE

ANTIGENS = list(SCHEDULE)


@dataclass
class ImunisasiMonth:
    dosis: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ANTIGENS, 0))
    idl: int = 0  # children whose last IDL dose was given this month, before their first birthday
    baduta_lengkap: int = 0  # DPT-HB-Hib4 and MR2 both given, the later one this month, before 24 months
    vita_biru_sasaran: int = 0  # 6–11 months on the round month's last day (February, August)
    vita_biru: int = 0
    vita_merah_sasaran: int = 0  # 12–59 months
    vita_merah: int = 0

    def __post_init__(self) -> None:
        # A snapshot frozen before an antigen joined the schedule reads 0 for it.
        self.dosis = {a: self.dosis.get(a, 0) for a in ANTIGENS}

    def __add__(self, other: ImunisasiMonth) -> ImunisasiMonth:
        counts = {
            name: getattr(self, name) + getattr(other, name)
            for name in (
                "idl",
                "baduta_lengkap",
                "vita_biru_sasaran",
                "vita_biru",
                "vita_merah_sasaran",
                "vita_merah",
            )
        }
        return ImunisasiMonth({a: self.dosis[a] + other.dosis[a] for a in ANTIGENS}, **counts)

    @property
    def vita_biru_cakupan(self) -> float | None:
        return percent(self.vita_biru, self.vita_biru_sasaran)

    @property
    def vita_merah_cakupan(self) -> float | None:
        return percent(self.vita_merah, self.vita_merah_sasaran)


def add_all(rows) -> ImunisasiMonth:
    return sum(rows, ImunisasiMonth())
