"""One record of a sync batch, applied by the services the pages use (registry.services,
visits.services) after the forms the pages use have parsed it: the same rules, the same
messages beside the same fields. Nothing here decides a clinical or registry rule."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.http import QueryDict
from django.utils import timezone

from registry import identifiers
from registry import services as registry_services
from registry.forms import PersonForm
from registry.models import Household, Person, Posyandu
from registry.scoping import scope
from visits import selectors as visit_selectors
from visits import services as visit_services
from visits.forms.meja import FORMS_BY_MEJA
from visits.growth.indices import INDICES
from visits.models import OpeningDay, Visit
from visits.rules import Subject

HOUSEHOLD_TYPED = ("no_kk", "alamat", "rt", "rw", "dusun")
RESULT_FIELDS = [f"z_{name}" for name in INDICES] + [
    "status_bbu", "status_pbu", "status_bbpb", "status_imtu", "kms", "two_t", "bgm", "implausible", "flags",
]  # fmt: skip


class Refused(Exception):
    """The record is answered without being saved: `status` refused, conflict or waiting."""

    def __init__(self, status: str, **details):
        super().__init__(status)
        self.status, self.details = status, details


def _form_data(values) -> QueryDict:
    """The phone sends what was typed, as a form would post it (lists for check boxes)."""
    data = QueryDict(mutable=True)
    for name, value in (values or {}).items() if isinstance(values, dict) else []:
        for item in value if isinstance(value, list) else [value]:
            data.appendlist(str(name), "" if item is None else str(item))
    return data


def _refuse_form(form) -> None:
    raise Refused("refused", errors={k: [str(m) for m in v] for k, v in form.errors.items()})


# --- newcomers ---------------------------------------------------------------------------------


def _same_person(existing: Person, data: dict) -> bool:
    return (
        existing.nama.strip().casefold() == str(data.get("nama", "")).strip().casefold()
        and existing.tanggal_lahir.isoformat() == str(data.get("tanggal_lahir", ""))
        and existing.jenis_kelamin == data.get("jenis_kelamin")
    )


def _nik_holder(user, posyandu: Posyandu, data: dict) -> dict | None:
    """A newcomer whose NIK is registered already is that person when the details agree (two
    phones registered the same baby), otherwise a conflict for the kader to resolve."""
    nik = identifiers.clean_digits(str(data.get("nik") or ""))
    existing = Person.objects.select_related("household").filter(nik=nik).first() if nik else None
    if existing is None:
        return None
    mine = scope(Person.objects.filter(pk=existing.pk, household__posyandu=posyandu), user).exists()
    if not mine:
        message = registry_services.refuse_elsewhere(user=user, existing=existing)
        raise Refused("refused", errors={"nik": [message]})
    if _same_person(existing, data):
        return {"orang": existing.pk, "sama": True}
    server = {"nama": existing.nama, "tanggal_lahir": existing.tanggal_lahir.isoformat(),
              "jenis_kelamin": existing.jenis_kelamin, "orang": existing.pk}  # fmt: skip
    raise Refused("conflict", errors={"nik": ["NIK ini sudah terdaftar dengan data lain."]}, server=server)


def _household(user, posyandu: Posyandu, value) -> tuple[Household | None, dict]:
    if isinstance(value, dict):
        fields = {k: str(value.get(k) or "") for k in HOUSEHOLD_TYPED}
        fields["no_kk"] = identifiers.clean_digits(fields["no_kk"]) or None
        return None, {**fields, "desa": posyandu.desa, "posyandu": posyandu}
    household = scope(Household.objects.filter(posyandu=posyandu), user).filter(pk=_int(value)).first()
    if household is None:
        raise Refused("refused", errors={"kk": ["Keluarga tidak ditemukan di Posyandu ini."]})
    return household, {}


def apply_newcomer(*, user, posyandu: Posyandu, record: dict, newcomers: dict) -> dict:
    """A person registered offline, in an existing household or a new one."""
    data = record.get("data") if isinstance(record.get("data"), dict) else {}
    if (same := _nik_holder(user, posyandu, data)) is not None:
        return same
    form = PersonForm(_form_data(data), user=user)
    if not form.is_valid():
        # the same NIK saved by another phone since the lookup above: that person, or a conflict
        if "nik" in form.errors and (same := _nik_holder(user, posyandu, data)) is not None:
            return same
        _refuse_form(form)
    household, fields = _household(user, posyandu, record.get("kk"))
    try:
        with transaction.atomic():
            saved = registry_services.household_save(
                user=user, household=household, fields=fields, members=[{"id": None, **form.cleaned_data}]
            )
    except (IntegrityError, ValidationError):  # the NIK's unique constraint decides a race
        if (same := _nik_holder(user, posyandu, data)) is not None:
            return same
        raise
    person = saved.members.order_by("-pk").first()
    return {"orang": person.pk, "kk": saved.pk}


# --- tables of a visit -------------------------------------------------------------------------


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


class Known:
    """What the records of one batch look up again and again, looked up once: the batch's people
    (one query), each date's opening day, each person's visit of a day. A day or visit a record
    made is kept only when that record's savepoint is released (`keep`), never one rolled back."""

    def __init__(self, *, user, posyandu: Posyandu, records: list):
        wanted = {_int(r.get("orang")) for r in records if isinstance(r, dict)} - {None}
        people = scope(Person.objects.filter(household__posyandu=posyandu), user).filter(pk__in=wanted)
        self.people: dict[int, Person] = {p.pk: p for p in people}
        self.days: dict[dt.date, OpeningDay] = {}
        self.visits: dict[tuple[int, dt.date], Visit] = {}
        self.visits_by_pk: dict[int, Visit] = {}
        # visits made by this batch, unseen by anyone else yet: the records saved for each, by meja
        self.made_here: dict[int, dict[int, Model]] = {}
        self._made: list[tuple[dict, object, object]] = []

    def made(self, where: dict, key, value):
        self._made.append((where, key, value))
        return value

    def tables_saved(self, visit_pk: int) -> dict[int, Model] | None:
        """The records saved for a visit this batch made (by meja), counting what the record
        being applied made so far; None for a visit from before the batch."""
        for where, key, value in reversed(self._made):
            if where is self.made_here and key == visit_pk:
                return value
        return self.made_here.get(visit_pk)

    def keep(self) -> None:
        for where, key, value in self._made:
            where[key] = value
        self._made.clear()

    def drop(self) -> None:
        self._made.clear()


