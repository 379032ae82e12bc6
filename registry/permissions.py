"""What a role may change (what it may see is decided by scoping.scope)."""

from django.core.exceptions import PermissionDenied

from .models import Role
from .scoping import profile_of, sees_everything

_EDITORS = {Role.KADER, Role.PUSKESMAS}


def can_edit_registry(user) -> bool:
    """Kader and Puskesmas staff keep the registry; Dinkes reads it."""
    profile = profile_of(user)
    return sees_everything(user) or (profile is not None and profile.role in _EDITORS)


def require_registry_editor(user) -> None:
    if not can_edit_registry(user):
        raise PermissionDenied("Peran Anda hanya dapat melihat data.")
