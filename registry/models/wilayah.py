"""Wilayah (Kemendagri regions), Puskesmas and Posyandu.

Codes are stored without dots (1872011001) and shown with them (18.72.01.1001).
A Puskesmas' wilayah kerja is the set of desa whose `puskesmas` points to it.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .. import identifiers, schedule
from ..validators import (
    validate_kode_desa,
    validate_kode_kab_kota,
    validate_kode_kecamatan,
    validate_kode_provinsi,
)


class Wilayah(models.Model):
    kode = models.CharField("kode Kemendagri", max_length=10, unique=True)
    nama = models.CharField("nama", max_length=100)

    class Meta:
        abstract = True
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama

    @property
    def kode_bertitik(self) -> str:
        return identifiers.format_kode_wilayah(self.kode)


class Provinsi(Wilayah):
    kode = models.CharField("kode", max_length=2, unique=True, validators=[validate_kode_provinsi])

    class Meta(Wilayah.Meta):
        verbose_name_plural = "provinsi"


class KabKota(Wilayah):
    kode = models.CharField("kode", max_length=4, unique=True, validators=[validate_kode_kab_kota])
    provinsi = models.ForeignKey(Provinsi, on_delete=models.PROTECT, related_name="kab_kota")

    class Meta(Wilayah.Meta):
        verbose_name = "kabupaten/kota"
        verbose_name_plural = "kabupaten/kota"


class Kecamatan(Wilayah):
    kode = models.CharField("kode", max_length=6, unique=True, validators=[validate_kode_kecamatan])
    kab_kota = models.ForeignKey(KabKota, on_delete=models.PROTECT, related_name="kecamatan")

    class Meta(Wilayah.Meta):
        verbose_name_plural = "kecamatan"


class Puskesmas(models.Model):
    kode = models.CharField("kode Puskesmas", max_length=20, blank=True)
    nama = models.CharField("nama", max_length=100)
    kab_kota = models.ForeignKey(KabKota, on_delete=models.PROTECT, related_name="puskesmas")
    alamat = models.CharField("alamat", max_length=200, blank=True)

    class Meta:
        ordering = ["nama"]
        verbose_name_plural = "puskesmas"

    def __str__(self) -> str:
        return self.nama


class Desa(Wilayah):
    """Desa or kelurahan; the first digit of the last four tells which (1 kelurahan, 2 desa)."""

    kode = models.CharField("kode", max_length=10, unique=True, validators=[validate_kode_desa])
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, related_name="desa")
    puskesmas = models.ForeignKey(
        Puskesmas,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wilayah_kerja",
        verbose_name="Puskesmas (wilayah kerja)",
    )

    class Meta(Wilayah.Meta):
        verbose_name = "desa/kelurahan"
        verbose_name_plural = "desa/kelurahan"

    @property
    def jenis(self) -> str:
        return "Kelurahan" if self.kode[6:7] == "1" else "Desa"


class Strata(models.TextChoices):
    PRATAMA = "pratama", "Pratama"
    MADYA = "madya", "Madya"
    PURNAMA = "purnama", "Purnama"
    MANDIRI = "mandiri", "Mandiri"


class Posyandu(models.Model):
    nama = models.CharField("nama", max_length=100)
    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="posyandu")
    alamat = models.CharField("alamat", max_length=200, blank=True)
    rw = models.CharField("RW", max_length=3, blank=True)
    strata = models.CharField("strata", max_length=10, choices=Strata, default=Strata.PRATAMA)
    jadwal_jenis = models.CharField(
        "jadwal hari buka",
        max_length=10,
        choices=schedule.ScheduleKind.choices(),
        default=schedule.ScheduleKind.TANGGAL,
    )
    jadwal_tanggal = models.PositiveSmallIntegerField(
        "tanggal buka setiap bulan",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text="1–28, agar ada di setiap bulan.",
    )
    jadwal_minggu_ke = models.PositiveSmallIntegerField(
        "minggu ke-", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    jadwal_hari = models.PositiveSmallIntegerField(
        "hari", null=True, blank=True, choices=schedule.WEEKDAY_CHOICES
    )

    class Meta:
        ordering = ["nama"]
        verbose_name_plural = "posyandu"
        constraints = [
            models.CheckConstraint(
                name="posyandu_jadwal_lengkap",
                condition=(
                    models.Q(jadwal_jenis="tanggal", jadwal_tanggal__isnull=False)
                    | models.Q(
                        jadwal_jenis="hari",
                        jadwal_minggu_ke__isnull=False,
                        jadwal_hari__isnull=False,
                    )
                ),
                violation_error_message="Lengkapi jadwal hari buka.",
            )
        ]

    def __str__(self) -> str:
        return f"Posyandu {self.nama}"

    @property
    def jadwal(self) -> schedule.Schedule:
        return schedule.Schedule(
            kind=schedule.ScheduleKind(self.jadwal_jenis),
            day_of_month=self.jadwal_tanggal,
            week_of_month=self.jadwal_minggu_ke,
            weekday=self.jadwal_hari,
        )
