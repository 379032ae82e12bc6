from .access import Profile, Role
from .audit import AccessAction, AccessLog
from .people import Household, HouseholdMove, Person, Relation, Sex
from .wilayah import Desa, KabKota, Kecamatan, Posyandu, Provinsi, Puskesmas, Strata

__all__ = [
    "AccessAction",
    "AccessLog",
    "Desa",
    "Household",
    "HouseholdMove",
    "KabKota",
    "Kecamatan",
    "Person",
    "Posyandu",
    "Profile",
    "Provinsi",
    "Puskesmas",
    "Relation",
    "Role",
    "Sex",
    "Strata",
]
