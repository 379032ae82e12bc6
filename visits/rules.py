"""What each life-cycle group gets measured and served, and the limits of plausible values.

Django-free and in one place, so that a threshold is corrected here and nowhere else.
Groups are registry.lifecycle.Group; a person in two groups gets the union of both lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from registry.lifecycle import RULES, Group

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
    ],
    G.USIA_DEWASA: ["berat_kg", "tinggi_cm", "lingkar_perut_cm", "sistol", "diastol", "gula_darah"],
    G.LANSIA: ["berat_kg", "tinggi_cm", "lila_cm", "lingkar_perut_cm", "sistol", "diastol", "gula_darah"],
    G.IBU_HAMIL: ["berat_kg", "lila_cm", "sistol", "diastol", "hb"],
    G.IBU_NIFAS_MENYUSUI: ["berat_kg", "sistol", "diastol"],
}

# meja 5: services by a health worker, and screening
SERVICES: dict[Group, list[str]] = {
    G.BAYI_BALITA: ["imunisasi", "vitamin_a", "obat_cacing", "asi_eksklusif", "perkembangan", "gejala_tbc"],
    G.ANAK_PRASEKOLAH: ["vitamin_a", "obat_cacing", "perkembangan"],
    G.USIA_SEKOLAH_REMAJA: ["ttd_tablet", "merokok", "gejala_tbc", "srq20_skor"],
    G.USIA_DEWASA: ["merokok", "gejala_tbc", "puma_skor", "srq20_skor", "kb"],
    G.LANSIA: ["merokok", "gejala_tbc", "puma_skor", "srq20_skor", "skilas", "aks_skor"],
    G.IBU_HAMIL: ["kunjungan_anc", "ttd_tablet", "kelas_ibu_hamil", "tanda_bahaya", "gejala_tbc"],
    G.IBU_NIFAS_MENYUSUI: ["vitamin_a_nifas", "kb", "asi", "tanda_bahaya"],
}


def fields_for(groups: list[Group] | set[Group], table: dict[Group, list[str]]) -> list[str]:
    """The union of the groups' fields, in a stable order (first group's order first)."""
    order: list[str] = []
    for group in Group:
        if group in groups:
            order += [name for name in table[group] if name not in order]
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
EDIT_WINDOW_DAYS = 30  # kader may correct a visit this long; later only Puskesmas staff

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

# Age limits and thresholds the reports share with the visit screens (one source for each rule).
BALITA_UNTIL_MONTHS = RULES.balita_until_months  # balita 0–59 bulan (KMK ILP 2023 L1324), sasaran S
ADULT_OBESE_IMT = 25  # adults: IMT ≥ 25 counted as obesitas (Asia-Pacific, Kepmenkes ILP)
