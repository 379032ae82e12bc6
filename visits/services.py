"""Writes for opening days and visits. Each runs in one transaction; every change is audited."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Collection

from django.db import IntegrityError, transaction
from django.db.models import DecimalField, Model
from django.forms.models import model_to_dict
from django.utils import timezone

from common.writes import assign, update_rows
from registry import access
from registry.access import EDIT_WINDOW_DAYS
from registry.models import Person, Posyandu
from registry.scoping import scope

from .forms.meja import FORMS_BY_MEJA
from .growth.indices import INDICES
from .growth.kms import MonthResult
from .immunisation_services import birth_hb0_record as birth_hb0_record
from .immunisation_services import visit_doses_sync
from .models import AuditEntry, Care, Counselling, Measurement, OpeningDay, Referral, Visit, VisitKind
from .referral_rules import referral_reasons
from .results.audit_text import HIDDEN
from .results.measurement import apply_growth, kms_results, outside_normal, visit_facts
from .rules import Subject

RECORDS: dict[int, type[Model]] = {2: Measurement, 4: Counselling, 5: Care}
# How a visit reaches each table's record (visit.measurement), as select_related() names it too.
RECORD_NAMES = {2: "measurement", 4: "counselling", 5: "care"}
_DERIVED = {"id", "visit", "version", "updated_by", "updated_at"}
# Person fields whose correction recomputes the stored results of all the person's visits, and
# the Measurement fields stored from them (the KMS codes, 2T and BGM by refresh_kms).
CORRECTED = {"tanggal_lahir": "tanggal lahir", "jenis_kelamin": "jenis kelamin"}
DERIVED = [
    "umur_hari",
    *(f"z_{name}" for name in INDICES),
    *(f"status_{name}" for name in ("bbu", "pbu", "bbpb", "imtu")),
    "implausible",
    "flags",
]


class EditConflict(Exception):
    """Another kader saved the same table of this visit after the form was opened. `version` is
    the record's version now, for the form shown again: saving it then overwrites knowingly."""

    def __init__(self, by, version: int | None = None):
        super().__init__(f"Data meja ini baru saja disimpan oleh {by}. Periksa isinya, lalu simpan lagi.")
        self.version = version


class QueueError(Exception):
    """A queue change that is refused; the message is for the kader."""


def record_fields(*, visit: Visit, meja: int) -> tuple[str, ...]:
    """The fields a kader may set at `meja` for this visit: those of the meja's form for the
    person's life-cycle groups on the visit date."""
    person = visit.person
    subject = Subject(person.tanggal_lahir, visit.tanggal, person.jenis_kelamin)
    form_class = FORMS_BY_MEJA[meja](set(person.groups_on(visit.tanggal)), subject)
    return tuple(form_class._meta.fields)


def opening_day_date_error(tanggal: dt.date, today: dt.date) -> str | None:
    """Why a kader cannot open an opening day on `tanggal`, or None. A past day may be opened
    to enter a paper register, within the window in which a kader may still edit visits.
    (opening_day_open itself takes any date: demo data and history are written through it.)"""
    if tanggal > today:
        return "Hari buka tidak boleh di masa depan."
    if (today - tanggal).days > EDIT_WINDOW_DAYS:
        return f"Hari buka lebih dari {EDIT_WINDOW_DAYS} hari yang lalu tidak dapat dibuka lagi oleh kader."
    return None


@transaction.atomic
def opening_day_open(*, posyandu: Posyandu, tanggal: dt.date, user) -> OpeningDay:
    access.require(access.can_record_visits(user), access.READ_ONLY)
    day, _ = OpeningDay.objects.get_or_create(
        posyandu=posyandu, tanggal=tanggal, defaults={"dibuka_oleh": user}
    )
    return day


def visit_register(*, person: Person, user, opening_day: OpeningDay | None = None,
                   tanggal: dt.date | None = None) -> Visit:  # fmt: skip
    """Meja 1: the person joins the day's queue (once), or a home visit is started."""
    return visit_register_made(person=person, user=user, opening_day=opening_day, tanggal=tanggal)[0]


def visit_register_made(*, person: Person, user, opening_day: OpeningDay | None = None,
                        tanggal: dt.date | None = None) -> tuple[Visit, bool]:  # fmt: skip
    """visit_register(), and whether the visit was made now (False: the person was in the queue)."""
    # Refused before the atomic block: a refusal raised inside one without a savepoint would
    # spoil the caller's whole transaction.
    access.require(access.can_record_visits(user), access.READ_ONLY)
    return _visit_create(person=person, user=user, opening_day=opening_day, tanggal=tanggal)


