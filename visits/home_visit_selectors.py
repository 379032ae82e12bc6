"""Reads for the home-visit list (kunjungan rumah): one provider per reason, each one query.

A provider is `(posyandu_ids, on) -> iterable of Found(person_id, kode, text)`; PROVIDERS maps
each reason code of visits/home_visit_reasons.py to its provider, so a new reason is one line.
A provider that yields (person_id, text) only is wrapped with `coded(kode, provider)`.
All start from `sasaran(posyandu_ids, on)`, the one place that says who is still served.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from registry.lifecycle import RULES, Group
from registry.models import Person, Sex
from registry.scoping import scope
from registry.selectors import lifecycle_q, present_on_q

from . import home_visit_reasons as hv
from . import pregnancy_rules
from .home_visit_reasons import Found, PersonRow
from .immunisation_selectors import immunisation_overdue_people
from .models import Care, HomeVisitOutcome, Measurement, PostnatalContact, Referral, Visit
from .rules import PTM_FROM_YEARS, Subject
from .selectors import month_bounds
from .vitamin_a_selectors import vitamin_a_sweep_people

Provider = Callable[[list[int], dt.date], Iterable[Found]]


def sasaran(posyandu_ids: list[int], on: dt.date) -> QuerySet[Person]:
    """The people a Posyandu serves (sasaran) on `on`: registered in one of its households, not
    dead and not departed (registry.selectors.present_on_q)."""
    return Person.objects.filter(present_on_q(on), household__posyandu_id__in=posyandu_ids)


def _d(day: dt.date) -> str:
    return f"{day:%d-%m-%Y}"


def _later_visit(person_ref: str, date_ref: str) -> Exists:
    return Exists(Visit.objects.filter(person_id=OuterRef(person_ref), tanggal__gt=OuterRef(date_ref)))


def _seen_this_month(on: dt.date) -> Exists:
    """The person (the outer row) has a visit in `on`'s month, wherever: looked up per person
    through the visit's person index, not by listing every visit of the district's month."""
    return Exists(Visit.objects.filter(person_id=OuterRef("pk"), tanggal__range=month_bounds(on)))


def missed_this_month(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """Sasaran expected every month (balita, ibu hamil, nifas/menyusui, lansia) with no visit in
    the month so far (KMK ILP 2023 L1055 "belum mendapatkan pelayanan", L1520, L5852)."""
    in_groups = Q()
    for group in hv.MONTHLY_GROUPS:
        in_groups |= lifecycle_q(group, on)
    people = sasaran(posyandu_ids, on).filter(in_groups).exclude(_seen_this_month(on))
    text = "Belum ada kunjungan bulan ini"
    return [Found(pk, "belum_datang", text) for pk in people.values_list("pk", flat=True)]


def _latest_per_person(measurements, *fields: str) -> list[tuple]:
    """(person id, *fields) of each person's latest measurement among `measurements`: DISTINCT ON
    in PostgreSQL; SQLite (the demo quick start) has none, so there the first row of each person
    of the same ordering is kept in Python."""
    rows = measurements.order_by("visit__person_id", "-visit__tanggal", "-visit_id")
    if connection.features.can_distinct_on_fields:
        return list(rows.distinct("visit__person_id").values_list("visit__person_id", *fields))
    latest: dict[int, tuple] = {}
    for row in rows.values_list("visit__person_id", *fields):
        latest.setdefault(row[0], row)
    return list(latest.values())


def gizi_not_followed_up(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """Balita whose latest weighing, before this month, showed 2T, BGM, stunting or gizi
    kurang/buruk: not weighed since (KMK ILP 2023 L1920 sweeping balita bermasalah gizi)."""
    balita = sasaran(posyandu_ids, on).filter(lifecycle_q(Group.BAYI_BALITA, on)).values("pk")
    measurements = Measurement.objects.filter(
        visit__person_id__in=balita, berat_kg__isnull=False, visit__tanggal__lte=on
    )
    latest = _latest_per_person(measurements, "visit__tanggal", "two_t", "bgm", "status_pbu", "status_bbpb")
    found = []
    for person_id, day, two_t, bgm, pbu, bbpb in latest:
        problems = hv.gizi_problems(two_t=two_t, bgm=bgm, status_pbu=pbu, status_bbpb=bbpb)
        if problems and day < hv.month_start(on):
            text = f"{', '.join(problems)} pada {_d(day)}; belum ditimbang lagi"
            found.append(Found(person_id, "gizi", text))
    return found


def referral_not_followed_up(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """Open referrals (neither followed up nor cancelled) older than a week (KMK ILP 2023 L1055
    "tidak melakukan kunjungan ulang")."""
    rows = Referral.objects.filter(
        visit__person_id__in=sasaran(posyandu_ids, on).values("pk"),
        visit__tanggal__lte=on - dt.timedelta(days=hv.REFERRAL_WAIT_DAYS),
        ditindaklanjuti_at__isnull=True,
        dibatalkan_at__isnull=True,
    ).order_by("visit__tanggal", "id")
    return [
        Found(person_id, "rujukan", f"Dirujuk {_d(day)}: {alasan}")
        for person_id, day, alasan in rows.values_list("visit__person_id", "visit__tanggal", "alasan")
    ]


def danger_sign(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """A danger sign (tanda bahaya) recorded in the last 30 days with no visit since
    (KMK ILP 2023 L1232 sweeping ibu hamil, L1320 ibu nifas with danger signs)."""
    rows = (
        Care.objects.filter(
            tanda_bahaya=True,
            visit__person_id__in=sasaran(posyandu_ids, on).values("pk"),
            visit__tanggal__range=(on - dt.timedelta(days=hv.DANGER_SIGN_DAYS), on),
        )
        .filter(~_later_visit("visit__person_id", "visit__tanggal"))
        .values_list("visit__person_id", "visit__tanggal")
    )
    text = "Tanda bahaya dicatat {}; belum dikunjungi lagi"
    return [Found(pk, "tanda_bahaya", text.format(_d(day))) for pk, day in rows]


def nifas_without_kf(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """Ibu nifas (42 days after the birth) with a KF whose window is open or has passed and no
    date recorded for it on her pregnancy episode (PostnatalContact; KF windows KMK ILP 2023
    L1280–1286, pregnancy_rules.kf_missing); KMK ILP 2023 L1320 sweeping ibu nifas yang belum
    mendapatkan pelayanan nifas. A mother registered without an episode has none recorded."""
    kinds = [kind for kind, _first, _last in pregnancy_rules.KF_WINDOWS]
    recorded = {
        kind: Exists(PostnatalContact.objects.filter(
            kehamilan__ibu_id=OuterRef("pk"), jenis=kind, tanggal__gte=OuterRef("tanggal_persalinan")
        ))
        for kind in kinds
    }  # fmt: skip
    rows = (
        sasaran(posyandu_ids, on)
        .filter(
            jenis_kelamin=Sex.PEREMPUAN,
            tanggal_persalinan__range=(on - dt.timedelta(days=RULES.nifas_days), on),
        )
        .annotate(**recorded)
        .values_list("pk", "tanggal_persalinan", *kinds)
    )
    found = []
    for pk, day, *done in rows:
        missing = pregnancy_rules.kf_missing(day, on, [k for k, d in zip(kinds, done, strict=True) if d])
        if missing:
            names = ", ".join(pregnancy_rules.kf_text(kind) for kind in missing)
            found.append(Found(pk, "nifas_kf", f"Melahirkan {_d(day)}; belum tercatat {names}"))
    return found


def newborn_without_kn(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """Babies of 0–28 days never visited (KMK ILP 2023 L1554 sweeping bayi baru lahir)."""
    rows = (
        sasaran(posyandu_ids, on)
        .filter(tanggal_lahir__range=(on - dt.timedelta(days=hv.NEONATAL_DAYS), on))
        .filter(~Exists(Visit.objects.filter(person_id=OuterRef("pk"))))
        .values_list("pk", "tanggal_lahir")
    )
    return [Found(pk, "neonatal_kn", f"Lahir {_d(day)}; belum ada kunjungan neonatal") for pk, day in rows]


def ptm_not_followed_up(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """From 15 years: the latest measurement showed hipertensi, gula darah ≥ 200 or obesity and
    the person has not come this month (KMK ILP 2023 L4460, L4472, L4606)."""
    # A loose cut in SQL (365-day years); ptm_findings checks the exact age at the measurement.
    people = sasaran(posyandu_ids, on).filter(tanggal_lahir__lte=on - dt.timedelta(days=365 * PTM_FROM_YEARS))
    imt = Q(berat_kg__isnull=False, tinggi_cm__isnull=False)
    measured = Q(sistol__isnull=False) | Q(gula_darah__isnull=False) | imt
    not_seen = people.exclude(_seen_this_month(on)).values("pk")
    measurements = Measurement.objects.filter(measured, visit__person_id__in=not_seen, visit__tanggal__lte=on)
    latest = _latest_per_person(
        measurements,
        "visit__tanggal",
        "visit__person__tanggal_lahir",
        "visit__person__jenis_kelamin",
        "sistol",
        "diastol",
        "gula_darah",
        "berat_kg",
        "tinggi_cm",
    )
    found = []
    for person_id, day, born, sex, sistol, diastol, gula, berat, tinggi in latest:
        findings = hv.ptm_findings(
            Subject(born, day, sex),
            sistol=sistol,
            diastol=diastol,
            gula_darah=gula,
            berat_kg=berat,
            tinggi_cm=tinggi,
        )
        if findings:
            text = f"{', '.join(findings)} pada {_d(day)}; belum dipantau bulan ini"
            found.append(Found(person_id, "ptm", text))
    return found


def remaja_anemia_not_followed_up(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """Remaja putri whose latest Hb was below 12 g/dL and who has not come this month (KMK ILP
    2023 L2837, L3497)."""
    # A loose cut in SQL (under about 19); remaja_anemia checks 10–17 years at the measurement.
    girls = sasaran(posyandu_ids, on).filter(
        jenis_kelamin=Sex.PEREMPUAN, tanggal_lahir__gt=on.replace(year=on.year - 19, day=1)
    )
    measurements = Measurement.objects.filter(
        hb__isnull=False,
        visit__person_id__in=girls.exclude(_seen_this_month(on)).values("pk"),
        visit__tanggal__lte=on,
    )
    latest = _latest_per_person(measurements, "visit__tanggal", "visit__person__tanggal_lahir", "hb")
    return [
        Found(
            pk, "anemia_remaja", f"Hb {hb:g} g/dL pada {_d(day)}; belum dipantau bulan ini".replace(".", ",")
        )
        for pk, day, born, hb in latest
        if hv.remaja_anemia(Subject(born, day, Sex.PEREMPUAN), hb)
    ]


def _tbc_suspects(posyandu_ids: list[int], on: dt.date) -> QuerySet[Care]:
    return Care.objects.filter(
        visit__person__household__posyandu_id__in=posyandu_ids,
        visit__tanggal__range=(on - dt.timedelta(days=hv.TBC_DAYS), on),
    ).exclude(gejala_tbc=[])


def tbc_not_followed_up(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """Terduga TBC (symptoms recorded in the last 90 days) not visited since (KMK ILP 2023
    L2231 mangkir / loss to follow up, L5089 pemantauan)."""
    rows = (
        _tbc_suspects(posyandu_ids, on)
        .filter(visit__person_id__in=sasaran(posyandu_ids, on).values("pk"))
        .filter(~_later_visit("visit__person_id", "visit__tanggal"))
        .values_list("visit__person_id", "visit__tanggal")
    )
    return [Found(pk, "tbc", f"Gejala TBC dicatat {_d(day)}; belum dikunjungi lagi") for pk, day in rows]


def tbc_contacts(posyandu_ids: list[int], on: dt.date) -> Iterable[Found]:
    """Household contacts (kontak serumah) of a TBC suspect of the last 90 days with no visit
    since the suspect's (KMK ILP 2023 L2077 kontak erat found on a home visit, L7713). The
    suspect is not named: the list is read by every kader of the Posyandu."""
    suspect = (
        _tbc_suspects(posyandu_ids, on)
        .filter(visit__person__household_id=OuterRef("household_id"))
        .exclude(visit__person_id=OuterRef("pk"))
        .order_by("visit__tanggal")
        .values("visit__tanggal")[:1]
    )
    last_visit = Visit.objects.filter(person_id=OuterRef("pk")).order_by("-tanggal").values("tanggal")[:1]
    rows = (
        sasaran(posyandu_ids, on)
        .annotate(suspect_day=Subquery(suspect), last_visit=Subquery(last_visit))
        .filter(suspect_day__isnull=False)
        .values_list("pk", "suspect_day", "last_visit")
    )
    return [
        Found(pk, "tbc_kontak", f"Serumah dengan terduga TBC (dicatat {_d(day)}); belum diskrining")
        for pk, day, last in rows
        if last is None or last < day
    ]


def coded(kode: str, provider: Callable[[list[int], dt.date], Iterable[tuple[int, str]]]) -> Provider:
    """A provider that yields (person_id, text) made into one of this list (e.g. imunisasi)."""
    return lambda posyandu_ids, on: (Found(pk, kode, text) for pk, text in provider(posyandu_ids, on))


PROVIDERS: dict[str, Provider] = {
    "tanda_bahaya": danger_sign,
    "nifas_kf": nifas_without_kf,
    "neonatal_kn": newborn_without_kn,
    "rujukan": referral_not_followed_up,
    "gizi": gizi_not_followed_up,
    "ptm": ptm_not_followed_up,
    "anemia_remaja": remaja_anemia_not_followed_up,
    "tbc": tbc_not_followed_up,
    "tbc_kontak": tbc_contacts,
    "belum_datang": missed_this_month,
    "imunisasi": coded("imunisasi", immunisation_overdue_people),
    "vitamin_a": coded("vitamin_a", vitamin_a_sweep_people),
}


def reason_choices() -> list[tuple[str, str]]:
    return [(kode, label) for kode, label in hv.REASONS.items() if kode in PROVIDERS]


def found_reasons(posyandu_ids: list[int], on: dt.date, kode: str = "") -> list[Found]:
    """Every reason of the Posyandu's people (or only `kode`): one query a provider."""
    chosen = [PROVIDERS[kode]] if kode in PROVIDERS else PROVIDERS.values()
    return [found for provider in chosen for found in provider(posyandu_ids, on)]


