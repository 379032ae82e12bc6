"""Writes to the registry. Each runs in one transaction: all of it is saved, or nothing."""

import datetime as dt

from django.db import transaction

from visits.results.corrections import CORRECTED, person_results_refresh

from .forms import HouseholdForm, MemberFormSet, PersonForm
from .models import Household, HouseholdMove, Person, Posyandu


def _propagate_corrections(form: PersonForm, user) -> None:
    """A corrected birth date or sex recomputes the stored results of all the person's visits."""
    corrected = [name for name in CORRECTED if name in form.changed_data]
    if corrected:
        person_results_refresh(person=form.instance, user=user, corrected=corrected)


@transaction.atomic
def person_save(*, form: PersonForm, user) -> Person:
    """Save a person's data (already validated) and propagate a correction, all or nothing."""
    person = form.save()
    _propagate_corrections(form, user)
    return person


@transaction.atomic
def household_save(*, form: HouseholdForm, members: MemberFormSet, user) -> Household:
    """Save a household and its members together (both already validated)."""
    registered = [f for f in members.forms if f.instance.pk is not None and f.has_changed()]
    household = form.save()
    members.instance = household
    members.save()
    for member in registered:
        _propagate_corrections(member, user)
    return household


@transaction.atomic
def household_move(
    *, household: Household, to: Posyandu, on: dt.date, user, alasan: str = ""
) -> HouseholdMove:
    """Move a household to another Posyandu; the move is kept as history.

    Visits already made stay with the Posyandu where they took place.
    """
    household = Household.objects.select_for_update().get(pk=household.pk)
    move = HouseholdMove.objects.create(
        household=household,
        dari_posyandu_id=household.posyandu_id,
        ke_posyandu=to,
        tanggal=on,
        alasan=alasan,
        oleh=user,
    )
    household.posyandu = to
    household.desa_id = to.desa_id
    household.save(update_fields=["posyandu", "desa", "updated_at"])
    return move