# One statement, atomic by itself (the insert keeps its own savepoint for a person already in
# the queue): no savepoint of its own when called inside a transaction (the offline sync).
@transaction.atomic(savepoint=False)
def _visit_create(
    *, person: Person, user, opening_day: OpeningDay | None, tanggal: dt.date | None
) -> tuple[Visit, bool]:
    if opening_day is not None:
        # Inserted first, read on a clash: a person is mostly queued once, so this is one
        # statement where get_or_create() takes two.
        fields = {"person": person, "opening_day": opening_day, "created_by": user,
                  "posyandu": opening_day.posyandu, "tanggal": opening_day.tanggal}  # fmt: skip
        try:
            with transaction.atomic():
                return Visit.objects.create(**fields), True
        except IntegrityError:
            return Visit.objects.get(person=person, opening_day=opening_day), False
    visit = Visit.objects.create(
        person=person,
        posyandu=person.household.posyandu,
        tanggal=tanggal or timezone.localdate(),
        jenis=VisitKind.RUMAH,
        created_by=user,
    )
    return visit, True


@transaction.atomic
def visit_remove(*, visit: Visit, user) -> None:
    """Meja 1: take a person put in the queue by mistake out again, while nothing is recorded
    for them. The visit is kept, marked removed, with who and when in its audit."""
    locked = Visit.objects.select_for_update().filter(pk=visit.pk).first()
    if locked is None:
        raise QueueError("Orang ini sudah dihapus dari antrean.")
    access.require(access.can_edit_visit(user, locked), access.VISIT_LOCKED)
    if locked.has_records():
        raise QueueError(f"{locked.person.nama} sudah dilayani; koreksi datanya, jangan dihapus.")
    now = timezone.now()
    Visit.objects.filter(pk=visit.pk).update(dihapus_at=now, dihapus_oleh=user)
    AuditEntry.objects.create(
        visit=visit, meja=1, user=user, before={"antrean": "masuk"}, after={"antrean": "dihapus"}
    )


def _lock_visit(visit: Visit, user) -> None:
    """Check that `user` may edit the visit and lock it: serialises a save with a removal of the
    same visit; a removed visit takes no record. The lock is taken within the user's area, which
    is can_edit_visit's area check (one query for both)."""
    row = scope(Visit.all_objects.select_for_update(of=("self",)).filter(pk=visit.pk), user)
    removed_at = list(row.values_list("dihapus_at", flat=True))
    access.require(access.can_edit_visit(user, visit, in_area=bool(removed_at)), access.VISIT_LOCKED)
    if removed_at[0] is not None:
        raise QueueError("Orang ini sudah dihapus dari antrean.")


def _snapshot(record: Model | None) -> dict:
    if record is None or record.pk is None:
        return {}
    data = model_to_dict(record)
    return {
        k: (str(v) if isinstance(v, decimal.Decimal | dt.date) else v)
        for k, v in data.items()
        if k not in _DERIVED
    }


def record_save(
    *, visit: Visit, meja: int, data: dict, user, version: int | None, refresh: bool = True,
    fresh: bool = False,
) -> Model:  # fmt: skip
    """Save one table's record of a visit (meja 2, 4 or 5), derive what follows, keep the audit.

    `version` is the record's version when the form was opened (None for a new record); if
    someone saved in between, EditConflict is raised and nothing is written. The offline sync
    saves several tables of one person in its own transaction, each in its own savepoint:
    `refresh=False` leaves the KMS codes and referrals to it (results_refresh() once, before
    its transaction ends); `fresh` when it made the visit in that transaction and saved no
    record of this table for it yet: no one else sees the visit until it commits, so there is
    no row to lock, no record to read and no insert to race (no savepoint either: a refusal
    rolls back the caller's savepoint).
    """
    with transaction.atomic(savepoint=not fresh):
        if fresh:
            access.require(access.can_edit_visit(user, visit, in_area=True), access.VISIT_LOCKED)
        else:
            _lock_visit(visit, user)
        return _record_save(visit=visit, meja=meja, data=data, user=user, version=version, refresh=refresh,
                            fresh=fresh)  # fmt: skip


