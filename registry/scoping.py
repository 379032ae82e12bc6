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

from .models import AccessLog, Desa, Household, KabKota, Person, Posyandu, Profile, Puskesmas, Role

# How each scoped model reaches its Posyandu ("" for Posyandu itself). Other apps add theirs
# with register_posyandu_path().
_POSYANDU_PATHS: dict[type[Model], str] = {
    Posyandu: "",
    Household: "posyandu__",
    Person: "household__posyandu__",
    AccessLog: "posyandu__",
}


# Models that do not hang below one Posyandu (e.g. a Kab/Kota recap): their area as a filter
# built from the user's profile. Other apps add theirs with register_area_rule().
_AREA_RULES: dict[type[Model], Callable[[Profile], Q]] = {}


def register_posyandu_path(model: type[Model], path: str) -> None:
    """Make `model` scopable; `path` ends with "posyandu__", e.g. "visit__posyandu__"."""
    _POSYANDU_PATHS[model] = path


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


def _posyandu_filter(profile: Profile, path: str) -> Q:
    if profile.role == Role.KADER:
        own = f"{path[:-2]}_id" if path else "pk"
        return Q(**{own: profile.posyandu_id})
    if profile.role == Role.PUSKESMAS:
        return Q(**{f"{path}desa__puskesmas_id": profile.puskesmas_id})
    return Q(**{f"{path}desa__kecamatan__kab_kota_id": profile.kab_kota_id})


def _area_filter(model: type[Model], profile: Profile) -> Q:
    if model in _POSYANDU_PATHS:
        return _posyandu_filter(profile, _POSYANDU_PATHS[model])
    if model is Desa:
        if profile.role == Role.KADER:
            return Q(posyandu__pk=profile.posyandu_id)
        if profile.role == Role.PUSKESMAS:
            return Q(puskesmas_id=profile.puskesmas_id)
        return Q(kecamatan__kab_kota_id=profile.kab_kota_id)
    if model is Puskesmas:
        if profile.role == Role.KADER:
            return Q(wilayah_kerja__posyandu__pk=profile.posyandu_id)
        if profile.role == Role.PUSKESMAS:
            return Q(pk=profile.puskesmas_id)
        return Q(kab_kota_id=profile.kab_kota_id)
    if model is KabKota:
        if profile.role == Role.KADER:
            return Q(kecamatan__desa__posyandu__pk=profile.posyandu_id)
        if profile.role == Role.PUSKESMAS:
            return Q(puskesmas__pk=profile.puskesmas_id)
        return Q(pk=profile.kab_kota_id)
    if model in _AREA_RULES:
        return _AREA_RULES[model](profile)
    raise LookupError(f"{model.__name__} has no area scope; register_posyandu_path() it")


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
