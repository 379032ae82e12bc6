"""Results derived from a visit's records: growth z-scores and status, KMS codes, values
outside normal, and the facts the referral rules read."""

from __future__ import annotations

import datetime as dt
import math

from registry.lifecycle import Group, completed_months
from registry.models import Person
from visits import rules
from visits.growth.indices import DAYS_PER_MONTH, INDICES, ChildMeasurement, assess
from visits.growth.kms import KMS_UNTIL_MONTHS, KmsRules, MonthResult, Weighing, assess_month, kms_history
from visits.growth.status import statuses
from visits.models import Measurement, Visit
from visits.referral_rules import VisitFacts

KMS_RULES = KmsRules()
CARE_FACTS = (
    "gejala_tbc",
    "skilas",
    "puma_skor",
    "srq20_skor",
    "tanda_bahaya",
    "sdq_skor",
    "aks_skor",
)  # the referral rule is a setting: Buku KIA 2023 by default


def _float(value) -> float | None:
    return None if value is None else float(value)


def apply_growth(m: Measurement, person: Person) -> None:
    """Fill the growth fields of a measurement (not saved); cleared when nothing applies."""
    result = assess(
        ChildMeasurement(
            sex=person.jenis_kelamin,
            birth_date=person.tanggal_lahir,
            visit_date=m.visit.tanggal,
            weight_kg=_float(m.berat_kg),
            length_cm=_float(m.tinggi_cm),
            position=m.cara_ukur,
            head_cm=_float(m.lingkar_kepala_cm),
            muac_cm=_float(m.lila_cm),
        )
    )
    m.umur_hari = result.age_days
    for name in INDICES:
        setattr(m, f"z_{name}", result.z[name])
    for name, label in statuses(result.z, result.age_days).items():
        setattr(m, f"status_{name}", label or "")
    m.implausible = ";".join(sorted(result.flags))


def outside_normal(m: Measurement, sex: str) -> list[str]:
    """Possible but abnormal values, accepted and flagged for the health worker."""
    notes = []
    for field in ("gula_darah", "hb"):  # blood pressure has its own category line
        value, limits = getattr(m, field), rules.LIMITS[field]
        if value is None or limits.normal is None:
            continue
        low, high = limits.normal
        label = Measurement._meta.get_field(field).verbose_name
        if value < low:
            notes.append(f"{label} {value:g} {limits.unit} di bawah normal")
        elif value > high:
            notes.append(f"{label} {value:g} {limits.unit} di atas normal")
    waist = m.lingkar_perut_cm
    if waist is not None and waist > rules.CENTRAL_OBESITY_CM.get(sex, 90):
        notes.append(f"Lingkar perut {waist:g} cm: obesitas sentral")
    return notes


# What kms_results reads of a weighing: a person's whole history is read at every save, as rows
# (a model instance is built only for a weighing whose code changed).
KMS_READ = ["pk", "visit_id", "visit__tanggal", "berat_kg", "implausible", "z_bbu", "kms", "two_t", "bgm"]


def kms_results(
    person: Person, held: dict[int, Measurement] | None = None
) -> tuple[list[Measurement], dict[int, MonthResult], dict[int, dt.date]]:
    """N/T/O/B of every weighing of a child under 5, computed again (a correction can change the
    next month's code too): the measurements whose kms, two_t or bgm changed (id, visit and the
    new codes, not saved; services.refresh_kms stores them; one in `held`, the caller's by id,
    is changed in place), the result by visit id of the weighing that counted, and the day of
    every weighing by visit id."""
    rows = list(
        Measurement.objects.filter(visit__person=person, berat_kg__isnull=False)
        .order_by("visit__tanggal", "visit_id")
        .values_list(*KMS_READ, named=True)
    )
    # The later *valid* weighing of a month counts: one whose BB/U is flagged implausible does not.
    valid = [m for m in rows if "bbu" not in m.implausible.split(";")]
    under_five = [m for m in valid if balita_month(person.tanggal_lahir, m.visit__tanggal)]
    weighings = [Weighing(m.visit__tanggal, float(m.berat_kg), m.pk) for m in under_five]
    counted = {r.weighing.ref: r for r in kms_history(person.tanggal_lahir, weighings)}
    changed = []
    for m in rows:
        result = counted.get(m.pk)
        kms = assess_month(result, m.z_bbu, KMS_RULES) if result else None
        values = (result.code.value if result else "", bool(result and result.two_t), bool(kms and kms.bgm))
        if values != (m.kms, m.two_t, m.bgm):
            row = (held or {}).get(m.pk) or Measurement(pk=m.pk, visit_id=m.visit_id)
            row.kms, row.two_t, row.bgm = values
            changed.append(row)
    by_visit = {m.visit_id: counted[m.pk] for m in under_five if m.pk in counted}
    return changed, by_visit, {m.visit_id: m.visit__tanggal for m in rows}


