from .access import Profile, Role
from .audit import AccessAction, AccessLog
from .changes import ChangeKind, RecordChange
from .people import Household, HouseholdMove, Person, Relation, Sex
from .vital import Birth, Death, Departure, JenisKeluar, Penolong, Tempat
from .wilayah import Desa, KabKota, Kecamatan, Posyandu, Provinsi, Puskesmas, Strata

__all__ = [
    "AccessAction",
    "AccessLog",
    "Birth",
    "ChangeKind",
    "Death",
    "Departure",
    "Desa",
    "Household",
    "HouseholdMove",
    "JenisKeluar",
    "KabKota",
    "Kecamatan",
    "Penolong",
    "Person",
    "Posyandu",
    "Profile",
    "Provinsi",
    "Puskesmas",
    "RecordChange",
    "Relation",
    "Role",
    "Sex",
    "Strata",
    "Tempat",
]
