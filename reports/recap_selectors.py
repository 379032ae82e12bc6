"""Which recaps a user sees and which areas they may ask one for (the recap page's reads)."""

from registry import access
from registry import selectors as registry_selectors
from registry.models import KabKota
from registry.scoping import scope

from .models import Recap


def recaps_visible(user):
    """The recaps of the user's area (scope() knows the rule: reports.models.recap_area)."""
    return scope(Recap.objects.select_related("puskesmas", "kab_kota"), user)


def requestable_areas(user) -> list[tuple[str, object]]:
    """(value, area) pairs a user may ask a recap for: "puskesmas:3", "kabkota:1"."""
    if not access.can_read_recap(user):
        return []
    kab = scope(KabKota.objects.all(), user) if access.can_request_kab_kota_recap(user) else []
    puskesmas = registry_selectors.puskesmas_choices(user=user)
    return [(f"kabkota:{k.pk}", k) for k in kab if access.can_request_recap(user, k)] + [
        (f"puskesmas:{p.pk}", p) for p in puskesmas if access.can_request_recap(user, p)
    ]