def _person(user, posyandu: Posyandu, record: dict, newcomers: dict, known: Known) -> Person:
    ref = record.get("orang")
    pk = newcomers.get(str(ref)) if str(ref) in newcomers else _int(ref)
    if pk is None and _is_uuid(ref):
        raise Refused("waiting", errors={"__all__": ["Data orang barunya belum tersimpan."]})
    person = (
        known.people.get(pk)
        or scope(Person.objects.filter(household__posyandu=posyandu), user).filter(pk=pk).first()
    )
    if person is None:
        raise Refused("refused", errors={"__all__": ["Orang ini tidak terdaftar di Posyandu ini."]})
    return person


def _visit(user, posyandu: Posyandu, record: dict, person: Person, known: Known) -> Visit:
    tanggal = _date(record.get("tanggal"))
    error = "Tanggal tidak terbaca." if tanggal is None else None
    error = error or visit_services.opening_day_date_error(tanggal, timezone.localdate())
    if error:
        raise Refused("refused", errors={"tanggal": [error]})
    day = known.days.get(tanggal)
    if day is None:
        day = known.made(
            known.days,
            tanggal,
            visit_services.opening_day_open(posyandu=posyandu, tanggal=tanggal, user=user),
        )
        day.posyandu = posyandu  # the day's own: not looked up again
    visit = known.visits.get((person.pk, tanggal))
    if visit is None:
        visit, made = visit_services.visit_register_made(person=person, opening_day=day, user=user)
        known.made(known.visits, (person.pk, tanggal), visit)
        known.made(known.visits_by_pk, visit.pk, visit)
        if made:
            known.made(known.made_here, visit.pk, {})
    visit.person = person
    return visit


