"""What meja 3 (pencatatan) shows of a visit: measurements with units, growth z-scores and
status, the KMS code, adult screening categories and the referrals."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

from registry.lifecycle import Group
from visits import pregnancy_rules, rules, service_windows
from visits.growth.chart import Point, render_svg
from visits.growth.indices import DAYS_PER_MONTH, LENGTH_UNTIL_DAYS, UNDER_FIVE_MONTHS, sex_code
from visits.models import Care, Measurement, Visit
from visits.results.growth_report import INDEX_LABELS
from visits.results.measurement import adult_bmi, adult_bmi_category, blood_pressure_category

KMS_TEXT = {
    "N": "N: naik",
    "T": "T: tidak naik",
    "O": "O: bulan lalu tidak ditimbang",
    "B": "B: baru pertama ditimbang",
}


@dataclass
class Line:
    label: str
    value: str
    note: str = ""
    alert: bool = False


@dataclass
class VisitSummary:
    groups: list[Group]
    lines: list[Line] = field(default_factory=list)
    growth: list[Line] = field(default_factory=list)
    kms: str = ""
    referrals: list = field(default_factory=list)
    charts: list[SafeString] = field(default_factory=list)


def _num(value, digits: int = 1) -> str:
    return number_format(value, digits)


def _measurement_lines(m: Measurement, groups: set[Group], sex: str, hpht=None) -> list[Line]:
    lines = []
    subject = rules.Subject(m.visit.person.tanggal_lahir, m.visit.tanggal, sex)
    for name in rules.fields_for(groups, rules.MEASUREMENTS):
        value = getattr(m, name)
        if value is None or name in ("cara_ukur", "sistol", "diastol"):
            continue
        limits = rules.limits_for(name, groups)
        label = str(Measurement._meta.get_field(name).verbose_name)
        label = label[0].upper() + label[1:]
        lines.append(Line(label, f"{_num(value, 1)} {limits.unit if limits else ''}".strip()))
    if m.hb is not None and (below := rules.hb_anemia_below(groups, subject)) is not None:
        anemia = float(m.hb) < below  # the same rule as the referral (referral_rules._anemia)
        note = f"Hb < {_num(below, 0)} g/dL" if anemia else ""
        lines.append(Line("Status Hb", "Anemia" if anemia else "Tidak anemia", note, anemia))
    if m.sistol is not None:
        child = subject.years < rules.ADULT_BP_FROM_YEARS and Group.IBU_HAMIL not in groups
        category = blood_pressure_category(m.sistol, m.diastol, subject if child else None)
        alert = m.sistol >= rules.HYPERTENSION_SYSTOLIC or m.diastol >= rules.HYPERTENSION_DIASTOLIC
        if child:  # the same rule as the referral (referral_rules._blood_pressure)
            table = rules.child_blood_pressure(m.sistol, m.diastol, subject)
            alert = bool(table and table.refer)
        lines.append(Line("Tekanan darah", f"{m.sistol}/{m.diastol} mmHg", category or "", alert))
    adult = groups & {Group.USIA_DEWASA, Group.LANSIA}
    bmi = adult_bmi(m)
    if adult and bmi:
        outside = bmi >= rules.ADULT_OBESE_IMT or bmi < rules.ADULT_UNDERWEIGHT_IMT_BELOW
        lines.append(Line("IMT", _num(bmi, 1), adult_bmi_category(bmi), outside))
    if Group.IBU_HAMIL in groups and hpht is not None:
        weeks, days = pregnancy_rules.gestation(hpht, m.visit.tanggal)
        trimester = pregnancy_rules.trimester(hpht, m.visit.tanggal)
        lines.append(Line("Usia kehamilan", f"{weeks} minggu {days} hari", f"trimester {trimester}"))
    if Group.IBU_HAMIL in groups and m.lila_cm is not None:
        kek = float(m.lila_cm) < rules.KEK_LILA_BELOW
        lines.append(Line("Status LiLA ibu hamil", "KEK" if kek else "Tidak KEK", "", kek))
    for flag in filter(None, m.flags.split("; ")):
        lines.append(Line("Di luar normal", flag, "", True))
    return lines


def _growth_lines(m: Measurement) -> list[Line]:
    implausible = set(filter(None, m.implausible.split(";")))
    labels = INDEX_LABELS | (
        {"pbu": "TB/U", "bbpb": "BB/TB"} if (m.umur_hari or 0) >= LENGTH_UNTIL_DAYS else {}
    )
    lines = []
    for code, label in labels.items():
        z = getattr(m, f"z_{code}")
        if z is None:
            continue
        status = getattr(m, f"status_{code}", "") if code in ("bbu", "pbu", "bbpb", "imtu") else ""
        note = "tidak masuk akal, ukur ulang" if code in implausible else status
        normal = status in ("", "Berat badan normal", "Normal", "Gizi baik")
        lines.append(Line(label, _num(z, 2), note, code in implausible or not normal))
    return lines


def child_growth_charts(person, rows) -> list[SafeString]:
    """The KMS (BB/U chart) and beside it the PB/U-TB/U and the BB/PB or BB/TB chart of a
    child's measurements [(date, kg, cm)], oldest first, before 5 years; [] if there are none.
    BB/PB holds the measurements before 24 months, BB/TB those after, whichever the last is."""
    born, sex = person.tanggal_lahir, sex_code(person.jenis_kelamin)
    young = [(day, (day - born).days, kg, cm) for day, kg, cm in rows]
    young = [row for row in young if row[1] / DAYS_PER_MONTH < UNDER_FIVE_MONTHS]
    if not young:
        return []
    ratio = "bbpb" if young[-1][1] < LENGTH_UNTIL_DAYS else "bbtb"
    points: dict[str, list[Point]] = {"bbu": [], "pbu": [], ratio: []}
    for day, days, kg, cm in young:
        months, when = days / DAYS_PER_MONTH, f"{day:%d-%m-%Y}"
        if kg is not None:
            points["bbu"].append(Point(months, float(kg), f"{when}: {_num(kg)} kg"))
        if cm is not None:
            points["pbu"].append(Point(months, float(cm), f"{when}: {_num(cm)} cm"))
        if kg is not None and cm is not None and (days < LENGTH_UNTIL_DAYS) == (ratio == "bbpb"):
            points[ratio].append(Point(float(cm), float(kg), f"{when}: {_num(kg)} kg"))
    # our own SVG, every label escaped by render_svg
    return [mark_safe(render_svg(index, sex, shown)) for index, shown in points.items() if shown]


def growth_chart(visit: Visit) -> list[SafeString]:
    """The child's charts with every measurement up to this visit."""
    rows = Measurement.objects.filter(visit__person=visit.person, visit__tanggal__lte=visit.tanggal)
    rows = rows.order_by("visit__tanggal").values_list("visit__tanggal", "berat_kg", "tinggi_cm")
    return child_growth_charts(visit.person, list(rows))


