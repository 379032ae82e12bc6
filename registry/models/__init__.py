from .access import Profile, Role
from .people import Household, HouseholdMove, Person, Relation, Sex
from .wilayah import Desa, KabKota, Kecamatan, Posyandu, Provinsi, Puskesmas, Strata

__all__ = [
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
