"""What a role may do: every capability in one place, by name.

Where a user may look is decided by `scoping.scope()` (their area); what they may do there is
decided here. Views, services and templates ask a capability (`can_record_visits(user)`,
`{% if can.record_visits %}`) and never compare roles themselves; a refusal is
`require(can_…(user), "pesan")`, which raises PermissionDenied (403).

Roles: kader (one Posyandu), Puskesmas staff (their wilayah kerja), Dinkes (their Kab/Kota, read
only) and admins (everything; a superuser counts as admin).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from .models import KabKota, Puskesmas, Role
from .scoping import profile_of, scope, sees_everything

# Days after a visit during which its kader may still correct it; Puskesmas staff always may.
EDIT_WINDOW_DAYS = 30
READ_ONLY = "Peran Anda hanya dapat melihat data."
VISIT_LOCKED = "Kunjungan ini tidak dapat diubah lagi oleh peran Anda."


def require(allowed: bool, message: str) -> None:
    """Refuse with 403 and `message` unless `allowed`: the one "check and refuse"."""
    if not allowed:
        raise PermissionDenied(message)


def has_role(user, *roles: str) -> bool:
    """The user's profile has one of `roles` (admins not included)."""
    profile = profile_of(user)
    return profile is not None and profile.role in roles


def _admin_or(user, *roles: str) -> bool:
    return sees_everything(user) or has_role(user, *roles)


def is_kader(user) -> bool:
    """A kader's home is the opening day of their Posyandu."""
    return has_role(user, Role.KADER)


def can_work_offline(user) -> bool:
    """Only a kader's phone keeps an opening day for work without network, and only of their own
    Posyandu: a shared phone must not carry a whole wilayah kerja (offline/)."""
    return is_kader(user)


def can_edit_registry(user) -> bool:
    """Kader and Puskesmas staff keep households and people; Dinkes reads them."""
    return _admin_or(user, Role.KADER, Role.PUSKESMAS)


def can_record_vital_events(user) -> bool:
    """Births, deaths, departures and returns: the kader and Puskesmas staff of the area."""
    return _admin_or(user, Role.KADER, Role.PUSKESMAS)


def can_backdate_moves(user) -> bool:
    """Moves older than 30 days need someone who can check them: Puskesmas staff (or admin)."""
    return _admin_or(user, Role.PUSKESMAS)


def can_record_visits(user) -> bool:
    """Kader and Puskesmas staff run opening days and home visits; Dinkes only reads."""
    return _admin_or(user, Role.KADER, Role.PUSKESMAS)


def can_edit_visit(user, visit, today: dt.date | None = None, *, in_area: bool | None = None) -> bool:
    """A visit's own kader for 30 days after it, Puskesmas staff of its area always. `in_area`:
    whether the visit is in the user's area, when the caller has just looked (else looked up)."""
    if sees_everything(user):
        return True
    if not has_role(user, Role.KADER, Role.PUSKESMAS):
        return False
    if in_area is None:
        in_area = scope(type(visit).objects.filter(pk=visit.pk), user).exists()
    if not in_area:
        return False
    if has_role(user, Role.PUSKESMAS):
        return True
    today = today or timezone.localdate()
    return (today - visit.tanggal).days <= EDIT_WINDOW_DAYS


def can_record_pregnancy(user) -> bool:
    """Pregnancy episodes, ANC contacts, MT, KF/KN and Td doses: kader and Puskesmas staff
    (bidan) record them; Dinkes reads."""
    return _admin_or(user, Role.KADER, Role.PUSKESMAS)


def can_follow_up_referrals(user) -> bool:
    """Puskesmas staff record what became of a referral (catat tindak lanjut)."""
    return _admin_or(user, Role.PUSKESMAS)


def can_read_pws(user) -> bool:
    """The PWS dashboard and tutup bulan page: Puskesmas staff and Dinkes, not kader."""
    return _admin_or(user, Role.PUSKESMAS, Role.DINKES)


def can_edit_sasaran(user) -> bool:
    """The annual sasaran per desa is entered by Puskesmas staff."""
    return _admin_or(user, Role.PUSKESMAS)


def can_close_month(user, puskesmas: Puskesmas) -> bool:
    """Only the Puskesmas' own staff (and admins) close its months; Dinkes read, kader neither."""
    if sees_everything(user):
        return True
    profile = profile_of(user)
    return has_role(user, Role.PUSKESMAS) and profile.puskesmas_id == puskesmas.pk


def sees_corrected_names(user, puskesmas: Puskesmas) -> bool:
    """Who was corrected after tutup bulan: for those who close it; Dinkes read the figures."""
    return can_close_month(user, puskesmas)


def can_read_recap(user) -> bool:
    """Recaps: Dinkes of their Kab/Kota, Puskesmas staff of their own Puskesmas; kader none."""
    return _admin_or(user, Role.PUSKESMAS, Role.DINKES)


