"""Sync: the records a kader's phone made offline, applied by the real services.

A batch is a list of records, each with an id the phone generated (`id`, a UUID):
- a newcomer: {"id", "jenis": "orang", "kk": household id or {"no_kk", "alamat", …}, "data": {…}}
- a table of a visit: {"id", "jenis": "meja", "orang": person id or the id of a newcomer record,
  "tanggal", "meja": 1 (queue), 2, 4 or 5, "data": {field: typed text}, "versi": the table's
  version the phone saw (None for a new record)}.
- a pregnancy of a woman registered with it: {"id", "jenis": "kehamilan", "orang", "data"}
  (offline/apply_pregnancy.py).
Records are applied in one transaction per person, each in its own savepoint, and answered one by
one: saved / refused (messages by field, as the forms give them) / conflict (someone saved the
table since: both versions returned, the kader chooses) / waiting (its newcomer is not saved).
A record saved once is answered from SyncedRecord when it comes again: nothing is made twice.
The KMS codes and referrals the tables lead to are derived once per person, at the end of the
person's transaction, as saving the tables one by one would leave them (apply.results_fill)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from common.writes import update_rows
from registry import access
from registry.models import Posyandu
from registry.scoping import scope

from .apply import Known, Refused, apply_meja, apply_newcomer, results_fill, table_of
from .apply_pregnancy import apply_pregnancy
from .models import SyncedRecord

MAX_RECORDS = 500
Synced = list[tuple[SyncedRecord, int | None]]  # one person's saved records, with their meja


def _client_id(record) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(record.get("id")))
    except (AttributeError, ValueError):
        return None


def _person_key(record: dict) -> str:
    """Records of one person go together: a newcomer and the tables of their visit."""
    if record.get("jenis") == "orang":
        return str(record.get("id"))
    return str(record.get("orang"))


def _answer(client_id, status: str, **extra) -> dict:
    return {"id": str(client_id), "status": status, **extra}


def sync_batch(*, user, posyandu: Posyandu, records: list) -> list[dict]:
    """Apply a batch from a kader's phone; one answer per record, in the batch's order."""
    access.require(access.can_work_offline(user), "Mode tanpa sinyal hanya untuk kader.")
    answers: dict[int, dict] = {}
    ids = {i: _client_id(r) if isinstance(r, dict) else None for i, r in enumerate(records)}
    # newcomers saved by an earlier batch are referred to by their record's id
    refs = [_client_id({"id": r.get("orang")}) for r in records if isinstance(r, dict)]
    wanted = [c for c in [*ids.values(), *refs] if c]
    done = {
        str(s.client_id): s.result for s in scope(SyncedRecord.objects, user).filter(client_id__in=wanted)
    }
    groups: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        if ids[i] is None:
            answers[i] = _answer(None, "refused", errors={"__all__": ["Catatan tanpa id yang sah."]})
        elif str(ids[i]) in done:
            answers[i] = done[str(ids[i])]
        else:
            groups.setdefault(_person_key(record), []).append(i)
    newcomers = {k: v.get("orang") for k, v in done.items() if v.get("status") == "saved" and "orang" in v}
    known = Known(user=user, posyandu=posyandu, records=[records[i] for g in groups.values() for i in g])
    for indexes in groups.values():
        with transaction.atomic():
            synced: Synced = []
            for i in indexes:
                answers[i] = _apply_once(
                    user, posyandu, records[i], ids[i], synced, newcomers=newcomers, known=known
                )
            _results(user, synced, known)
        known.made_here.clear()  # committed: others see them now
    return [answers[i] for i in range(len(records))]


def _results(user, synced: Synced, known: Known) -> None:
    """One person's records are saved: derive the results once, store every answer."""
    tables = [(meja, row.result) for row, meja in synced if meja not in (None, 1)]
    if tables:
        results_fill(user=user, saved=tables, known=known)
    update_rows(SyncedRecord, [row for row, _ in synced], ["result"])


def _apply_once(user, posyandu: Posyandu, record: dict, client_id: uuid.UUID, synced: Synced, *,
                newcomers: dict, known: Known) -> dict:  # fmt: skip
    """One record in a savepoint: its SyncedRecord row is inserted first, so the same record sent
    at once by a second connection waits for this one and is then answered from it. The row's
    answer is stored with the person's results (`synced`, by _results)."""
    apply: Callable = apply_newcomer if record.get("jenis") == "orang" else partial(apply_meja, known=known)
    apply = partial(apply_pregnancy, known=known) if record.get("jenis") == "kehamilan" else apply
    known.drop()  # what a refused record made was rolled back with it
    try:
        with transaction.atomic():
            row = SyncedRecord.objects.create(client_id=client_id, posyandu=posyandu, user=user)
            result = _answer(client_id, "saved", **apply(user=user, posyandu=posyandu, record=record,
                                                           newcomers=newcomers))  # fmt: skip
    except Refused as refused:
        return _answer(client_id, refused.status, **refused.details)
    except ValidationError as error:
        return _answer(client_id, "refused", errors=_messages(error))
    except PermissionDenied as denied:
        return _answer(client_id, "refused", errors={"__all__": [str(denied)]})
    except IntegrityError:
        stored = scope(SyncedRecord.objects, user).filter(client_id=client_id).first()
        if stored is None:
            return _answer(client_id, "refused", errors={"__all__": ["Id catatan ini sudah dipakai."]})
        return stored.result
    known.keep()
    if record.get("jenis") == "orang":
        newcomers[str(client_id)] = result["orang"]
    row.result = result
    synced.append((row, table_of(record)))
    return result


def _messages(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in ValidationError(msgs).messages]
                for field, msgs in error.error_dict.items()}  # fmt: skip
    return {"__all__": [str(m) for m in error.messages]}
