"""Least exposure of personal data: identifiers as each user may see them, and reading the
access log (its entries are written by registry/services.py: record_read, record_household_read,
refuse_elsewhere).

Full NIK, No. KK and phone number are for the people who serve the person: the kader of their
Posyandu and the Puskesmas staff of the area (scoping already limits both to that area).
Dinkes and administrators see them masked, as does every list. Opening a person's page and
exporting personal data are logged; so is typing a NIK or No. KK that is registered outside
the user's area, which is also limited per user so that nobody can sweep numbers to learn
who lives where.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from . import identifiers
from .access import sees_full_identifiers
from .models import AccessAction, AccessLog

# Refusals of identifiers registered elsewhere a user may get in a day before every new
# identifier they type is refused alike (so the answer no longer tells whether it exists).
PROBES_PER_DAY = 5
ELSEWHERE_MESSAGE = (
    "{label} ini tidak dapat didaftarkan di sini. Hubungi Puskesmas untuk memeriksa data warga ini."
)
EXHAUSTED_MESSAGE = (
    "Terlalu banyak {label} yang ditolak hari ini. Pendaftaran {label} baru dihentikan sampai besok; "
    "hubungi Puskesmas."
)


def shown_identifier(value: str | None, user) -> str:
    """The identifier as this user may see it on a person's or household's own page."""
    return (value or "") if sees_full_identifiers(user) else identifiers.mask(value)


def probes_exhausted(user) -> bool:
    since = timezone.now() - dt.timedelta(days=1)
    probes = AccessLog.objects.filter(
        user=user, action__in=[AccessAction.NIK_LAIN, AccessAction.KK_LAIN], at__gte=since
    )
    return probes.count() >= PROBES_PER_DAY