def can_request_kab_kota_recap(user) -> bool:
    """A whole Kab/Kota's recap is asked for by Dinkes (and admins), not by a Puskesmas."""
    return _admin_or(user, Role.DINKES)


def can_request_recap(user, area: KabKota | Puskesmas) -> bool:
    """Dinkes ask for their Kab/Kota and its Puskesmas; Puskesmas staff for their own only."""
    if sees_everything(user):
        return True
    profile = profile_of(user)
    if has_role(user, Role.DINKES):
        kab_kota_id = area.pk if isinstance(area, KabKota) else area.kab_kota_id
        return kab_kota_id == profile.kab_kota_id
    if has_role(user, Role.PUSKESMAS):
        return isinstance(area, Puskesmas) and area.pk == profile.puskesmas_id
    return False


def can_read_access_log(user) -> bool:
    """Catatan akses: Puskesmas and Dinkes review who opened their area's personal data."""
    return _admin_or(user, Role.PUSKESMAS, Role.DINKES)


def can_manage_lomba(user) -> bool:
    """Penilaian Posyandu (lomba): Puskesmas staff and Dinkes open rounds, assign assessors and
    record pembinaan in their area; kader do not. Scoring needs an assignment as well."""
    return _admin_or(user, Role.PUSKESMAS, Role.DINKES)


def can_open_kab_kota_round(user) -> bool:
    """A lomba round over a whole Kab/Kota is opened by Dinkes; Puskesmas staff open their own
    Puskesmas' rounds only."""
    return _admin_or(user, Role.DINKES)


def can_read_kab_kota_dashboard(user) -> bool:
    """Dasbor Kab/Kota: Dinkes compare their Puskesmas; Puskesmas staff see their own row."""
    return _admin_or(user, Role.PUSKESMAS, Role.DINKES)


def can_unlock_logins(user) -> bool:
    """Buka kunci masuk: administrators only."""
    return sees_everything(user)


def can_manage_programmes(user) -> bool:
    """Orang tua asuh donors, programmes, enrolment and the funds ledger: Puskesmas staff."""
    return _admin_or(user, Role.PUSKESMAS)


def can_record_pmt(user) -> bool:
    """PMT deliveries of a programme: the Posyandu's kader and Puskesmas staff."""
    return _admin_or(user, Role.KADER, Role.PUSKESMAS)


def can_record_innovations(user) -> bool:
    """A Posyandu's innovations (door prize, kelas, kunjungan rumah): its kader and Puskesmas."""
    return _admin_or(user, Role.KADER, Role.PUSKESMAS)


def sees_full_identifiers(user) -> bool:
    """Full NIK, No. KK and phone: the kader and Puskesmas staff who serve the person (scoping
    limits both to the area); Dinkes and admins see them masked."""
    return has_role(user, Role.KADER, Role.PUSKESMAS)


def can_edit_kader(user) -> bool:
    """The kader roster and trainings: kept by the Posyandu's kader and Puskesmas staff."""
    return _admin_or(user, Role.KADER, Role.PUSKESMAS)


def can_assess_kader(user) -> bool:
    """Assessing the keterampilan dasar and recording a TKK: Puskesmas staff (nakes)."""
    return _admin_or(user, Role.PUSKESMAS)


def can_edit_posyandu_profile(user) -> bool:
    """The yearly profile (dana sehat, SK, tools) behind the strata: kader and Puskesmas staff."""
    return _admin_or(user, Role.KADER, Role.PUSKESMAS)


class Capabilities:
    """The user-wide capabilities for templates, as `{{ can.record_visits }}`; each is
    computed only when a template asks for it."""

    def __init__(self, user):
        self._user = user

    def __getattr__(self, name: str) -> bool:
        capability = _TEMPLATE_CAPABILITIES.get(name)
        if capability is None:
            raise AttributeError(name)
        return capability(self._user)


_TEMPLATE_CAPABILITIES = {
    "edit_registry": can_edit_registry,
    "record_visits": can_record_visits,
    "record_vital_events": can_record_vital_events,
    "record_pregnancy": can_record_pregnancy,
    "follow_up_referrals": can_follow_up_referrals,
    "read_pws": can_read_pws,
    "edit_sasaran": can_edit_sasaran,
    "read_recap": can_read_recap,
    "read_access_log": can_read_access_log,
    "unlock_logins": can_unlock_logins,
    "manage_programmes": can_manage_programmes,
    "record_pmt": can_record_pmt,
    "record_innovations": can_record_innovations,
    "manage_lomba": can_manage_lomba,
    "read_kab_kota_dashboard": can_read_kab_kota_dashboard,
    "work_offline": can_work_offline,
    "edit_kader": can_edit_kader,
    "assess_kader": can_assess_kader,
    "edit_posyandu_profile": can_edit_posyandu_profile,
}
