"""Vital events: births, deaths, and people who left the area (pindah keluar / tidak ditemukan).

None of them deletes anyone: the person stays with all their visits, and from the month after
the event leaves S and every sasaran (registry.selectors.counted_in_month_q).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from .. import lifecycle
from ..validators import validate_not_future
from .people import Person


class Tempat(models.TextChoices):
    FASYANKES = "fasyankes", "Fasilitas kesehatan (Puskesmas, RS, klinik, praktik bidan)"
    RUMAH = "rumah", "Rumah"
    PERJALANAN = "perjalanan", "Dalam perjalanan"
    LAINNYA = "lainnya", "Lainnya"


class Penolong(models.TextChoices):
    DOKTER = "dokter", "Dokter"
    BIDAN = "bidan", "Bidan"
    PERAWAT = "perawat", "Perawat"
    DUKUN = "dukun", "Dukun bayi"
    KELUARGA = "keluarga", "Keluarga / lainnya"


class Birth(models.Model):
    """A baby born to a registered mother; the baby is a Person of the mother's household."""

    mother = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="births_given",
                               verbose_name="ibu")  # fmt: skip
    child = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="birth", verbose_name="bayi")
    tempat = models.CharField("tempat persalinan", max_length=12, choices=Tempat)
    penolong = models.CharField("penolong persalinan", max_length=10, choices=Penolong)
    berat_lahir_gram = models.PositiveIntegerField(
        "berat lahir (gram)", validators=[MinValueValidator(300), MaxValueValidator(6500)]
    )
    panjang_lahir_cm = models.DecimalField(
        "panjang lahir (cm)", max_digits=4, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(20), MaxValueValidator(65)],
    )  # fmt: skip
    imd = models.BooleanField("IMD (inisiasi menyusu dini)", default=False)
    tanggal_hb0 = models.DateField("tanggal imunisasi HB0", null=True, blank=True,
                                   validators=[validate_not_future])  # fmt: skip
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kelahiran"
        verbose_name_plural = "kelahiran"

    def __str__(self) -> str:
        return f"Kelahiran {self.child}"

    @property
    def bblr(self) -> bool:
        return lifecycle.is_bblr(self.berat_lahir_gram)

    def clean(self) -> None:
        # The service validates the birth before the baby is saved: the child is set, not its id.
        child = self.child if Birth.child.is_cached(self) or self.child_id else None
        born = child.tanggal_lahir if child else None
        if born and self.tanggal_hb0 and self.tanggal_hb0 < born:
            raise ValidationError({"tanggal_hb0": "Tanggal HB0 tidak boleh sebelum tanggal lahir."})


class Death(models.Model):
    """A death as told to the kader; `kematian_ibu` marks a death in pregnancy, delivery or nifas."""

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="death", verbose_name="warga"
    )
    tanggal = models.DateField("tanggal meninggal", validators=[validate_not_future])
    tempat = models.CharField("tempat meninggal", max_length=12, choices=Tempat)
    sebab = models.CharField("sebab (seperti yang diceritakan)", max_length=200)
    kematian_ibu = models.BooleanField("meninggal saat hamil, bersalin atau nifas", default=False)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kematian"
        verbose_name_plural = "kematian"

    def __str__(self) -> str:
        return f"Kematian {self.person}"

    def clean(self) -> None:
        born = self.person.tanggal_lahir if self.person_id else None
        if born and self.tanggal and self.tanggal < born:
            raise ValidationError({"tanggal": "Tanggal meninggal tidak boleh sebelum tanggal lahir."})

    @property
    def umur(self) -> str:
        return self.person.umur_on(self.tanggal)


class JenisKeluar(models.TextChoices):
    PINDAH = "pindah", "Pindah keluar wilayah"
    TIDAK_DITEMUKAN = "tidak_ditemukan", "Tidak ditemukan"


class Departure(models.Model):
    """A person who moved out of the area or cannot be found, and their return if any
    (`aktif_kembali`): the row is kept as history either way."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="departures",
                               verbose_name="warga")  # fmt: skip
    jenis = models.CharField("keterangan", max_length=16, choices=JenisKeluar)
    tanggal = models.DateField("tanggal", validators=[validate_not_future])
    alasan = models.CharField("alasan", max_length=200)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    aktif_kembali = models.DateField("tanggal aktif kembali", null=True, blank=True,
                                     validators=[validate_not_future])  # fmt: skip
    alasan_kembali = models.CharField("alasan aktif kembali", max_length=200, blank=True)
    kembali_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "pindah keluar / tidak ditemukan"
        verbose_name_plural = "pindah keluar / tidak ditemukan"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(aktif_kembali__isnull=True),
                name="one_open_departure_per_person",
                violation_error_message="Warga ini sudah tercatat pindah keluar / tidak ditemukan.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_jenis_display()}"

    def clean(self) -> None:
        born = self.person.tanggal_lahir if self.person_id else None
        if born and self.tanggal and self.tanggal < born:
            raise ValidationError({"tanggal": "Tanggal tidak boleh sebelum tanggal lahir."})
        if self.aktif_kembali and self.tanggal and self.aktif_kembali < self.tanggal:
            raise ValidationError(
                {"aktif_kembali": "Tanggal aktif kembali tidak boleh sebelum tanggal pindah/tidak ditemukan."}
            )
