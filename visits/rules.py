"""What each life-cycle group gets measured and served, and the limits of plausible values.

Django-free and in one place, so that a threshold is corrected here and nowhere else.
Groups are registry.lifecycle.Group; a person in two groups gets the union of both lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from registry.lifecycle import PREGNANCY_AGE_YEARS, RULES, Group, completed_months

G = Group

# meja 2: measurements, in the order the form shows them
MEASUREMENTS: dict[Group, list[str]] = {
    G.BAYI_BALITA: ["berat_kg", "tinggi_cm", "cara_ukur", "lingkar_kepala_cm", "lila_cm"],
    G.ANAK_PRASEKOLAH: ["berat_kg", "tinggi_cm", "cara_ukur", "lila_cm"],
    G.USIA_SEKOLAH_REMAJA: [
        "berat_kg",
        "tinggi_cm",
        "lila_cm",
        "lingkar_perut_cm",
        "sistol",
        "diastol",
        "hb",
        "gula_darah",
    ],
    G.USIA_DEWASA: ["berat_kg", "tinggi_cm", "lingkar_perut_cm", "sistol", "diastol", "gula_darah"],
    G.LANSIA: ["berat_kg", "tinggi_cm", "lila_cm", "lingkar_perut_cm", "sistol", "diastol", "gula_darah"],
    G.IBU_HAMIL: ["berat_kg", "lila_cm", "sistol", "diastol", "hb"],
    G.IBU_NIFAS_MENYUSUI: ["berat_kg", "sistol", "diastol"],
}

# meja 5: services by a health worker, and screening
SERVICES: dict[Group, list[str]] = {
    G.BAYI_BALITA: [
        "imunisasi",
        "vitamin_a",
        "obat_cacing",
        "asi_eksklusif",
        "perkembangan",
        "gejala_tbc",
        "sdq_skor",
    ],  # fmt: skip
    G.ANAK_PRASEKOLAH: ["perkembangan", "sdq_skor"],  # vitamin A and obat cacing end at 59 months
    G.USIA_SEKOLAH_REMAJA: ["ttd_tablet", "merokok", "gejala_tbc", "sdq_skor"],
    G.USIA_DEWASA: ["merokok", "gejala_tbc", "puma_skor", "srq20_skor", "kb"],
    G.LANSIA: ["merokok", "gejala_tbc", "puma_skor", "srq20_skor", "skilas", "aks_skor"],
    G.IBU_HAMIL: ["kunjungan_anc", "ttd_tablet", "kelas_ibu_hamil", "tanda_bahaya", "gejala_tbc"],
    G.IBU_NIFAS_MENYUSUI: ["vitamin_a_nifas", "kb", "asi", "tanda_bahaya"],
}


def fields_for(
    groups: list[Group] | set[Group], table: dict[Group, list[str]], subject: Subject | None = None
) -> list[str]:
    """The union of the groups' fields, in a stable order (first group's order first), without
    the questions the person's age does not concern (FIELD_AGES)."""
    order: list[str] = []
    for group in Group:
        if group in groups:
            order += [name for name in table[group] if name not in order and applies(name, subject)]
    return order


@dataclass(frozen=True)
class Limits:
    """Impossible below `low` or above `high` (refused); outside `normal` is accepted and flagged."""

    unit: str
    low: float
    high: float
    normal: tuple[float, float] | None = None


CHILD = {G.BAYI_BALITA, G.ANAK_PRASEKOLAH}

# By measurement; children (under 6) have their own weight/length limits.
LIMITS: dict[str, Limits] = {
    "berat_kg": Limits("kg", 20, 250),
    "tinggi_cm": Limits("cm", 90, 220),
    "lingkar_kepala_cm": Limits("cm", 25, 60),
    "lila_cm": Limits("cm", 6, 60),
    "lingkar_perut_cm": Limits("cm", 40, 200),
    "sistol": Limits("mmHg", 60, 260, (90, 139)),
    "diastol": Limits("mmHg", 30, 160, (60, 89)),
    "gula_darah": Limits("mg/dL", 20, 600, (70, 199)),
    "hb": Limits("g/dL", 3, 20, (11, 17)),
}
CHILD_LIMITS: dict[str, Limits] = {
    "berat_kg": Limits("kg", 0.5, 40),
    "tinggi_cm": Limits("cm", 35, 135),
    "lila_cm": Limits("cm", 6, 30),
}
SCHOOL_LIMITS: dict[str, Limits] = {"berat_kg": Limits("kg", 8, 200), "tinggi_cm": Limits("cm", 80, 220)}