def _record_save(*, visit: Visit, meja: int, data: dict, user, version: int | None, refresh: bool,
                 fresh: bool) -> Model:  # fmt: skip
    model = RECORDS[meja]
    record = None if fresh else model.objects.select_for_update().filter(visit=visit).first()
    if record is not None and record.version != version:
        raise EditConflict(record.updated_by, record.version)
    before = _snapshot(record)
    if record is None:
        record = model(visit=visit, updated_by=user)
    else:
        record.visit = visit  # the locked visit, with its person: not read again
        record.version += 1
        record.updated_by = user
    assign(record, _floats_as_typed(data), record_fields(visit=visit, meja=meja))
    if meja == 2:
        apply_growth(record, visit.person)
        record.flags = "; ".join(outside_normal(record, visit.person.jenis_kelamin))
    # One record per visit is kept by the database: a concurrent first save is a conflict below.
    # The visit and the user are the service's own (locked and logged in): no lookup for them.
    record.full_clean(exclude=["visit", "updated_by"], validate_unique=False)
    _as_stored(record)
    if fresh:
        record.save()
    else:
        _save_first_or_conflict(record, model)
    if meja == 5:
        visit_doses_sync(visit=visit, antigens=record.imunisasi, user=user)
    AuditEntry.objects.create(visit=visit, meja=meja, user=user, before=before, after=_snapshot(record))
    Visit.objects.filter(pk=visit.pk, **{f"meja{meja}_at__isnull": True}).update(
        **{f"meja{meja}_at": timezone.now()}
    )
    if refresh:
        why = f"data meja {meja} kunjungan {visit.tanggal:%d-%m-%Y} {'diubah' if before else 'disimpan'}"
        results_refresh(person=visit.person, visits=[visit], weighed=[visit] if meja == 2 else [], user=user,
                        why=why)  # fmt: skip
    return record


def results_refresh(
    *, person: Person, visits: list[Visit], weighed: list[Visit], user, why: str,
    held: Collection[int] = (),
) -> dict[int, tuple[Visit, list[str]]]:  # fmt: skip
    """What saving tables of `visits` of one person derives: after a weighing (`weighed`), the KMS
    codes of every weighing of the person and the referrals of every weighed visit since that
    month's first day (a weight can change the code of another weighing of the month, the later
    valid one counts, and of later months; a visit without a weighing has no code to change);
    the referrals of the other `visits`. Returns, by visit id, each visit derived (with its
    records as stored now) and the reasons of its referrals not cancelled. `held`: ids of
    `visits` the caller made in its own transaction and holds with every record saved for them
    (with_records()): nothing of theirs is read again, and they have no referral yet."""
    by_pk = {v.pk: v for v in visits}
    measurements = {v.measurement.pk: v.measurement for v in visits if v.pk in held and _has_measurement(v)}
    kms, weighed_on = refresh_kms(person, edited={v.pk for v in weighed}, user=user, held=measurements)
    wanted = set(by_pk)
    if weighed:
        since = min(v.tanggal for v in weighed).replace(day=1)
        wanted |= {pk for pk, day in weighed_on.items() if day >= since}
    ready = [by_pk[pk] for pk in wanted if pk in held]
    to_read = wanted - set(held)
    read = _read_with_records(Visit.objects.filter(pk__in=to_read)) if to_read else []
    return _visits_derive(person, ready + read, kms, user=user, why=why, held=held)


def with_records(visit: Visit, records: dict[int, Model]) -> Visit:
    """`visit` holding its measurement and care as `records` (by meja) has them, as a query with
    select_related would load them: for a visit made in the caller's transaction, whose every
    record the caller saved (results_refresh(held=...))."""
    for meja in (2, 5):
        name = RECORD_NAMES[meja]
        getattr(Visit, name).related.set_cached_value(visit, records.get(meja))
    return visit


def _has_measurement(visit: Visit) -> bool:
    return getattr(visit, "measurement", None) is not None


def _read_with_records(visits) -> list[Visit]:
    """`visits` (a queryset) read with their measurement and care, as _visits_derive needs them."""
    return list(visits.select_related("measurement", "care").order_by())


def _as_stored(record: Model) -> None:
    """Decimals as the database keeps them (9.5 becomes 9.50), so the audit shows what is stored
    without reading the record again. After full_clean: a value with too many decimals is
    refused there, not rounded here."""
    for field in record._meta.concrete_fields:
        value = getattr(record, field.attname)
        if isinstance(field, DecimalField) and isinstance(value, decimal.Decimal):
            setattr(record, field.attname, value.quantize(decimal.Decimal(1).scaleb(-field.decimal_places)))


