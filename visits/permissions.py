"""Who may change a visit: its Posyandu's kader for 30 days, Puskesmas staff of the area always."""

import datetime as dt

from django.utils import timezone

from registry.models import Role
from registry.scoping import profile_of, scope, sees_everything

from .models import Visit
from .rules import EDIT_WINDOW_DAYS


def can_record(user) -> bool:
    """Kader and Puskesmas staff run opening days and home visits; Dinkes only reads."""
    profile = profile_of(user)
    return sees_everything(user) or (profile is not None and profile.role in (Role.KADER, Role.PUSKESMAS))


def can_edit_visit(user, visit: Visit, today: dt.date | None = None) -> bool:
    if sees_everything(user):
        return True
    profile = profile_of(user)
    if profile is None or not scope(Visit.objects.filter(pk=visit.pk), user).exists():
        return False
    if profile.role == Role.PUSKESMAS:
        return True
    today = today or timezone.localdate()
    return profile.role == Role.KADER and (today - visit.tanggal).days <= EDIT_WINDOW_DAYS


def can_follow_up_referrals(user) -> bool:
    profile = profile_of(user)
    return sees_everything(user) or (profile is not None and profile.role == Role.PUSKESMAS)
