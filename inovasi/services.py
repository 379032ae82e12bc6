"""Writes of the inovasi app: keyword-only, one transaction each, the capability checked inside,
only whitelisted fields set (common.writes.assign), full_clean() before saving."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from common.writes import assign
from registry import access
from registry.models import Person, Posyandu, Puskesmas

from . import selectors
from .eligibility import reasons, rupiah
from .models import Donor, Enrolment, FundSource, Innovation, LedgerEntry, Pledge, PmtDelivery, Programme

NOT_ALLOWED = "Peran Anda tidak dapat mengubah program orang tua asuh."
NOT_ELIGIBLE = (
    "Penimbangan terakhir tidak menunjukkan T, 2T, BB/U atau BB/TB < −2 SD, stunting, atau ibu hamil KEK: "
    "belum memenuhi syarat."
)


def _save(instance: Model, values: dict) -> Model:
    assign(instance, values, tuple(values))
    instance.full_clean()
    instance.save()
    return instance


def _check_period(mulai: dt.date, selesai: dt.date | None) -> None:
    if selesai is not None and selesai < mulai:
        raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})


def _not_future(tanggal: dt.date, field: str = "tanggal") -> None:
    if tanggal > timezone.localdate():
        raise ValidationError({field: "Tanggal tidak boleh di masa depan."})


@transaction.atomic
def donor_create(*, user, puskesmas: Puskesmas, nama: str, jenis: str, kontak: str = "") -> Donor:
    access.require(access.can_manage_programmes(user), NOT_ALLOWED)
    return _save(Donor(), {"puskesmas": puskesmas, "nama": nama, "jenis": jenis, "kontak": kontak})


@transaction.atomic
def programme_create(
    *, user, posyandu: Posyandu, nama: str, mulai: dt.date, selesai: dt.date | None = None
) -> Programme:
    access.require(access.can_manage_programmes(user), NOT_ALLOWED)
    _check_period(mulai, selesai)
    return _save(Programme(), {"posyandu": posyandu, "nama": nama, "mulai": mulai, "selesai": selesai})


@transaction.atomic
def pledge_add(
    *, user, programme: Programme, donor: Donor, per_bulan: int, bulan: int, mulai: dt.date
) -> Pledge:
    access.require(access.can_manage_programmes(user), NOT_ALLOWED)
    if donor.puskesmas_id != programme.posyandu.desa.puskesmas_id:
        raise ValidationError({"donor": "Donatur ini terdaftar di Puskesmas lain."})
    values = {"donor": donor, "programme": programme, "per_bulan": per_bulan, "bulan": bulan, "mulai": mulai}
    return _save(Pledge(), values)


@transaction.atomic
def enrol(
    *, user, programme: Programme, person: Person, mulai: dt.date, selesai: dt.date | None = None
) -> Enrolment:
    """Enrol a child or ibu hamil; the reason is taken from their last weighing on or before
    `mulai`, and a person without a qualifying flag is refused."""
    access.require(access.can_manage_programmes(user), NOT_ALLOWED)
    _not_future(mulai, "mulai")
    _check_period(mulai, selesai)
    if person.household.posyandu_id != programme.posyandu_id:
        raise ValidationError({"person": "Sasaran bukan warga Posyandu program ini."})
    flags = selectors.latest_flags(person=person, on=mulai)
    if flags is None:
        raise ValidationError({"person": "Belum ada penimbangan/pengukuran sampai tanggal mulai."})
    codes = reasons(flags)
    if not codes:
        raise ValidationError({"person": NOT_ELIGIBLE})
    if Enrolment.objects.filter(programme=programme, person=person).exists():
        raise ValidationError({"person": "Sasaran ini sudah terdaftar di program ini."})
    values = {"programme": programme, "person": person, "alasan": ",".join(codes), "mulai": mulai}
    values["selesai"] = selesai
    return _save(Enrolment(), values)


@transaction.atomic
def delivery_record(
    *, user, enrolment: Enrolment, tanggal: dt.date, menu: str, porsi: int, diberikan_oleh: str, dimakan: bool
) -> PmtDelivery:
    access.require(access.can_record_pmt(user), access.READ_ONLY)
    _not_future(tanggal)
    if tanggal < enrolment.mulai or (enrolment.selesai and tanggal > enrolment.selesai):
        raise ValidationError({"tanggal": "Tanggal di luar masa kepesertaan."})
    values = {
        "enrolment": enrolment, "tanggal": tanggal, "menu": menu, "porsi": porsi,
        "diberikan_oleh": diberikan_oleh, "dimakan": dimakan, "dicatat_oleh": user,
    }  # fmt: skip
    return _save(PmtDelivery(), values)


def _check_entry(programme: Programme, values: dict) -> None:
    if values["arah"] == "masuk":
        if not values["sumber"]:
            raise ValidationError({"sumber": "Pilih sumber dana."})
        if (values["donor"] is None) != (values["sumber"] != FundSource.DONATUR):
            raise ValidationError({"donor": "Pilih donatur untuk dana dari donatur (dan hanya untuk itu)."})
        return
    if values["enrolment"] is None and not values["kegiatan"]:
        raise ValidationError({"kegiatan": "Isi kegiatan atau pilih peserta penerima."})
    entries = list(LedgerEntry.objects.select_for_update().filter(programme=programme))
    saldo = sum(e.jumlah if e.arah == "masuk" else -e.jumlah for e in entries)
    if values["jumlah"] > saldo:
        raise ValidationError({"jumlah": f"Saldo tidak cukup: sisa {rupiah(saldo)}."})


@transaction.atomic
def ledger_add(
    *, user, programme: Programme, tanggal: dt.date, arah: str, jumlah: int, sumber: str = "",
    donor: Donor | None = None, enrolment: Enrolment | None = None, kegiatan: str = "",
) -> LedgerEntry:  # fmt: skip
    """A row of the funds ledger; money out may not exceed the balance."""
    access.require(access.can_manage_programmes(user), NOT_ALLOWED)
    _not_future(tanggal)
    Programme.objects.select_for_update().filter(pk=programme.pk).first()  # one writer at a time
    values = {
        "programme": programme, "tanggal": tanggal, "arah": arah, "jumlah": jumlah,
        "sumber": sumber if arah == "masuk" else "", "donor": donor if arah == "masuk" else None,
        "enrolment": enrolment if arah == "keluar" else None, "kegiatan": kegiatan,
    }  # fmt: skip
    _check_entry(programme, values)
    if values["enrolment"] is not None and values["enrolment"].programme_id != programme.pk:
        raise ValidationError({"enrolment": "Peserta bukan dari program ini."})
    return _save(LedgerEntry(), values)


@transaction.atomic
def innovation_create(
    *, user, posyandu: Posyandu, jenis: str, nama: str, mulai: dt.date,
    selesai: dt.date | None = None, keterangan: str = "",
) -> Innovation:  # fmt: skip
    access.require(access.can_record_innovations(user), access.READ_ONLY)
    _check_period(mulai, selesai)
    values = {"posyandu": posyandu, "jenis": jenis, "nama": nama, "mulai": mulai, "selesai": selesai,
              "keterangan": keterangan}  # fmt: skip
    return _save(Innovation(), values)