def _floats_as_typed(data: dict) -> dict:
    """A float (8.4 from a script or test) becomes the decimal it was written as; full_clean()
    would otherwise read its binary expansion and refuse it for having too many decimals."""
    return {k: decimal.Decimal(str(v)) if isinstance(v, float) else v for k, v in data.items()}


def _save_first_or_conflict(record: Model, model: type[Model]) -> None:
    """Save the record. Two kader saving the first record of a table at once both find none (no
    row to lock); the unique visit makes the second insert fail, which is the same conflict as
    a stale form, not an error."""
    if record.pk is not None:
        record.save()
        return
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        winner = model.objects.select_related("updated_by").get(visit=record.visit)
        raise EditConflict(winner.updated_by, winner.version) from None


@transaction.atomic
def visit_mark_recorded(*, visit: Visit, user) -> None:
    """Meja 3: the results were written in the Buku KIA / KMS."""
    _lock_visit(visit, user)
    Visit.objects.filter(pk=visit.pk).update(meja3_at=timezone.now())


KMS_FIELDS = ["kms", "two_t", "bgm"]


def refresh_kms(
    person: Person, *, edited: Collection[int] = (), user=None, held: dict[int, Measurement] | None = None
) -> tuple[dict[int, MonthResult], dict[int, dt.date]]:
    """Store N/T/O/B, 2T and BGM of every weighing of the person again (results.measurement.
    kms_results; `held`: the measurements the caller holds, by id, changed in place too); returns
    the result by visit id of the weighing that counted, and the day of every weighing by visit
    id. After `user` saved the weighings of the visits `edited` (ids), a code that changed on
    another visit is kept in that visit's history."""
    changed, counted, weighed_on = kms_results(person, held=held)
    if edited:
        _audit_kms([m for m in changed if m.visit_id not in edited], user=user)
    update_rows(Measurement, changed, KMS_FIELDS)
    return counted, weighed_on


def _audit_kms(changed: list[Measurement], *, user) -> None:
    """A weighing saved can change the code of another (the earlier weighing of the same month,
    next month's N/T): its history shows it, and that month's reports see the change."""
    if not changed:
        return
    stored = Measurement.objects.filter(pk__in=[m.pk for m in changed]).values("pk", *KMS_FIELDS)
    before = {row.pop("pk"): row for row in stored}
    _audit_results(before, user=user, now={m.pk: m for m in changed})


def person_referrals_refresh(person: Person, since: dt.date, *, user, why: str) -> dict[int, MonthResult]:
    """The KMS codes of all the person's weighings and the referrals of their visits since
    `since`, in a fixed number of queries whatever the visits; returns refresh_kms()."""
    kms, _ = refresh_kms(person)
    visits = _read_with_records(Visit.objects.filter(person=person, tanggal__gte=since))
    _visits_derive(person, visits, kms, user=user, why=why)
    return kms


def _visits_derive(
    person: Person,
    visits: list[Visit],
    kms: dict[int, MonthResult],
    *,
    user,
    why: str,
    held: Collection[int] = (),
) -> dict[int, tuple[Visit, list[str]]]:
    """The referrals of `visits` (`person`'s, loaded with their measurement and care) derived
    again, in 1 query whatever their number (none when all are `held`: made in the caller's
    transaction, they have no referral yet), and more only for the referrals that change."""
    referrals: dict[int, list[Referral]] = {}
    if earlier := [v.pk for v in visits if v.pk not in held]:
        for referral in Referral.objects.filter(visit_id__in=earlier).order_by("pk"):
            referrals.setdefault(referral.visit_id, []).append(referral)
    derived = {}
    for v in visits:
        v.person = person  # the caller's, as it is now (a correction of it may not be saved yet)
        existing = referrals.get(v.pk, [])
        derived[v.pk] = (v, _referrals_derive(v, kms.get(v.pk), existing, user=user, why=why))
    return derived


@transaction.atomic
def person_results_refresh(*, person: Person, user, corrected: list[str]) -> None:
    """Corrections of a person's birth date or sex: recompute what `corrected` (fields of CORRECTED
    just saved on `person`) changes, for all the person's visits, inside the caller's transaction:
    age in days, z-scores, Permenkes status, implausibility flags, values outside normal, KMS
    codes, 2T, BGM and referrals. A referral whose reason is gone is cancelled by `user`, naming
    the correction."""
    measurements = list(Measurement.objects.filter(visit__person=person).select_related("visit"))
    before = {m.pk: _results(m) for m in measurements}
    for m in measurements:
        apply_growth(m, person)
        m.flags = "; ".join(outside_normal(m, person.jenis_kelamin))
    Measurement.objects.bulk_update(measurements, DERIVED)
    why = "koreksi " + " dan ".join(CORRECTED[name] for name in corrected)
    person_referrals_refresh(person, since=dt.date.min, user=user, why=why)
    _audit_results(before, user=user)


