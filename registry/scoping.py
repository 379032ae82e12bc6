"""The one place that decides which rows a user may see: their area.

Every view, selector and export passes its queryset through `scope()`. A kader sees one
Posyandu, Puskesmas staff the Posyandu in their wilayah kerja, Dinkes their Kab/Kota, an admin
everything; a user with no profile sees nothing. Objects outside the area answer 404, so their
existence is not revealed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import (
    AccessLog,
    Birth,
    Death,
    Departure,
    Desa,
    Household,
    KabKota,
    Person,
    Posyandu,
    Profile,
    Puskesmas,
    RecordChange,
    Role,
)

# How each scoped model reaches the area it belongs to: (level, path), the path ending with
# "__" ("" for the level's own model). Other apps add theirs with register_area_path().
_AREA_PATHS: dict[type[Model], tuple[str, str]] = {
    Posyandu: ("posyandu", ""),
    Household: ("posyandu", "posyandu__"),
    Person: ("posyandu", "household__posyandu__"),
    AccessLog: ("posyandu", "posyandu__"),
    RecordChange: ("posyandu", "posyandu__"),
    Birth: ("posyandu", "child__household__posyandu__"),
    Death: ("posyandu", "person__household__posyandu__"),
    Departure: ("posyandu", "person__household__posyandu__"),
    Desa: ("desa", ""),
    Puskesmas: ("puskesmas", ""),
    KabKota: ("kab_kota", ""),
}

# From each level, the lookup to the kader's Posyandu, the staff's Puskesmas, Dinkes' Kab/Kota.
_ROLES = (Role.KADER, Role.PUSKESMAS, Role.DINKES)
_OWN_AREA = ("posyandu_id", "puskesmas_id", "kab_kota_id")
_LOOKUPS = {
    "posyandu": ("pk", "desa__puskesmas_id", "desa__kecamatan__kab_kota_id"),
    "desa": ("posyandu__pk", "puskesmas_id", "kecamatan__kab_kota_id"),
    "puskesmas": ("wilayah_kerja__posyandu__pk", "pk", "kab_kota_id"),
    "kab_kota": ("kecamatan__desa__posyandu__pk", "puskesmas__pk", "pk"),
}

# Models whose area is not one path (e.g. a recap, by kind): a filter built from the profile.
# Other apps add theirs with register_area_rule().
_AREA_RULES: dict[type[Model], Callable[[Profile], Q]] = {}


def register_area_path(model: type[Model], level: str, path: str) -> None:
    """Make `model` scopable: `level` is "posyandu", "desa", "puskesmas" or "kab_kota", `path`
    how the model reaches it, e.g. ("posyandu", "visit__posyandu__")."""
    _AREA_PATHS[model] = (level, path)


def register_posyandu_path(model: type[Model], path: str) -> None:
    """Make `model` scopable; `path` ends with "posyandu__", e.g. "visit__posyandu__"."""
    register_area_path(model, "posyandu", path)


def register_area_rule(model: type[Model], rule: Callable[[Profile], Q]) -> None:
    """Make `model` scopable by a rule: the rows a (non-admin) profile may see."""
    _AREA_RULES[model] = rule


def profile_of(user) -> Profile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def sees_everything(user) -> bool:
    profile = profile_of(user)
    return user.is_authenticated and (
        user.is_superuser or (profile is not None and profile.role == Role.ADMIN)
    )


def _area_filter(model: type[Model], profile: Profile) -> Q:
    if model in _AREA_RULES:
        return _AREA_RULES[model](profile)
    if model in _AREA_PATHS:
        level, path = _AREA_PATHS[model]
        i = _ROLES.index(profile.role) if profile.role in _ROLES else 2
        return Q(**{f"{path}{_LOOKUPS[level][i]}": getattr(profile, _OWN_AREA[i])})
    raise LookupError(f"{model.__name__} has no area scope; register_area_path() it")


def scope(queryset: QuerySet, user) -> QuerySet:
    """The rows of `queryset` inside the user's area."""
    if sees_everything(user):
        return queryset
    profile = profile_of(user)
    if profile is None:
        return queryset.none()
    return queryset.filter(_area_filter(queryset.model, profile))


def get_scoped_or_404(queryset: QuerySet, user, **lookup) -> Model:
    """One object of the user's area, or 404 whether it is missing or elsewhere."""
    return get_object_or_404(scope(queryset, user), **lookup)