def limits_for(field: str, groups: set[Group]) -> Limits | None:
    if groups & CHILD and field in CHILD_LIMITS:
        return CHILD_LIMITS[field]
    if G.USIA_SEKOLAH_REMAJA in groups and field in SCHOOL_LIMITS:
        return SCHOOL_LIMITS[field]
    return LIMITS.get(field)


# Screening thresholds (DOMAIN.md; Kepmenkes HK.01.07/MENKES/2015/2023)
KEK_LILA_BELOW = 23.5  # ibu hamil: kurang energi kronis
LILA_SEVERE_BELOW = 11.5  # 6–59 months: gizi buruk by LiLA
LILA_MODERATE_BELOW = 12.5
LANSIA_LILA_BELOW = 21.0  # SKILAS malnutrition item
HYPERTENSION_SYSTOLIC = 140
HYPERTENSION_DIASTOLIC = 90
GULA_DARAH_REFER = 200
PUMA_POSITIVE = 6
SRQ20_POSITIVE = 6
CENTRAL_OBESITY_CM = {"L": 90, "P": 80}  # lingkar perut above this

IMUNISASI = [
    "HB0", "BCG", "OPV1", "OPV2", "OPV3", "OPV4", "DPT-HB-Hib1", "DPT-HB-Hib2", "DPT-HB-Hib3", "DPT-HB-Hib4",
    "RV1", "RV2", "RV3", "PCV1", "PCV2", "PCV3", "IPV1", "IPV2", "MR1", "MR2", "JE",
]  # fmt: skip
GEJALA_TBC = [
    ("batuk_2_minggu", "Batuk 2 minggu atau lebih"),
    ("demam", "Demam lama"),
    ("berat_turun", "Berat badan turun / tidak naik"),
    ("keringat_malam", "Berkeringat malam tanpa kegiatan"),
    ("sesak", "Sesak napas"),
    ("benjolan", "Benjolan di leher/ketiak"),
]
SKILAS = [
    ("kognitif", "Penurunan kognitif (tidak ingat 3 kata / orientasi)"),
    ("mobilitas", "Keterbatasan mobilisasi (5 kali berdiri dari kursi > 14 detik)"),
    ("malnutrisi", "Malnutrisi (BB turun > 3 kg dalam 3 bulan, nafsu makan hilang, LiLA < 21 cm)"),
    ("penglihatan", "Gangguan penglihatan"),
    ("pendengaran", "Gangguan pendengaran"),
    ("depresi", "Gejala depresi"),
]


# --- Ages: who is asked what -------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """Who is served on which day: the facts the age rules read."""

    birth_date: dt.date
    on: dt.date
    sex: str = ""

    @property
    def days(self) -> int:
        return (self.on - self.birth_date).days

    @property
    def months(self) -> int:
        return completed_months(self.birth_date, self.on)

    @property
    def years(self) -> int:
        return self.months // 12


@dataclass(frozen=True)
class AgeWindow:
    """A field applies from `low` up to but not including `high`, in completed months (or days)."""

    low: int
    high: int
    unit: str = "months"  # or "days"

    def contains(self, subject: Subject) -> bool:
        age = subject.days if self.unit == "days" else subject.months
        return self.low <= age < self.high


