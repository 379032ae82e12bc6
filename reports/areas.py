"""Report areas: a Posyandu, a desa, a Puskesmas (its wilayah kerja) or a Kab/Kota."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model
from django.http import Http404

from registry.models import Desa, KabKota, Posyandu, Puskesmas
from registry.scoping import profile_of, scope, sees_everything

KINDS = {"posyandu": Posyandu, "desa": Desa, "puskesmas": Puskesmas, "kabkota": KabKota}
POSYANDU_FILTER = {
    "posyandu": "pk",
    "desa": "desa_id",
    "puskesmas": "desa__puskesmas_id",
    "kabkota": "desa__kecamatan__kab_kota_id",
}
LABELS = {"posyandu": "", "desa": "Desa/Kel.", "puskesmas": "", "kabkota": ""}


@dataclass(frozen=True)
class Area:
    kind: str
    obj: Model

    def posyandu(self):
        return Posyandu.objects.filter(**{POSYANDU_FILTER[self.kind]: self.obj.pk})

    def __str__(self) -> str:
        return f"{LABELS[self.kind]} {self.obj}".strip()


def area_for(user, kind: str, pk: int) -> Area:
    """An area the user may see, or 404. Kab/Kota areas are for Dinkes and admins only."""
    if kind not in KINDS:
        raise Http404
    if kind == "kabkota":
        profile = profile_of(user)
        allowed = sees_everything(user) or (profile is not None and profile.kab_kota_id == pk)
        obj = KabKota.objects.filter(pk=pk).first() if allowed else None
    else:
        obj = scope(KINDS[kind].objects.all(), user).filter(pk=pk).first()
    if obj is None:
        raise Http404
    return Area(kind, obj)


def home_area(user) -> Area | None:
    """The area a user's reports open on: their Posyandu, Puskesmas or Kab/Kota."""
    profile = profile_of(user)
    if profile is None:
        return None
    for kind, obj in (
        ("posyandu", profile.posyandu),
        ("puskesmas", profile.puskesmas),
        ("kabkota", profile.kab_kota),
    ):
        if obj is not None:
            return Area(kind, obj)
    return None
