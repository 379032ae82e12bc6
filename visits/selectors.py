"""Reads for opening days, visits, referrals and home visits, always through the area scope."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from registry.models import Person, Relation, Sex
from registry.scoping import scope
from registry.selectors import person_search, present_on_q

from . import pregnancy_selectors, service_windows
from .growth.kms import MonthResult, Weighing, kms_history
from .immunisation_selectors import immunisation_card
from .models import Care, Dose, Measurement, OpeningDay, Referral, Visit
from .results.meja3 import child_growth_charts

ACTIVE_REFERRAL = Q(visits__referrals__dibatalkan_at__isnull=True)  # not cancelled by a correction
_ACTIVE = Q(visits__dihapus_at__isnull=True)


def opening_days(*, user) -> QuerySet[OpeningDay]:
    return (
        scope(OpeningDay.objects.all(), user)
        .select_related("posyandu")
        .annotate(
            jumlah=Count("visits", filter=_ACTIVE, distinct=True),
            dirujuk=Count("visits__referrals", filter=_ACTIVE & ACTIVE_REFERRAL, distinct=True),
        )
        .order_by("-tanggal", "posyandu__nama")
    )


def opening_day_today(*, user, today: dt.date) -> OpeningDay | None:
    """Today's opening day of the user's area, if one is open (the kader's landing page)."""
    return scope(OpeningDay.objects.filter(tanggal=today), user).order_by("posyandu__nama").first()


def day_queue(*, day: OpeningDay, q: str = "") -> list[Visit]:
    """The day's visits, oldest first, with the person's groups on that date and a child's
    mother attached; `q` keeps those whose name or NIK contains it (the search at meja 2–5)."""
    rows = day.visits.select_related("person__household").annotate(
        rujukan=Count("referrals", filter=Q(referrals__dibatalkan_at__isnull=True))
    )
    if q:
        rows = rows.filter(Q(person__nama__icontains=q) | Q(person__nik__startswith=q))
    visits = list(rows.order_by("created_at", "id"))
    mothers = household_mothers({v.person.household_id for v in visits})
    for visit in visits:
        visit.groups = visit.person.groups_on(visit.tanggal)
        visit.steps = [(meja, visit.meja_done(meja)) for meja in range(2, 6)]
        visit.ibu = mothers.get(visit.person.household_id) if visit.person.hubungan == Relation.ANAK else None
    return visits


def household_mothers(household_ids: set[int]) -> dict[int, str]:
    """The mother of a household's children, by household: the woman who heads it or is the
    head's wife (the Kartu Keluarga records no mother per child). One query."""
    women = Person.objects.filter(
        household_id__in=household_ids,
        jenis_kelamin=Sex.PEREMPUAN,
        hubungan__in=[Relation.KEPALA, Relation.SUAMI_ISTRI],
    ).order_by("hubungan", "id")
    mothers: dict[int, str] = {}
    for household_id, nama in women.values_list("household_id", "nama"):
        mothers.setdefault(household_id, nama)
    return mothers


def people_present(*, day: OpeningDay) -> QuerySet[Person]:
    """Who may join the day's queue: the people of its Posyandu, neither dead nor departed on it."""
    return Person.objects.filter(present_on_q(day.tanggal), household__posyandu=day.posyandu)


QUEUE_SEARCH_LIMIT = 20  # a phone screen's worth; more means the kader should type more


def queue_candidates(*, user, day: OpeningDay, q: str) -> tuple[list[Person], bool]:
    """People of the day's Posyandu matching a name, NIK or No. KK, not yet in the queue, and
    neither dead nor departed on the day: the first QUEUE_SEARCH_LIMIT, and whether there are
    more (then the page asks for a longer name instead of hiding them silently)."""
    queued = day.visits.values("person_id")
    found = person_search(user=user, q=q, posyandu_id=day.posyandu_id).filter(present_on_q(day.tanggal))
    rows = list(found.exclude(pk__in=queued)[: QUEUE_SEARCH_LIMIT + 1])
    return rows[:QUEUE_SEARCH_LIMIT], len(rows) > QUEUE_SEARCH_LIMIT


def referrals(*, user, posyandu_id: int | None = None, day_id: int | None = None,
              open_only: bool = False) -> QuerySet[Referral]:  # fmt: skip
    rows = scope(Referral.objects.all(), user).select_related(
        "visit__person", "visit__posyandu", "ditindaklanjuti_oleh", "dibatalkan_oleh"
    )
    if posyandu_id:
        rows = rows.filter(visit__posyandu_id=posyandu_id)
    if day_id:
        rows = rows.filter(visit__opening_day_id=day_id)
    if open_only:  # neither followed up nor cancelled by a correction
        rows = rows.filter(ditindaklanjuti_at__isnull=True, dibatalkan_at__isnull=True)
    return rows.order_by("-visit__tanggal", "visit__person__nama", "id")


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    next_first = (first + dt.timedelta(days=32)).replace(day=1)
    return first, next_first - dt.timedelta(days=1)


def person_measurements(person: Person) -> list[Measurement]:
    return list(
        Measurement.objects.filter(visit__person=person).select_related("visit").order_by("visit__tanggal")
    )


def person_care(person: Person) -> list[Care]:
    return list(Care.objects.filter(visit__person=person).select_related("visit").order_by("visit__tanggal"))


def person_kms_history(person: Person, measurements: list[Measurement]) -> list[MonthResult]:
    weighings = [Weighing(m.visit.tanggal, float(m.berat_kg), m.pk) for m in measurements if m.berat_kg]
    return kms_history(person.tanggal_lahir, weighings)


def earlier_doses(*, visit: Visit) -> dict[str, dt.date]:
    """Antigen → the date it was given, for the person's doses recorded other than at this visit
    (earlier visits, another facility, the Buku KIA): what meja 5 checks a new tick against."""
    rows = Dose.objects.filter(person_id=visit.person_id).exclude(visit=visit)
    return dict(rows.values_list("antigen", "tanggal"))


def person_health(person: Person, today: dt.date) -> dict:
    """The health part of a person's page (KMS chart, N/T/O/B, immunisation, vitamin A,
    deworming, last visits), for visits/_person_health.html."""
    measurements = person_measurements(person)
    care = person_care(person)
    rows = [(m.visit.tanggal, m.berat_kg, m.tinggi_cm) for m in measurements]
    return {
        "measurements": list(reversed(measurements)),
        "charts": child_growth_charts(person, rows),
        "imunisasi": immunisation_card(person, today),
        "vitamin_a": [(c.visit.tanggal, _capsule(c)) for c in care if c.vitamin_a],
        "obat_cacing": [c.visit.tanggal for c in care if c.obat_cacing],
        "visits": list(person.visits.select_related("posyandu").order_by("-tanggal")[:24]),
        "maternal": pregnancy_selectors.person_maternal(person),
    }


def _capsule(care: Care) -> str:
    """The capsule given, marked when outside February and August (KMK ILP 2023 L1853)."""
    note = service_windows.vitamin_a_note(care.vitamin_a, care.visit.tanggal)
    return care.get_vitamin_a_display() + (f" ({note})" if note else "")