Y = 12  # months in a year
PTM_FROM_YEARS = 15  # usia produktif 15–59: PTM screening from 15, KMK ILP 2023 L4249, L4362
# A question is asked only at the ages it concerns; outside them the field is not shown.
FIELD_AGES: dict[str, AgeWindow] = {
    "asi_eksklusif": AgeWindow(0, 7),  # 0–6 months: "% bayi ASI eksklusif (0-6 bulan)", KMK ILP 2023 L7416
    # DM screening from 15 (with risk factors), KMK ILP 2023 L4480
    "gula_darah": AgeWindow(PTM_FROM_YEARS * Y, 200 * Y),
    "puma_skor": AgeWindow(40 * Y, 200 * Y),  # PPOK (PUMA) from 40 years, KMK ILP 2023 L5020
    "sdq_skor": AgeWindow(4 * Y, 18 * Y),  # SDQ 4–18 years, KMK ILP 2023 L2618, L3232
    "srq20_skor": AgeWindow(18 * Y, 200 * Y),  # SRQ-20 from 18 years, KMK ILP 2023 L2618, L4897
    # pregnancy questions only for women of 10–54 (registry.lifecycle.PREGNANCY_AGE_YEARS), also
    # when an older record still carries an HPHT
    "kunjungan_anc": AgeWindow(PREGNANCY_AGE_YEARS[0] * Y, (PREGNANCY_AGE_YEARS[1] + 1) * Y),
    "kelas_ibu_hamil": AgeWindow(PREGNANCY_AGE_YEARS[0] * Y, (PREGNANCY_AGE_YEARS[1] + 1) * Y),
}


def applies(field: str, subject: Subject | None) -> bool:
    """Whether a field is asked of this person on this day (always, when the age is unknown)."""
    window = FIELD_AGES.get(field)
    return subject is None or window is None or window.contains(subject)


# --- Blood pressure ----------------------------------------------------------------------------

# KMK ILP 2023 Tabel 14 (L2999–3089), the simplified AAP 2017 table: at or above these values a
# child needs further evaluation. Age 6 is not in Tabel 14; it is the AAP 2017 row (Flynn 2017
# Table 6), because the school-age group starts at 6.
CHILD_BP_LIMITS: dict[str, dict[int, tuple[int, int]]] = {
    "L": {6: (105, 66), 7: (106, 68), 8: (107, 69), 9: (107, 70), 10: (108, 72), 11: (110, 74),
          12: (113, 75)},
    "P": {6: (105, 67), 7: (106, 68), 8: (107, 69), 9: (108, 71), 10: (109, 72), 11: (111, 74),
          12: (114, 75)},
}  # fmt: skip
ADOLESCENT_FROM_YEARS = 13
ADOLESCENT_HYPERTENSION_1 = (130, 80)  # hipertensi tingkat 1 from 13 years, KMK ILP 2023 Tabel 15 L3107
ADULT_BP_FROM_YEARS = 18


@dataclass(frozen=True)
class BloodPressure:
    category: str
    refer: bool
    limit: str = ""  # the threshold crossed, as the kader reads it


def _adolescent_bp(sistol: int, diastol: int) -> BloodPressure:
    """13 years and over, KMK ILP 2023 Tabel 15 (L3093–3111): refer at tingkat 1 and 2 (L3121).

    The KMK prints tingkat 1 as "130/80 – 138/89" (L3107), which leaves 139 in no class; the
    AAP 2017 table it copies reads 139/89, so tingkat 1 runs up to tingkat 2 at 140/90.
    """
    if sistol >= HYPERTENSION_SYSTOLIC or diastol >= HYPERTENSION_DIASTOLIC:
        return BloodPressure(
            "Hipertensi tingkat 2", True, f"≥ {HYPERTENSION_SYSTOLIC}/{HYPERTENSION_DIASTOLIC}"
        )
    systolic_1, diastolic_1 = ADOLESCENT_HYPERTENSION_1
    if sistol >= systolic_1 or diastol >= diastolic_1:
        return BloodPressure("Hipertensi tingkat 1", True, f"≥ {systolic_1}/{diastolic_1}")
    if sistol >= 120:
        return BloodPressure("Tekanan darah meningkat", False)
    return BloodPressure("Normal", False)


