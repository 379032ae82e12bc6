"""Writes to the registry. Each runs in one transaction: all of it is saved, or nothing."""

import datetime as dt

from django.db import transaction

from .forms import HouseholdForm, MemberFormSet
from .models import Household, HouseholdMove, Posyandu


@transaction.atomic
def household_save(*, form: HouseholdForm, members: MemberFormSet) -> Household:
    """Save a household and its members together (both already validated)."""
    household = form.save()
    members.instance = household
    members.save()
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
