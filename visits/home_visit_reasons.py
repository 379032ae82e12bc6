"""Why a person is on the home-visit list (kunjungan rumah): the reasons, their texts in
Bahasa Indonesia, and the rules that need no database. Django-free.

KMK ILP 2023 L1055: kader visit at home the mothers and children "yang belum mendapatkan
pelayanan kesehatan, tidak melakukan kunjungan ulang, ketidakpatuhan pengobatan, dan memiliki
tanda bahaya". Each reason is found by a provider in visits/home_visit_selectors.py; a home
visit's outcome closes one reason for one month (visits.models.HomeVisitOutcome).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from registry.lifecycle import Group

from . import rules
from .rules import Subject

# Reason codes (stored in HomeVisitOutcome.kode) and their labels, in the order the list shows them.
REASONS: dict[str, str] = {
    "tanda_bahaya": "Tanda bahaya kehamilan/nifas",
    "nifas_kf": "Ibu nifas belum kunjungan nifas (KF)",
    "neonatal_kn": "Bayi baru lahir belum kunjungan neonatal (KN)",
    "rujukan": "Rujukan belum ditindaklanjuti",
    "gizi": "Masalah gizi belum dipantau (2T/BGM/stunting/gizi kurang)",
    "imunisasi": "Imunisasi terlambat (DOFU)",
    "vitamin_a": "Vitamin A belum diberikan setelah bulan vitamin A",
    "ptm": "Hipertensi/gula darah/obesitas belum dipantau",
    "anemia_remaja": "Remaja putri anemia belum dipantau",
    "tbc": "Terduga TBC belum dipantau",
    "tbc_kontak": "Kontak serumah terduga TBC belum diskrining",
    "belum_datang": "Belum datang bulan ini",
}

# A referral is left to the Puskesmas for a week before the kader goes to ask (our choice: the
# KMK names no delay; L1055 "tidak melakukan kunjungan ulang").
REFERRAL_WAIT_DAYS = 7
# A danger sign is followed up at home while no later visit has seen the mother, for this long.
DANGER_SIGN_DAYS = 30
NEONATAL_DAYS = 28  # KN 1–3 within the first 28 days (KMK ILP 2023 L1552)
# A TBC suspect, and their household contacts, are followed up at home for this many days after
# the symptoms were recorded (our choice; KMK ILP 2023 L2077, L5089, L7713 name no period).
TBC_DAYS = 90
# Groups expected at the Posyandu every month (KMK ILP 2023 L1520, L5852): missing a month is a reason.
MONTHLY_GROUPS = [Group.BAYI_BALITA, Group.IBU_HAMIL, Group.IBU_NIFAS_MENYUSUI, Group.LANSIA]

OPEN, CLOSED, ALL = "terbuka", "ditutup", "semua"


class Found(NamedTuple):
    """One reason for one person, as a provider returns it."""

    person_id: int
    kode: str
    text: str


def month_start(on: dt.date) -> dt.date:
    return on.replace(day=1)


def gizi_problems(*, two_t: bool, bgm: bool, status_pbu: str, status_bbpb: str) -> list[str]:
    """Growth problems of a weighing that a kader follows up at home (KMK ILP 2023 L1920:
    sweeping balita bermasalah gizi): 2T, BGM, stunting (pendek/sangat pendek), gizi kurang or
    gizi buruk by BB/PB or BB/TB."""
    found = []
    if two_t:
        found.append("2T")
    if bgm:
        found.append("BGM")
    if status_pbu in ("Pendek", "Sangat pendek"):
        found.append(f"stunting ({status_pbu.lower()})")
    if status_bbpb in ("Gizi kurang", "Gizi buruk"):
        found.append(status_bbpb.lower())
    return found


def ptm_findings(
    subject: Subject,
    *,
    sistol: int | None,
    diastol: int | None,
    gula_darah: int | None,
    berat_kg: float | None,
    tinggi_cm: float | None,
) -> list[str]:
    """PTM findings of a measurement from 15 years that call for monthly monitoring at home when
    the person does not come (KMK ILP 2023 L4460 hipertensi, L4606 DM, L4472 sweeping):
    TD ≥ 140/90 from 18 years (13–17: hipertensi by Tabel 15, L3095), gula darah sewaktu ≥ 200,
    IMT ≥ 25 from 18 years."""
    if subject.years < rules.PTM_FROM_YEARS:
        return []
    found = []
    if sistol and diastol:
        if subject.years >= rules.ADULT_BP_FROM_YEARS:
            high = sistol >= rules.HYPERTENSION_SYSTOLIC or diastol >= rules.HYPERTENSION_DIASTOLIC
        else:
            high = bool((bp := rules.child_blood_pressure(sistol, diastol, subject)) and bp.refer)
        if high:
            found.append(f"TD {sistol}/{diastol}")
    if gula_darah is not None and gula_darah >= rules.GULA_DARAH_REFER:
        found.append(f"gula darah {gula_darah} mg/dL")
    if subject.years >= rules.ADULT_BP_FROM_YEARS and berat_kg and tinggi_cm and _obese(berat_kg, tinggi_cm):
        imt = float(berat_kg) / (float(tinggi_cm) / 100) ** 2
        found.append(f"IMT {imt:.1f}".replace(".", ","))
    return found


def remaja_anemia(subject: Subject, hb: float | None) -> bool:
    """A remaja putri (10–17) with Hb < 12 g/dL: referred (KMK ILP 2023 L3497) and followed up
    at home when she does not come back (L2837 "tidak melakukan kunjungan ulang")."""
    return (
        hb is not None and rules.is_remaja_putri(subject) and float(hb) < rules.HB_ANEMIA_REMAJA_PUTRI_BELOW
    )


def _obese(berat_kg: float, tinggi_cm: float) -> bool:
    """IMT ≥ 25, compared as the report counts it (reports.selectors), without dividing, so
    64 kg at 160 cm is exactly 25."""
    return float(berat_kg) * 10_000 >= rules.ADULT_OBESE_IMT * float(tinggi_cm) ** 2


@dataclass
class ReasonLine:
    kode: str
    text: str
    outcome: object | None = None  # the HomeVisitOutcome that closed it this month

    @property
    def label(self) -> str:
        return REASONS[self.kode]

    @property
    def is_open(self) -> bool:
        return self.outcome is None


@dataclass
class PersonRow:
    """A person on the list with every reason they are on it and their life-cycle groups."""

    person: object
    groups: list[Group]
    reasons: list[ReasonLine] = field(default_factory=list)


def build_rows(
    found: Iterable[Found], people: dict[int, object], outcomes: dict[tuple[int, str], object], groups_of
) -> list[PersonRow]:
    """One row per person (in the order of `people`), reasons in the order of REASONS; a
    reason closed this month carries its outcome. `groups_of(person)` gives the groups."""
    by_person: dict[int, dict[str, str]] = {}
    for person_id, kode, text in found:
        by_person.setdefault(person_id, {}).setdefault(kode, text)
    rows = []
    for person_id, person in people.items():
        texts = by_person.get(person_id)
        if not texts:
            continue
        lines = [ReasonLine(k, texts[k], outcomes.get((person_id, k))) for k in REASONS if k in texts]
        rows.append(PersonRow(person, groups_of(person), lines))
    return rows


def filter_rows(
    rows: list[PersonRow], *, kode: str = "", group: str = "", status: str = OPEN
) -> list[PersonRow]:
    """Keep the rows (and within them the reasons) that match the reason, the life-cycle group
    and the status (terbuka, ditutup or semua)."""
    kept = []
    for row in rows:
        if group and group not in row.groups:
            continue
        lines = [
            line
            for line in row.reasons
            if (not kode or line.kode == kode) and (status == ALL or line.is_open == (status == OPEN))
        ]
        if lines:
            kept.append(PersonRow(row.person, row.groups, lines))
    return kept