def child_blood_pressure(sistol: int, diastol: int, subject: Subject) -> BloodPressure | None:
    """Under 18; None when no table covers the age (under 6).

    Under 13: at or above the KMK ILP 2023 Tabel 14 value for age and sex (L2999–3089) the
    child is referred for evaluation; 13 and over: Tabel 15 (L3095).
    """
    if subject.years >= ADOLESCENT_FROM_YEARS:
        return _adolescent_bp(sistol, diastol)
    limits = CHILD_BP_LIMITS.get(subject.sex, CHILD_BP_LIMITS["L"]).get(subject.years)
    if limits is None:
        return None
    if sistol >= limits[0] or diastol >= limits[1]:
        return BloodPressure("Di atas normal untuk umur", True, f"≥ {limits[0]}/{limits[1]}")
    return BloodPressure("Normal", False)


# --- Questionnaires and laboratory -------------------------------------------------------------

# SDQ total difficulties (0–40). The KMK asks for the SDQ (L3232) and refers "borderline atau
# abnormal" (L3240) but prints no bands; these are the SDQ's own four-item cut-offs
# (sdqinfo.org): filled by a parent or teacher at 11 and under, by the child above 11 (L3232).
# A teacher's form has lower cut-offs (12/16); the form does not record who filled it, so the
# parent bands are used.
SDQ_PARENT_BANDS = (14, 17)  # borderline from, abnormal from
SDQ_SELF_BANDS = (16, 20)
SDQ_SELF_FROM_YEARS = 12


def sdq_band(score: int, years: int) -> str:
    borderline, abnormal = SDQ_SELF_BANDS if years >= SDQ_SELF_FROM_YEARS else SDQ_PARENT_BANDS
    if score >= abnormal:
        return "Abnormal"
    if score >= borderline:
        return "Borderline"
    return "Normal"


def aks_category(score: int) -> str:
    """AKS (ADL Barthel, 0–20), KMK ILP 2023 L5744–5752; any dependency is referred (L5848–5850)."""
    if score >= 20:
        return "Mandiri (A)"
    if score >= 12:
        return "Ketergantungan ringan (B)"
    if score >= 9:
        return "Ketergantungan sedang (B)"
    if score >= 5:
        return "Ketergantungan berat (C)"
    return "Ketergantungan total (C)"


AKS_MANDIRI = 20
# Anaemia: ibu hamil and remaja putri are counted (KMK ILP 2023 L7400, L7420) and referred
# (L3497); the KMK's algorithm is a figure (Gambar 24), so the cut-offs are WHO's.
HB_ANEMIA_HAMIL_BELOW = 11.0
HB_ANEMIA_REMAJA_PUTRI_BELOW = 12.0
REMAJA_PUTRI_YEARS = (10, 18)  # remaja 10–17 years (Permenkes 25/2014; the KMK gives no ages)


def is_remaja_putri(subject: Subject | None) -> bool:
    low, high = REMAJA_PUTRI_YEARS
    return subject is not None and subject.sex == "P" and low <= subject.years < high


def hb_anemia_below(groups: set[Group] | frozenset[Group], subject: Subject | None) -> float | None:
    """The Hb (g/dL) below which this person is anaemic: ibu hamil 11, remaja putri 12 (KMK ILP
    2023 L3497, L7400, L7420); None for anyone else, whom no rule counts."""
    if G.IBU_HAMIL in groups:
        return HB_ANEMIA_HAMIL_BELOW
    if is_remaja_putri(subject):
        return HB_ANEMIA_REMAJA_PUTRI_BELOW
    return None


# Age limits and thresholds the reports share with the visit screens (one source for each rule).
BALITA_UNTIL_MONTHS = RULES.balita_until_months  # balita 0–59 bulan (KMK ILP 2023 L1324), sasaran S
ADULT_OBESE_IMT = 25  # adults: IMT ≥ 25 counted as obesitas (Asia-Pacific, Kepmenkes ILP)
ADULT_UNDERWEIGHT_IMT_BELOW = 18.5  # adults: IMT < 18,5 berat badan kurang (the same table)
