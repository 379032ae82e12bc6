"""Writes of the reports app besides a month's closing (closing.py): the annual sasaran (target
population) of each desa, entered by its Puskesmas."""

from django.db import transaction

from registry import access
from registry.models import Desa

from .models import SasaranDesa, SasaranKind


@transaction.atomic
def sasaran_save(*, user, desa: list[Desa], tahun: int, jumlah: dict[tuple[int, str], int | None]) -> None:
    """Store the sasaran of `tahun`; `jumlah` maps (desa id, jenis) to a number, or to None to drop
    the entered figure so that the registry's own count is used again. A key outside `desa` ×
    SasaranKind is a TypeError; an invalid number a ValidationError, and nothing is saved."""
    access.require(access.can_edit_sasaran(user), "Hanya petugas Puskesmas yang mengisi sasaran.")
    unknown = set(jumlah) - {(d.pk, kind.value) for d in desa for kind in SasaranKind}
    if unknown:
        raise TypeError(f"not a sasaran of these desa: {sorted(unknown)}")
    for (desa_id, jenis), value in jumlah.items():
        key = {"desa_id": desa_id, "tahun": tahun, "jenis": jenis}
        if value is None:
            SasaranDesa.objects.filter(**key).delete()
            continue
        row = SasaranDesa.objects.select_for_update().filter(**key).first() or SasaranDesa(**key)
        row.jumlah, row.updated_by = value, user
        row.full_clean()
        row.save()