RESULTS = [*DERIVED, *KMS_FIELDS]


def _results(m: Measurement, names=RESULTS) -> dict:
    return {name: getattr(m, name) for name in names}


def _audit_results(before: dict[int, dict], *, user, now: dict[int, Measurement] | None = None) -> None:
    """Keep in each visit's history (meja 2) what a correction changed in its stored results
    (`before` by measurement id; `now`: the measurements as changed, else read again): the
    history shows it, and the reports see a change to the visit's month (a recap becomes usang;
    after tutup bulan it is listed as a koreksi setelah tutup bulan)."""
    entries = []
    if now is None:
        now = {m.pk: m for m in Measurement.objects.filter(pk__in=before).only("visit_id", *RESULTS)}
    for pk, m in now.items():
        after = _results(m, before[pk])
        changed = [name for name in before[pk] if after[name] != before[pk][name]]
        if set(changed) - HIDDEN:  # an age in days alone changes no figure, and the history hides it
            old, new = ({k: values[k] for k in changed} for values in (before[pk], after))
            entries.append(AuditEntry(visit_id=m.visit_id, meja=2, user=user, before=old, after=new))
    AuditEntry.objects.bulk_create(entries)


def _referrals_derive(
    visit: Visit, kms: MonthResult | None, referrals: list[Referral], *, user, why: str
) -> list[str]:
    """Derive the referrals of a visit loaded with its person, measurement and care (`kms`: the
    result of its weighing that counted, from refresh_kms; `referrals`: the visit's, oldest
    first): add new reasons; a reason
    that no longer holds cancels its open referral (by `user`, because `why`), never deletes it;
    a reason that holds again reopens it. Returns the reasons of its referrals not cancelled, in
    the order they were made."""
    groups = set(visit.person.groups_on(visit.tanggal))
    reasons = dict(referral_reasons(visit_facts(visit, groups, kms)))
    existing = {r.kode: r for r in referrals}
    for kode, referral in existing.items():
        if kode in reasons:
            _referral_holds(referral, reasons[kode])
        elif referral.is_open:
            _referral_cancel(referral, user=user, why=f"Alasan tidak berlaku lagi: {why}")
    new = [Referral(visit=visit, kode=k, alasan=text) for k, text in reasons.items() if k not in existing]
    if new:
        Referral.objects.bulk_create(new)
    return [r.alasan for r in [*existing.values(), *new] if r.dibatalkan_at is None]


CANCEL_FIELDS = ["dibatalkan_at", "dibatalkan_oleh", "alasan_pembatalan"]


def _referral_cancel(referral: Referral, *, user, why: str) -> None:
    referral.dibatalkan_at = timezone.now()
    referral.dibatalkan_oleh, referral.alasan_pembatalan = user, why[:200]
    referral.save(update_fields=CANCEL_FIELDS)


def _referral_holds(referral: Referral, alasan: str) -> None:
    """The reason holds (again): current wording, and no longer cancelled."""
    if referral.alasan == alasan and referral.dibatalkan_at is None:
        return
    referral.alasan = alasan
    referral.dibatalkan_at, referral.dibatalkan_oleh, referral.alasan_pembatalan = None, None, ""
    referral.save(update_fields=["alasan", *CANCEL_FIELDS])


FOLLOW_UP_ONLY = "Hanya petugas Puskesmas yang mencatat tindak lanjut rujukan."
FOLLOW_UP_FIELDS = ("dirujuk_ke", "sampai", "hasil", "rujuk_balik", "catatan_tindak_lanjut")


@transaction.atomic
def referral_follow_up(*, referral: Referral, user, **outcome) -> Referral:
    """Record the outcome of a referral: where to, arrived or not, result, rujuk balik note.
    Only the follow-up fields are written; anything else passed is an error."""
    access.require(access.can_follow_up_referrals(user), FOLLOW_UP_ONLY)
    assign(referral, outcome, FOLLOW_UP_FIELDS)
    referral.ditindaklanjuti_at = timezone.now()
    referral.ditindaklanjuti_oleh = user
    referral.full_clean()
    referral.save(update_fields=["ditindaklanjuti_at", "ditindaklanjuti_oleh", *outcome])
    return referral
