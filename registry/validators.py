"""Field validators with Indonesian messages, shared by models and forms."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone

from . import identifiers

MAX_AGE_YEARS = 120


def validate_nik(value: str) -> None:
    error = identifiers.sixteen_digit_error(value, "NIK")
    if error:
        raise ValidationError(error, code="nik")


def validate_no_kk(value: str) -> None:
    error = identifiers.sixteen_digit_error(value, "No. KK")
    if error:
        raise ValidationError(error, code="no_kk")


def validate_birth_date(value: dt.date) -> None:
    today = timezone.localdate()
    if value > today:
        raise ValidationError("Tanggal lahir tidak boleh di masa depan.", code="future")
    if today.year - value.year > MAX_AGE_YEARS:
        raise ValidationError(
            f"Tanggal lahir tidak masuk akal: umur lebih dari {MAX_AGE_YEARS} tahun.",
            code="too_old",
        )


def validate_not_future(value: dt.date) -> None:
    if value > timezone.localdate():
        raise ValidationError("Tanggal tidak boleh di masa depan.", code="future")


def kode_validator(length: int) -> RegexValidator:
    level = identifiers.KODE_WILAYAH_LENGTHS[length]
    return RegexValidator(rf"^\d{{{length}}}$", f"Kode {level} harus {length} digit angka.", code="kode")


validate_kode_provinsi = kode_validator(2)
validate_kode_kab_kota = kode_validator(4)
validate_kode_kecamatan = kode_validator(6)
validate_kode_desa = kode_validator(10)


MOVE_BACKDATE_DAYS = 30


def move_date_error(day: dt.date, *, today: dt.date, may_backdate: bool) -> str | None:
    """A household move is recorded within 30 days, never in the future; older moves only by
    someone who may check them (Puskesmas staff), and the move keeps who recorded it and when
    (HouseholdMove.oleh, created_at)."""
    if day > today:
        return "Tanggal pindah tidak boleh di masa depan."
    if (today - day).days > MOVE_BACKDATE_DAYS and not may_backdate:
        return (
            f"Tanggal pindah paling lama {MOVE_BACKDATE_DAYS} hari yang lalu. "
            "Perpindahan yang lebih lama dicatat oleh petugas Puskesmas."
        )
    return None
