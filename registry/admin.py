from django.contrib import admin

from . import identifiers
from .models import (
    AccessLog,
    Desa,
    Household,
    HouseholdMove,
    KabKota,
    Kecamatan,
    Person,
    Posyandu,
    Profile,
    Provinsi,
    Puskesmas,
    RecordChange,
)


@admin.register(Provinsi)
class ProvinsiAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama"]
    search_fields = ["kode", "nama"]


@admin.register(KabKota)
class KabKotaAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "provinsi"]
    list_select_related = ["provinsi"]
    search_fields = ["kode", "nama"]


@admin.register(Kecamatan)
class KecamatanAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "kab_kota"]
    list_select_related = ["kab_kota"]
    search_fields = ["kode", "nama"]


@admin.register(Desa)
class DesaAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "kecamatan", "puskesmas"]
    list_select_related = ["kecamatan", "puskesmas"]
    list_filter = ["puskesmas"]
    search_fields = ["kode", "nama"]


@admin.register(Puskesmas)
class PuskesmasAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "kab_kota"]
    list_select_related = ["kab_kota"]
    search_fields = ["nama", "kode"]


@admin.register(Posyandu)
class PosyanduAdmin(admin.ModelAdmin):
    list_display = ["nama", "desa", "strata", "jadwal_jenis"]
    list_select_related = ["desa"]
    list_filter = ["strata"]
    search_fields = ["nama"]
    autocomplete_fields = ["desa"]


@admin.display(description="No. KK")
def masked_no_kk(household: Household) -> str:
    return identifiers.mask(household.no_kk)


@admin.display(description="NIK")
def masked_nik(person: Person) -> str:
    return identifiers.mask(person.nik)


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    # Lists show identifiers masked (registry.privacy); the change form shows them in full.
    list_display = [masked_no_kk, "alamat", "rt", "rw", "posyandu"]
    list_select_related = ["posyandu"]
    search_fields = ["no_kk", "alamat"]
    autocomplete_fields = ["desa", "posyandu"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["nama", masked_nik, "jenis_kelamin", "tanggal_lahir", "household"]
    list_select_related = ["household"]
    search_fields = ["nama", "nik"]
    autocomplete_fields = ["household"]


@admin.register(HouseholdMove)
class HouseholdMoveAdmin(admin.ModelAdmin):
    list_display = ["household", "dari_posyandu", "ke_posyandu", "tanggal", "oleh"]
    list_select_related = ["household", "dari_posyandu", "ke_posyandu", "oleh"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "posyandu", "puskesmas", "kab_kota"]
    list_select_related = ["user", "posyandu", "puskesmas", "kab_kota"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "posyandu", "puskesmas", "kab_kota"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Read only: a log that can be edited proves nothing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "action", "posyandu"]
    list_select_related = ["user", "posyandu"]
    list_filter = ["action"]


@admin.register(RecordChange)
class RecordChangeAdmin(ReadOnlyAdmin):
    """Life-cycle records saved outside a visit (tutup bulan lists them); names stay off the list."""

    list_display = ["at", "user", "jenis", "keterangan", "tanggal", "posyandu"]
    list_select_related = ["user", "posyandu"]
    list_filter = ["jenis"]