def home_visit_rows(
    *, user, posyandu_ids: list[int], on: dt.date, kode: str = "", group: str = "", status: str = hv.OPEN
) -> list[PersonRow]:
    """The home-visit list: a row per person with each reason and, once a home visit closed it
    this month, its outcome. A reason closed this month stays listed (as history) even when
    the visit removed it. The providers' queries, then one for outcomes and one for people."""
    found = found_reasons(posyandu_ids, on, kode)
    closed = HomeVisitOutcome.objects.filter(posyandu_id__in=posyandu_ids, bulan=hv.month_start(on))
    if kode:
        closed = closed.filter(kode=kode)
    outcomes = {(o.person_id, o.kode): o for o in scope(closed, user).select_related("dicatat_oleh")}
    found += [Found(pk, k, o.alasan) for (pk, k), o in outcomes.items()]
    ids = {f.person_id for f in found}
    people = scope(Person.objects.filter(pk__in=ids), user).select_related("household")
    ordered = {p.pk: p for p in people.order_by("household__rt", "household__alamat", "nama")}
    rows = hv.build_rows(found, ordered, outcomes, lambda person: person.groups_on(on))
    return hv.filter_rows(rows, kode=kode, group=group, status=status)


def person_reason(*, person: Person, kode: str, on: dt.date) -> Found | None:
    """The reason `kode` for this person today, if it holds (the outcome page)."""
    found = found_reasons([person.household.posyandu_id], on, kode)
    return next((f for f in found if f.person_id == person.pk and f.kode == kode), None)
