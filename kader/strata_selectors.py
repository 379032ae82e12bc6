"""A year's figures per Posyandu for the strata and "Posyandu aktif" (kader/strata_rules.py),
from the data the app holds plus the yearly profile. The number of queries depends on the
months of the year, never on the number of Posyandu, people or visits. The caller passes
Posyandu ids it has scoped."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from registry.lifecycle import Group
from registry.models import Person
from reports import selectors as report_selectors
from reports.lifecycle_sql import completed_months, group_q
from reports.period import Month
from visits.models import Care, OpeningDay, Visit

from . import strata_rules
from .models import Attendance, Criterion, Indicator, Kader, PosyanduTahun

# Sasaran for the coverages: a pregnancy counts in the year when its HPHT is at most this many
# days before 1 January (the longest pregnancy the registry accepts is about the same).
PREGNANCY_DAYS = 280
# PUS (pasangan usia subur) approximated as women of 15–49: the registry has no marital status.
PUS_AGES = (15, 49)
SERVICE_GROUPS = (Group.IBU_HAMIL, Group.BAYI_BALITA, Group.USIA_SEKOLAH_REMAJA)


def period_of(year: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """1 January to 31 December, or to today for the running year."""
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)


def _per_posyandu(rows, key: str = "posyandu_id") -> dict[int, dict]:
    return {row[key]: row for row in rows}


def _opening_days(ids, start, end) -> dict[int, dict]:
    rows = OpeningDay.objects.filter(posyandu_id__in=ids, tanggal__range=(start, end))
    return _per_posyandu(rows.values("posyandu_id").annotate(n=Count("pk")))


def _on_duty(ids, start, end) -> dict[int, dict]:
    rows = Attendance.objects.filter(
        opening_day__posyandu_id__in=ids, opening_day__tanggal__range=(start, end)
    )
    counted = rows.values("opening_day__posyandu_id").annotate(n=Count("pk"))
    return _per_posyandu(counted, "opening_day__posyandu_id")


def _kader_sk(ids) -> dict[int, dict]:
    rows = Kader.objects.filter(posyandu_id__in=ids, aktif=True).exclude(sk_nomor="")
    return _per_posyandu(rows.values("posyandu_id").annotate(n=Count("pk")))


def average_ds(ids, start: dt.date, end: dt.date, today: dt.date) -> dict[int, Fraction]:
    """Mean of the monthly D/S (in %) over the months in which the Posyandu had S > 0 and an
    opening day; one query, and the SKDN's per month with an opening day."""
    opened = set(
        OpeningDay.objects.filter(posyandu_id__in=ids, tanggal__range=(start, end))
        .values_list("posyandu_id", "tanggal__month")
        .distinct()
    )
    by_month = defaultdict(list)
    for pid, m in opened:
        by_month[m].append(pid)
    shares = defaultdict(list)
    for m, opened_ids in sorted(by_month.items()):
        month = Month(start.year, m)
        rows = report_selectors.closed_month_cached(
            report_selectors.skdn, posyandu_ids=opened_ids, month=month, today=today
        )
        for pid, skdn in rows.items():
            if skdn.s:
                shares[pid].append(Fraction(100 * skdn.d, skdn.s))
    return {pid: sum(values) / len(values) for pid, values in shares.items()}


def _coverage(people, served_visits) -> dict[int, tuple[int, int]]:
    """(served, sasaran) per Posyandu of the person's household."""
    served = Exists(served_visits.filter(person=OuterRef("pk")))
    rows = people.values("household__posyandu_id").annotate(
        n=Count("pk"), served=Count("pk", filter=Q(served))
    )
    return {row["household__posyandu_id"]: (row["served"], row["n"]) for row in rows}