def balita_month(born: dt.date, day: dt.date) -> bool:
    """A weighing on `day` is in a month when the child is a balita (in S): not yet
    BALITA_UNTIL_MONTHS old on the month's first day (balita 0–59 bulan, KMK ILP 2023 L1324), so
    a child turning 60 months during the month keeps its KMS code and counts in D."""
    return completed_months(born, day.replace(day=1)) < rules.BALITA_UNTIL_MONTHS


def visit_facts(visit: Visit, groups: set[Group], kms: MonthResult | None) -> VisitFacts:
    m = getattr(visit, "measurement", None)
    care = getattr(visit, "care", None)
    measured = {}
    if m is not None:
        for field in ("berat_kg", "tinggi_cm", "lila_cm", "sistol", "diastol", "gula_darah", "hb"):
            value = getattr(m, field)
            measured[field] = None if value is None else float(value)
    z_bbu = m.z_bbu if m is not None else None
    months = (visit.tanggal - visit.person.tanggal_lahir).days / DAYS_PER_MONTH
    return VisitFacts(
        groups=frozenset(groups),
        age_days=(visit.tanggal - visit.person.tanggal_lahir).days,
        measurements=measured,
        status={k: getattr(m, f"status_{k}") or None for k in ("bbu", "pbu", "bbpb", "imtu")} if m else {},
        implausible=frozenset(filter(None, (m.implausible if m else "").split(";"))),
        kms=assess_month(kms, z_bbu, KMS_RULES) if kms and months < KMS_UNTIL_MONTHS else None,
        services={f: getattr(care, f) for f in CARE_FACTS} if care else {},
        subject=rules.Subject(visit.person.tanggal_lahir, visit.tanggal, visit.person.jenis_kelamin),
    )


def adult_bmi(m: Measurement) -> float | None:
    if not m.berat_kg or not m.tinggi_cm:
        return None
    bmi = float(m.berat_kg) / (float(m.tinggi_cm) / 100) ** 2
    return None if math.isnan(bmi) else bmi


ADULT_BMI = [
    (rules.ADULT_UNDERWEIGHT_IMT_BELOW, "Berat badan kurang"),
    (23, "Normal"),
    (rules.ADULT_OBESE_IMT, "Berat badan lebih"),
    (30, "Obesitas I"),
]


def adult_bmi_category(bmi: float) -> str:
    """Asia-Pacific IMT categories used for adults (Kepmenkes ILP)."""
    return next((label for limit, label in ADULT_BMI if bmi < limit), "Obesitas II")


BLOOD_PRESSURE = [
    (180, 110, "Hipertensi derajat 3"),
    (160, 100, "Hipertensi derajat 2"),
    (140, 90, "Hipertensi derajat 1"),
    (130, 85, "Normal tinggi"),
    (120, 80, "Normal"),
]


def blood_pressure_category(
    sistol: int | None, diastol: int | None, subject: rules.Subject | None = None
) -> str | None:
    """Adults: JNC-style categories; under 18 the KMK ILP 2023 Tabel 14–15 (rules.child_blood_pressure)."""
    if sistol is None or diastol is None:
        return None
    if subject is not None and subject.years < rules.ADULT_BP_FROM_YEARS:
        child = rules.child_blood_pressure(sistol, diastol, subject)
        return child.category if child else None
    for s, d, label in BLOOD_PRESSURE:
        if sistol >= s or diastol >= d:
            return label
    return "Optimal"