def care_lines(care: Care | None, subject: rules.Subject) -> list[Line]:
    """Meja 5 results that need a word: vitamin A outside February/August, SDQ and AKS bands."""
    if care is None:
        return []
    lines = []
    if note := service_windows.vitamin_a_note(care.vitamin_a, subject.on):
        lines.append(Line("Vitamin A", care.get_vitamin_a_display(), note, True))
    if care.sdq_skor is not None:
        band = rules.sdq_band(care.sdq_skor, subject.years)
        lines.append(Line("Skor SDQ", str(care.sdq_skor), band, band != "Normal"))
    if care.aks_skor is not None:
        lines.append(
            Line("Skor AKS", str(care.aks_skor), rules.aks_category(care.aks_skor), care.aks_skor < 20)
        )
    return lines


def visit_summary(visit: Visit) -> VisitSummary:
    groups = visit.person.groups_on(visit.tanggal)
    summary = VisitSummary(groups=groups, referrals=list(visit.referrals.all()))
    subject = rules.Subject(visit.person.tanggal_lahir, visit.tanggal, visit.person.jenis_kelamin)
    summary.lines = care_lines(Care.objects.filter(visit=visit).first(), subject)
    m = Measurement.objects.filter(visit=visit).first()
    if m is None:
        return summary
    summary.lines = (
        _measurement_lines(m, set(groups), visit.person.jenis_kelamin, visit.person.hpht) + summary.lines
    )
    summary.growth = _growth_lines(m)
    summary.kms = KMS_TEXT.get(m.kms, "") + (" · 2T" if m.two_t else "") + (" · BGM" if m.bgm else "")
    summary.charts = growth_chart(visit)
    return summary