def coverages(ids, start: dt.date, end: dt.date) -> dict[str, dict[int, tuple[int, int]]]:
    """Cumulative KIA, KB and immunisation coverage for the year (served, sasaran); 3 queries."""
    people = Person.objects.filter(household__posyandu_id__in=ids)
    visits = Visit.objects.filter(tanggal__range=(start, end))
    women = people.filter(jenis_kelamin="P")
    pregnant = women.filter(hpht__gte=start - dt.timedelta(days=PREGNANCY_DAYS), hpht__lte=end)
    young, old = PUS_AGES
    pus = women.filter(
        tanggal_lahir__lte=_years_before(end, young), tanggal_lahir__gt=_years_before(end, old + 1)
    )
    bayi = people.filter(tanggal_lahir__gt=_years_before(start, 1), tanggal_lahir__lte=end)
    care = Care.objects.filter(visit__tanggal__range=(start, end))
    return {
        Indicator.KIA: _coverage(pregnant, visits.filter(tanggal__gte=OuterRef("hpht"))),
        Indicator.KB: _coverage(pus, visits.filter(pk__in=care.exclude(kb="").values("visit_id"))),
        Indicator.IMUNISASI: _coverage(
            bayi, visits.filter(pk__in=care.exclude(imunisasi=[]).values("visit_id"))
        ),
    }


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def groups_served(ids, start: dt.date, end: dt.date) -> dict[int, int]:
    """How many of ibu hamil, balita and remaja had at least one visit in the year; one query."""
    visits = Visit.objects.filter(posyandu_id__in=ids, tanggal__range=(start, end)).annotate(
        umur_bulan=completed_months("tanggal", "person__tanggal_lahir")
    )
    counts = {g.value: Count("pk", filter=group_q(g)) for g in SERVICE_GROUPS}
    rows = visits.values("posyandu_id").annotate(**counts)
    return {row["posyandu_id"]: sum(1 for g in SERVICE_GROUPS if row[g.value]) for row in rows}


def _percent(pair: tuple[int, int] | None) -> float | None:
    if not pair or not pair[1]:
        return None
    return float(Fraction(100 * pair[0], pair[1]))


def year_values(posyandu_ids, year: int, today: dt.date | None = None) -> dict[int, dict[str, float | None]]:
    """Every indicator of kader.models.Indicator per Posyandu for `year` (to today if running)."""
    today = today or timezone.localdate()
    ids = sorted(posyandu_ids)
    start, end = period_of(year, today)
    if start > end:
        return {pid: {} for pid in ids}
    days, duty, sk = _opening_days(ids, start, end), _on_duty(ids, start, end), _kader_sk(ids)
    ds, cover, groups = (
        average_ds(ids, start, end, today),
        coverages(ids, start, end),
        groups_served(ids, start, end),
    )
    profiles = {p.posyandu_id: p for p in PosyanduTahun.objects.filter(posyandu_id__in=ids, tahun=year)}
    values = {}
    for pid in ids:
        n_days = days.get(pid, {}).get("n", 0)
        profile = profiles.get(pid)
        values[pid] = {
            Indicator.HARI_BUKA: n_days,
            Indicator.KADER_BERTUGAS: float(Fraction(duty[pid]["n"], n_days))
            if pid in duty and n_days
            else 0,
            Indicator.KADER_SK: sk.get(pid, {}).get("n", 0),
            Indicator.DS: float(ds[pid]) if pid in ds else None,
            **{kind: _percent(cover[kind].get(pid)) for kind in cover},
            Indicator.PROGRAM_TAMBAHAN: len(profile.programs) if profile else None,
            Indicator.DANA_SEHAT: _dana_sehat(profile),
            Indicator.LAYANAN_SASARAN: groups.get(pid, 0),
        }
    return values


def _dana_sehat(profile: PosyanduTahun | None) -> float | None:
    if profile is None or profile.dana_sehat_persen is None:
        return None
    return float(profile.dana_sehat_persen)


def criteria() -> list[strata_rules.Rule]:
    return [
        strata_rules.Rule(c.skema, c.tingkat, c.indikator, c.minimum, c.sumber)
        for c in Criterion.objects.all()
    ]


def strata_for(posyandu_ids, year: int, today: dt.date | None = None) -> dict[int, strata_rules.Verdict]:
    """The computed strata, "Posyandu aktif" and the evidence per criterion, per Posyandu."""
    rules = criteria()
    return {
        pid: strata_rules.evaluate(values, rules)
        for pid, values in year_values(posyandu_ids, year, today).items()
    }


def history(
    posyandu_id: int, years: list[int], today: dt.date | None = None
) -> list[tuple[int, strata_rules.Verdict]]:
    """One Posyandu's verdict for each of `years`, newest first."""
    return [
        (year, strata_for([posyandu_id], year, today)[posyandu_id]) for year in sorted(years, reverse=True)
    ]


def year_profile(*, posyandu, tahun: int) -> PosyanduTahun:
    """The Posyandu's yearly profile (dana sehat, SK, tools), a new unsaved one if none yet."""
    found = PosyanduTahun.objects.filter(posyandu=posyandu, tahun=tahun).first()
    return found or PosyanduTahun(posyandu=posyandu, tahun=tahun)