def table_of(record: dict) -> int | None:
    """The meja of a table record (1 the queue), None for a newcomer or a pregnancy."""
    return _int(record.get("meja")) if record.get("jenis") not in ("orang", "kehamilan") else None


def apply_meja(*, user, posyandu: Posyandu, record: dict, newcomers: dict, known: Known) -> dict:
    """Meja 1 puts the person in the day's queue; meja 2, 4, 5 save that table's record. The
    KMS codes and referrals that follow are derived once for the person, by results_fill()."""
    person = _person(user, posyandu, record, newcomers, known)
    visit = _visit(user, posyandu, record, person, known)
    meja = _int(record.get("meja"))
    if meja == 1:
        return {"orang": person.pk, "kunjungan": visit.pk}
    if meja not in FORMS_BY_MEJA:
        raise Refused("refused", errors={"__all__": ["Meja tidak dikenal."]})
    groups = set(person.groups_on(visit.tanggal))
    subject = Subject(person.tanggal_lahir, visit.tanggal, person.jenis_kelamin)
    extra = {"earlier_doses": visit_selectors.earlier_doses(visit=visit)} if meja == 5 else {}
    form = FORMS_BY_MEJA[meja](groups, subject)(_form_data(record.get("data")), groups=groups,
                                                 subject=subject, **extra)  # fmt: skip
    if not form.is_valid():
        _refuse_form(form)
    tables_here = known.tables_saved(visit.pk)
    fresh = tables_here is not None and meja not in tables_here
    try:
        saved = visit_services.record_save(visit=visit, meja=meja, data=form.cleaned_data, user=user,
                                           version=_int(record.get("versi")), refresh=False,
                                           fresh=fresh)  # fmt: skip
    except visit_services.EditConflict as conflict:
        raise Refused("conflict", errors={"__all__": [str(conflict)]}, versi=conflict.version,
                      server=_stored(visit, meja)) from None  # fmt: skip
    except visit_services.QueueError as refused:
        raise Refused("refused", errors={"__all__": [str(refused)]}) from None
    if tables_here is not None:
        known.made(known.made_here, visit.pk, {**tables_here, meja: saved})
    return {"orang": person.pk, "kunjungan": visit.pk, "versi": saved.version}


def results_fill(*, user, saved: list[tuple[int, dict]], known: Known) -> None:
    """After one person's tables are saved (`saved`: (meja, answer) of each): derive their KMS
    codes and referrals once, as saving them one by one through the pages would, and add to
    each answer the results (meja 2) and the visit's open referrals."""
    visits = {answer["kunjungan"]: known.visits_by_pk[answer["kunjungan"]] for _, answer in saved}
    weighed = [visits[answer["kunjungan"]] for meja, answer in saved if meja == 2]
    first = min(visits.values(), key=lambda v: v.tanggal)
    why = f"data kunjungan {first.tanggal:%d-%m-%Y} dari HP"
    for pk in visits.keys() & known.made_here.keys():
        visit_services.with_records(visits[pk], known.made_here[pk])
    derived = visit_services.results_refresh(person=first.person, visits=[*visits.values()], weighed=weighed,
                                             user=user, why=why, held=known.made_here.keys())  # fmt: skip
    for meja, answer in saved:
        visit, referrals = derived[answer["kunjungan"]]
        if meja == 2:
            answer["hasil"] = {name: getattr(visit.measurement, name) for name in RESULT_FIELDS}
        answer["rujukan"] = referrals


def _stored(visit: Visit, meja: int) -> dict:
    """The table as the server holds it now, to show beside the phone's version."""
    record = visit_services.RECORDS[meja].objects.filter(visit=visit).first()
    names = visit_services.record_fields(visit=visit, meja=meja)
    return {name: _plain(getattr(record, name)) for name in names} if record else {}


def _plain(value):
    return value if value is None or isinstance(value, bool | int | str | list) else str(value)
