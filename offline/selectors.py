"""What a kader's phone downloads to work an opening day without network ("Siapkan hari
buka"): the people of the kader's own Posyandu with what the forms need, nothing else.

Compact on purpose (a 300-person Posyandu must stay small on a slow connection): people are
rows of values in the order of PERSON_COLUMNS, forms are sent once and referred to by number.
A constant number of queries whatever the Posyandu's size."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from registry import access, identifiers
from registry.lifecycle import lifecycle_groups
from registry.models import Household, Person, Posyandu, Relation
from registry.scoping import profile_of, scope
from visits.models import Care, Measurement, OpeningDay, Visit
from visits.rules import Subject

from .forms_spec import MEJA, FormCatalogue, pregnancy_fields

PERSON_COLUMNS = ["id", "nama", "jk", "lahir", "kk", "nik", "hub", "hpht", "salin", "grup", "form"]
VISIT_COLUMNS = ["id", "orang", "v2", "v4", "v5"]
WEIGHING_COLUMNS = ["orang", "tgl", "bb", "tb", "kms"]
WEIGHING_MONTHS = 3  # KMS reads last month; 2T the two before it


def own_posyandu(user) -> Posyandu | None:
    """The one Posyandu whose data a kader's phone may hold (None for every other role)."""
    profile = profile_of(user)
    return profile.posyandu if profile is not None and access.can_work_offline(user) else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _people(user, posyandu: Posyandu, today: dt.date, catalogue: FormCatalogue) -> list[list]:
    rows = []
    people = scope(Person.objects.filter(household__posyandu=posyandu), user).order_by("nama", "id")
    for p in people:
        groups = set(lifecycle_groups(p.tanggal_lahir, today, p.jenis_kelamin, p.hpht, p.tanggal_persalinan))
        subject = Subject(p.tanggal_lahir, today, p.jenis_kelamin)
        forms = [catalogue.number(meja, groups, subject) for meja in MEJA]
        rows.append([p.pk, p.nama, p.jenis_kelamin, _iso(p.tanggal_lahir), p.household_id,
                     identifiers.mask(p.nik), p.hubungan, _iso(p.hpht), _iso(p.tanggal_persalinan),
                     sorted(str(g) for g in groups), forms])  # fmt: skip
    return rows


def _households(user, posyandu: Posyandu) -> list[list]:
    rows = scope(Household.objects.filter(posyandu=posyandu), user).values_list("id", "no_kk", "alamat")
    return [[pk, identifiers.mask(no_kk), alamat] for pk, no_kk, alamat in rows.order_by("id")]


def _weighings_since(today: dt.date) -> dt.date:
    first = today.replace(day=1)
    for _ in range(WEIGHING_MONTHS):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return first


def _weighings(user, posyandu: Posyandu, today: dt.date) -> list[list]:
    first = _weighings_since(today)
    rows = (
        scope(Measurement.objects, user)
        .filter(
            visit__person__household__posyandu=posyandu, visit__tanggal__gte=first, berat_kg__isnull=False
        )
        .exclude(implausible__contains="bbu")
    )  # an implausible weight never counts for the KMS
    rows = rows.order_by("visit__tanggal", "id").values_list(
        "visit__person_id", "visit__tanggal", "berat_kg", "tinggi_cm", "kms"
    )
    return [[pk, day.isoformat(), float(bb), float(tb) if tb else None, kms] for pk, day, bb, tb, kms in rows]


def _weighed_before(user, posyandu: Posyandu, today: dt.date) -> list[int]:
    """People weighed before the months sent: their first weighing in the download is not B."""
    first = _weighings_since(today)
    rows = scope(Measurement.objects, user).filter(
        visit__person__household__posyandu=posyandu, visit__tanggal__lt=first, berat_kg__isnull=False
    )
    return sorted(set(rows.values_list("visit__person_id", flat=True)))


def _doses(user, posyandu: Posyandu) -> dict[int, dict[str, str]]:
    """Person → antigen → the date first given (the service windows need earlier doses)."""
    given: dict[int, dict[str, str]] = {}
    rows = scope(Care.objects, user).filter(visit__person__household__posyandu=posyandu).exclude(imunisasi=[])
    for pk, day, antigens in rows.order_by("visit__tanggal").values_list(
        "visit__person_id", "visit__tanggal", "imunisasi"
    ):
        for antigen in antigens or []:
            given.setdefault(pk, {}).setdefault(antigen, day.isoformat())
    return given


def _today_visits(user, posyandu: Posyandu, today: dt.date) -> list[list]:
    """The day's queue so far, with each table's version (a save made offline over a newer one
    is a conflict)."""
    visits = scope(Visit.objects, user).filter(opening_day__posyandu=posyandu, opening_day__tanggal=today)
    rows = visits.values_list(
        "id", "person_id", "measurement__version", "counselling__version", "care__version"
    )
    return [list(row) for row in rows.order_by("id")]


# Ages (days) from which a newcomer registered offline gets another set of forms (and life-cycle
# groups, for meja 3's referral reasons): the phone picks the last one at or below the age.
# Provisional: the server decides on sync.
NEWCOMER_AGES = [0, 183, 365, 730, 1826, 2191, 6575, 21915]
NEWCOMER_PREGNANT_DAYS = 60  # any HPHT of an ongoing pregnancy gives the ibu hamil forms


def _newcomer_forms(today: dt.date, catalogue: FormCatalogue) -> dict[str, list]:
    """By sex ("L", "P", and "hamil": a woman marked pregnant at meja 1), rows [age in days from,
    form numbers, groups]."""
    forms: dict[str, list] = {}
    hpht = today - dt.timedelta(days=NEWCOMER_PREGNANT_DAYS)
    for key, sex, pregnant in (("L", "L", None), ("P", "P", None), ("hamil", "P", hpht)):
        for days in NEWCOMER_AGES:
            born = today - dt.timedelta(days=days)
            groups = set(lifecycle_groups(born, today, sex, pregnant, None))
            subject = Subject(born, today, sex)
            numbers = [catalogue.number(m, groups, subject) for m in MEJA]
            forms.setdefault(key, []).append([days, numbers, sorted(str(g) for g in groups)])
    return forms


def day_package(*, user, posyandu: Posyandu) -> dict:
    """Everything meja 1–5 need offline for today's opening day of `posyandu`."""
    today = timezone.localdate()
    catalogue = FormCatalogue()
    day = scope(OpeningDay.objects, user).filter(Q(posyandu=posyandu) & Q(tanggal=today)).first()
    return {
        "v": 1,
        "prepared_at": timezone.now().isoformat(timespec="seconds"),
        "tanggal": today.isoformat(),
        "posyandu": {"id": posyandu.pk, "nama": posyandu.nama, "hari_buka": day.pk if day else None},
        "cols": {"orang": PERSON_COLUMNS, "kunjungan": VISIT_COLUMNS, "timbang": WEIGHING_COLUMNS},
        "orang": _people(user, posyandu, today, catalogue),
        "kk": _households(user, posyandu),
        "timbang": _weighings(user, posyandu, today),
        "timbang_lama": _weighed_before(user, posyandu, today),
        "imunisasi": _doses(user, posyandu),
        "kunjungan": _today_visits(user, posyandu, today),
        "baru": _newcomer_forms(today, catalogue),
        "kehamilan": pregnancy_fields(),
        "hubungan": [[value, str(label)] for value, label in Relation.choices],
        "form": catalogue.forms,
    }
