"""Referral flags (rujukan) derived by rule from one visit (Django-free).

Each rule gives a code and the reason a kader reads. Measurements flagged implausible do not
refer: the kader is asked to measure again instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from registry.lifecycle import Group

from . import rules
from .growth.indices import DAYS_PER_MONTH
from .growth.kms import KmsAssessment

CHILD = {Group.BAYI_BALITA, Group.ANAK_PRASEKOLAH}


def _n(value: float) -> str:
    """A number as Indonesians write it: 22,5."""
    return f"{value:g}".replace(".", ",")


@dataclass(frozen=True)
class VisitFacts:
    groups: frozenset[Group]
    age_days: int
    measurements: dict[str, float | None] = field(default_factory=dict)
    status: dict[str, str | None] = field(default_factory=dict)  # Permenkes status by index
    implausible: frozenset[str] = frozenset()  # growth indices flagged
    kms: KmsAssessment | None = None
    services: dict = field(default_factory=dict)
    subject: rules.Subject | None = None  # birth date, visit date and sex, for the age-bound rules

    @property
    def years(self) -> int | None:
        return self.subject.years if self.subject else None


def _child(f: VisitFacts) -> list[tuple[str, str]]:
    out = []
    if f.kms:
        for reason in f.kms.reasons:
            code = {"2T": "2t", "Berat": "t", "Di atas": "garis_oranye", "Di bawah": "bgm"}
            out.append((next(v for k, v in code.items() if reason.startswith(k)), reason))
    wasting = f.status.get("bbpb") if "bbpb" not in f.implausible else None
    if wasting in ("Gizi buruk", "Gizi kurang"):
        out.append(
            ("gizi_buruk" if wasting == "Gizi buruk" else "gizi_kurang", f"{wasting} (BB/PB atau BB/TB)")
        )
    pbu = f.status.get("pbu")
    if pbu in ("Pendek", "Sangat pendek") and "pbu" not in f.implausible:
        out.append(("stunting", f"Stunting: {pbu.lower()} (PB/U atau TB/U < −2 SD)"))
    lila = f.measurements.get("lila_cm")
    months = f.age_days / DAYS_PER_MONTH
    if lila is not None and 6 <= months < rules.BALITA_UNTIL_MONTHS:
        if lila < rules.LILA_SEVERE_BELOW:
            out.append(("lila_buruk", f"LiLA {_n(lila)} cm < {_n(rules.LILA_SEVERE_BELOW)} cm (gizi buruk)"))
        elif lila < rules.LILA_MODERATE_BELOW:
            out.append(
                ("lila_kurang", f"LiLA {_n(lila)} cm < {_n(rules.LILA_MODERATE_BELOW)} cm (gizi kurang)")
            )
    return out


def _blood_pressure(f: VisitFacts) -> list[tuple[str, str]]:
    """Adults and ibu hamil: TD ≥ 140/90. Under 18: KMK ILP 2023 Tabel 14–15 (L2995–3111),
    referred at hipertensi tingkat 1 and 2 (L3121) or above the table for age under 13."""
    sistol, diastol = f.measurements.get("sistol"), f.measurements.get("diastol")
    child = f.years is not None and f.years < rules.ADULT_BP_FROM_YEARS and Group.IBU_HAMIL not in f.groups
    if child and f.subject is not None and sistol is not None and diastol is not None:
        bp = rules.child_blood_pressure(int(sistol), int(diastol), f.subject)
        if bp is None or not bp.refer:
            return []
        return [("td_anak", f"TD {_n(sistol)}/{_n(diastol)} mmHg {bp.limit}: {bp.category.lower()}")]
    high = (sistol or 0) >= rules.HYPERTENSION_SYSTOLIC or (diastol or 0) >= rules.HYPERTENSION_DIASTOLIC
    if not high:
        return []
    reading = f"TD {_n(sistol or 0)}/{_n(diastol or 0)} mmHg ≥ 140/90"
    if Group.IBU_HAMIL in f.groups:
        return [("td_hamil", f"Ibu hamil dengan {reading}")]
    return [("hipertensi", reading)]


def _adult_and_mother(f: VisitFacts) -> list[tuple[str, str]]:
    out = []
    lila = f.measurements.get("lila_cm")
    if Group.IBU_HAMIL in f.groups and lila is not None and lila < rules.KEK_LILA_BELOW:
        out.append(("kek", f"Ibu hamil KEK: LiLA {_n(lila)} cm < {_n(rules.KEK_LILA_BELOW)} cm"))
    if Group.LANSIA in f.groups and lila is not None and lila < rules.LANSIA_LILA_BELOW:
        out.append(
            (
                "lansia_lila",
                f"Lansia dengan LiLA {_n(lila)} cm < {_n(rules.LANSIA_LILA_BELOW)} cm (malnutrisi)",
            )
        )
    gula = f.measurements.get("gula_darah")
    if gula is not None and gula >= rules.GULA_DARAH_REFER:
        out.append(("gula_darah", f"Gula darah sewaktu {_n(gula)} mg/dL ≥ {rules.GULA_DARAH_REFER}"))
    if f.services.get("gejala_tbc"):
        out.append(("tbc", "Terduga TBC: ada gejala TBC"))
    if f.services.get("skilas"):
        out.append(("skilas", f"SKILAS positif ({len(f.services['skilas'])} item): periksa oleh nakes"))
    if (f.services.get("puma_skor") or 0) >= rules.PUMA_POSITIVE:
        out.append(("puma", f"Skor PUMA {f.services['puma_skor']} ≥ {rules.PUMA_POSITIVE} (risiko PPOK)"))
    if (f.services.get("srq20_skor") or 0) >= rules.SRQ20_POSITIVE:
        out.append(("srq20", f"Skor SRQ-20 {f.services['srq20_skor']} ≥ {rules.SRQ20_POSITIVE}"))
    out += _questionnaires(f)
    if f.services.get("tanda_bahaya"):
        out.append(("tanda_bahaya", "Ada tanda bahaya kehamilan/nifas"))
    return out


def _questionnaires(f: VisitFacts) -> list[tuple[str, str]]:
    """SDQ borderline or abnormal is referred (KMK ILP 2023 L3240); AKS below 20, any
    dependency, is referred to Pustu/Puskesmas (L5848–5850)."""
    out = []
    sdq = f.services.get("sdq_skor")
    if sdq is not None and f.years is not None:
        band = rules.sdq_band(sdq, f.years)
        if band != "Normal":
            out.append(("sdq", f"Skor SDQ {sdq}: {band.lower()} (masalah kesehatan jiwa)"))
    aks = f.services.get("aks_skor")
    if aks is not None and aks < rules.AKS_MANDIRI:
        out.append(("aks", f"Skor AKS {aks}: {rules.aks_category(aks).lower()}"))
    return out


def _anemia(f: VisitFacts) -> list[tuple[str, str]]:
    """Hb of ibu hamil below 11 and of remaja putri below 12 g/dL: anaemia, referred to the
    Puskesmas (KMK ILP 2023 L3497) and counted (L7400, L7420)."""
    hb = f.measurements.get("hb")
    below = rules.hb_anemia_below(f.groups, f.subject)
    if hb is None or below is None or hb >= below:
        return []
    if Group.IBU_HAMIL in f.groups:
        return [("anemia_hamil", f"Ibu hamil anemia: Hb {_n(hb)} g/dL < {_n(below)}")]
    return [("anemia_remaja", f"Remaja putri anemia: Hb {_n(hb)} g/dL < {_n(below)}")]


def referral_reasons(facts: VisitFacts) -> list[tuple[str, str]]:
    """(code, reason) of every referral rule the visit meets, in a fixed order."""
    out = _child(facts) if facts.groups & CHILD else []
    return out + _blood_pressure(facts) + _anemia(facts) + _adult_and_mother(facts)
