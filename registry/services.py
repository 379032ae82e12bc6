"""Writes to the registry. Each runs in one transaction: all of it is saved, or nothing.

Services take plain values (a form's cleaned_data), never forms: the fields a caller may set
are listed per model, an unknown name is a TypeError, and every row passes `full_clean()`
before it is saved. The access log is the exception: its entries are appended as they are
(one row each, by record_read, record_household_read, record_export and refuse_elsewhere)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.writes import assign
from visits.services import CORRECTED, birth_hb0_record, person_results_refresh

from . import access, privacy
from .models import AccessAction, AccessLog, Household, HouseholdMove, Person, Posyandu
from .validators import move_date_error

PERSON_FIELDS = ("nama", "nik", "jenis_kelamin", "tanggal_lahir", "hubungan", "telepon", "hpht",
                 "tanggal_persalinan", "buku_kia")  # fmt: skip
HOUSEHOLD_FIELDS = ("no_kk", "alamat", "rt", "rw", "dusun", "desa", "posyandu")


def _person_write(person: Person, values: dict, user) -> Person:
    """Validate and save one person; a corrected birth date or sex recomputes the stored results
    of all the person's visits."""
    registered = person.pk is not None
    changed = assign(person, values, PERSON_FIELDS)
    person.full_clean()
    person.save()
    corrected = [name for name in CORRECTED if name in changed]
    if corrected and registered:
        person_results_refresh(person=person, user=user, corrected=corrected)
    return person


@transaction.atomic
def person_save(*, user, person: Person, fields: dict) -> Person:
    """Change a registered person's data (`fields`: names of PERSON_FIELDS), all or nothing."""
    access.require(access.can_edit_registry(user), access.READ_ONLY)
    stored = Person.objects.select_for_update().get(pk=person.pk)
    return _person_write(stored, fields, user)


@transaction.atomic
def household_save(*, user, household: Household | None = None, fields: dict,
                   members: list[dict]) -> Household:  # fmt: skip
    """Save a household (new when `household` is None) and its members together. Each member is
    a dict of PERSON_FIELDS with "id": None for a newcomer, or the id of a member of this
    household to change."""
    access.require(access.can_edit_registry(user), access.READ_ONLY)
    if household is None or household.pk is None:
        household = Household()
    else:
        household = Household.objects.select_for_update().get(pk=household.pk)
    assign(household, fields, HOUSEHOLD_FIELDS)
    household.full_clean()
    household.save()
    registered = {p.pk: p for p in household.members.select_for_update()}
    for values in members:
        values = dict(values)
        pk = values.pop("id", None)
        if pk is not None and pk not in registered:
            raise Person.DoesNotExist(f"person {pk} is not a member of household {household.pk}")
        person = registered[pk] if pk is not None else Person(household=household)
        _person_write(person, values, user)
    return household


@transaction.atomic
def household_move(
    *, household: Household, to: Posyandu, on: dt.date, user, alasan: str = ""
) -> HouseholdMove:
    """Move a household to another Posyandu; the move is kept as history.

    Visits already made stay with the Posyandu where they took place. The date rule
    (registry.validators.move_date_error) is checked here too, whoever calls.
    """
    access.require(access.can_edit_registry(user), access.READ_ONLY)
    error = move_date_error(on, today=timezone.localdate(), may_backdate=access.can_backdate_moves(user))
    if error:
        raise ValidationError({"tanggal": error})
    household = Household.objects.select_for_update().get(pk=household.pk)
    move = HouseholdMove(
        household=household,
        dari_posyandu_id=household.posyandu_id,
        ke_posyandu=to,
        tanggal=on,
        alasan=alasan,
        oleh=user,
    )
    move.full_clean()
    move.save()
    household.posyandu = to
    household.desa_id = to.desa_id
    household.save(update_fields=["posyandu", "desa", "updated_at"])
    return move


def record_read(*, user, person: Person, action: str = AccessAction.LIHAT) -> None:
    """Log that `user` opened (or, with EKSPOR, exported) this person's data."""
    AccessLog.objects.create(
        user=user, action=action, person=person, posyandu_id=person.household.posyandu_id
    )


def record_export(*, user, posyandu: Posyandu, what: str) -> None:
    """Log that `user` downloaded a file of named people of this Posyandu (a register)."""
    AccessLog.objects.create(user=user, action=AccessAction.EKSPOR, posyandu=posyandu, keterangan=what[:120])


def record_household_read(*, user, household: Household) -> None:
    """A household's page shows every member's NIK: logged like a person's page."""
    AccessLog.objects.create(
        user=user, action=AccessAction.LIHAT, household=household, posyandu_id=household.posyandu_id
    )


def refuse_elsewhere(*, user, existing: Person | Household) -> str:
    """Log a NIK or No. KK typed that belongs to someone outside the user's area; the message
    (privacy.ELSEWHERE_MESSAGE)."""
    if isinstance(existing, Person):
        action, label, posyandu_id = AccessAction.NIK_LAIN, "NIK", existing.household.posyandu_id
        AccessLog.objects.create(user=user, action=action, person=existing, posyandu_id=posyandu_id)
    else:
        label = "No. KK"
        AccessLog.objects.create(
            user=user, action=AccessAction.KK_LAIN, household=existing, posyandu_id=existing.posyandu_id
        )
    return privacy.ELSEWHERE_MESSAGE.format(label=label)


# Vital events live in their own module; other apps call them as registry.services.birth_register.
from . import vital_services  # noqa: E402
from .vital_services import death_record as death_record  # noqa: E402
from .vital_services import departure_record as departure_record  # noqa: E402
from .vital_services import reactivate as reactivate  # noqa: E402


@transaction.atomic
def birth_register(*, by, tanggal_hb0: dt.date | None = None, **values) -> Person:
    """vital_services.birth_register, and the HB0 date of the birth written as the child's HB0
    dose (visits.services.birth_hb0_record) in the same transaction: the registry's birth page
    and the pregnancy outcome both come here, so every HB0 of a birth is a dose."""
    baby = vital_services.birth_register(by=by, tanggal_hb0=tanggal_hb0, **values)
    if tanggal_hb0:
        birth_hb0_record(child=baby, tanggal=tanggal_hb0, user=by)
    return baby
