"""What meja 3 (pencatatan) shows of a visit: measurements with units, growth z-scores and
status, the KMS code, adult screening categories and the referrals."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

from registry.lifecycle import Group

from . import rules
from .growth.chart import Point, render_svg
from .growth.indices import DAYS_PER_MONTH, LENGTH_UNTIL_DAYS, UNDER_FIVE_MONTHS, sex_code
from .growth_report import INDEX_LABELS
from .measurement_results import adult_bmi, adult_bmi_category, blood_pressure_category
from .models import Measurement, Visit

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
    for name in rules.fields_for(groups, rules.MEASUREMENTS):
        value = getattr(m, name)
        if value is None or name in ("cara_ukur", "sistol", "diastol"):
            continue
        limits = rules.limits_for(name, groups)
        label = Measurement._meta.get_field(name).verbose_name.capitalize()
        lines.append(Line(label, f"{_num(value, 1)} {limits.unit if limits else ''}".strip()))
    if m.sistol is not None:
        category = blood_pressure_category(m.sistol, m.diastol)
        alert = m.sistol >= rules.HYPERTENSION_SYSTOLIC or m.diastol >= rules.HYPERTENSION_DIASTOLIC
        lines.append(Line("Tekanan darah", f"{m.sistol}/{m.diastol} mmHg", category or "", alert))
    adult = groups & {Group.USIA_DEWASA, Group.LANSIA}
    bmi = adult_bmi(m)
    if adult and bmi:
        lines.append(Line("IMT", _num(bmi, 1), adult_bmi_category(bmi), bmi >= 25 or bmi < 18.5))
    if Group.IBU_HAMIL in groups and hpht is not None:
        weeks = (m.visit.tanggal - hpht).days // 7
        lines.append(
            Line(
                "Usia kehamilan",
                f"{weeks} minggu",
                f"trimester {1 if weeks <= 12 else 2 if weeks <= 24 else 3}",
            )
        )
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


def kms_chart(person, weighings) -> SafeString | None:
    """The KMS (BB/U chart) of a child's weighings [(date, kg)] before 5 years; None if none."""
    points = [
        Point((day - person.tanggal_lahir).days / DAYS_PER_MONTH, float(kg), f"{day:%d-%m-%Y}: {_num(kg)} kg")
        for day, kg in weighings
        if kg is not None and (day - person.tanggal_lahir).days / DAYS_PER_MONTH < UNDER_FIVE_MONTHS
    ]
    if not points:
        return None
    return mark_safe(render_svg("bbu", sex_code(person.jenis_kelamin), points))  # our own escaped SVG


def growth_chart(visit: Visit) -> list[SafeString]:
    """The KMS with every weighing of the child up to this visit."""
    weighings = Measurement.objects.filter(visit__person=visit.person, visit__tanggal__lte=visit.tanggal)
    chart = kms_chart(visit.person, weighings.values_list("visit__tanggal", "berat_kg"))
    return [chart] if chart else []


def visit_summary(visit: Visit) -> VisitSummary:
    groups = visit.person.groups_on(visit.tanggal)
    summary = VisitSummary(groups=groups, referrals=list(visit.referrals.all()))
    m = Measurement.objects.filter(visit=visit).first()
    if m is None:
        return summary
    summary.lines = _measurement_lines(m, set(groups), visit.person.jenis_kelamin, visit.person.hpht)
    summary.growth = _growth_lines(m)
    summary.kms = KMS_TEXT.get(m.kms, "") + (" · 2T" if m.two_t else "") + (" · BGM" if m.bgm else "")
    summary.charts = growth_chart(visit)
    return summary
