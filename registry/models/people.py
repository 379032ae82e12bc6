"""Households (Kartu Keluarga) and people (warga), with the history of household moves."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .. import identifiers, lifecycle
from ..validators import validate_birth_date, validate_nik, validate_no_kk, validate_not_future
from .wilayah import Desa, Posyandu


class Household(models.Model):
    """A household as on its Kartu Keluarga (KK); the head is the member with relation KEPALA."""

    no_kk = models.CharField(
        "No. KK", max_length=16, unique=True, null=True, blank=True, validators=[validate_no_kk]
    )
    alamat = models.CharField("alamat", max_length=200)
    rt = models.CharField("RT", max_length=3, blank=True)
    rw = models.CharField("RW", max_length=3, blank=True)
    dusun = models.CharField("dusun/lingkungan", max_length=100, blank=True)
    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="households")
    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="households")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "keluarga"
        verbose_name_plural = "keluarga"
        ordering = ["alamat", "id"]

    def __str__(self) -> str:
        # Masked: the name of a household appears in lists, titles and the admin.
        return f"KK {identifiers.mask(self.no_kk)}" if self.no_kk else f"Keluarga di {self.alamat}"

    def clean(self):
        super().clean()
        if self.desa_id and self.posyandu_id and self.desa_id != self.posyandu.desa_id:
            raise ValidationError(
                {"desa": f"Desa harus desa wilayah {self.posyandu} ({self.posyandu.desa.nama})."}
            )


class Sex(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"


class Relation(models.TextChoices):
    """Hubungan dalam keluarga, as printed on the Kartu Keluarga."""

    KEPALA = "kepala", "Kepala keluarga"
    SUAMI_ISTRI = "pasangan", "Suami/istri"
    ANAK = "anak", "Anak"
    MENANTU = "menantu", "Menantu"
    CUCU = "cucu", "Cucu"
    ORANG_TUA = "orang_tua", "Orang tua"
    MERTUA = "mertua", "Mertua"
    FAMILI = "famili", "Famili lain"
    LAINNYA = "lainnya", "Lainnya"


class Person(models.Model):
    """A resident (warga). NIK may be empty: many infants have none yet, and none is ever faked.

    `hpht` (hari pertama haid terakhir, first day of the last period) marks the current
    pregnancy; `tanggal_persalinan` is the date of the last birth (start of nifas).
    """

    nik = models.CharField(
        "NIK", max_length=16, unique=True, null=True, blank=True, validators=[validate_nik]
    )
    nama = models.CharField("nama lengkap", max_length=100)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=Sex)
    tanggal_lahir = models.DateField("tanggal lahir", validators=[validate_birth_date])
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="members", verbose_name="keluarga"
    )
    hubungan = models.CharField("hubungan dalam keluarga", max_length=10, choices=Relation)
    telepon = models.CharField("nomor HP", max_length=20, blank=True)
    hpht = models.DateField(
        "HPHT (jika sedang hamil)", null=True, blank=True, validators=[validate_not_future]
    )
    tanggal_persalinan = models.DateField(
        "tanggal persalinan terakhir", null=True, blank=True, validators=[validate_not_future]
    )
    buku_kia = models.BooleanField(
        "punya Buku KIA/KMS", default=False, help_text="Untuk balita: dihitung sebagai K pada SKDN."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "warga"
        verbose_name_plural = "warga"
        ordering = ["nama", "id"]
        indexes = [models.Index(fields=["nama"]), models.Index(fields=["tanggal_lahir"])]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=models.Q(hubungan="kepala"),
                name="one_head_per_household",
                violation_error_message="Satu keluarga hanya boleh punya satu kepala keluarga.",
            )
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        errors = {}
        if self.jenis_kelamin == Sex.LAKI_LAKI and (self.hpht or self.tanggal_persalinan):
            errors["hpht"] = "HPHT dan tanggal persalinan hanya untuk perempuan."
        for name in ("hpht", "tanggal_persalinan"):
            day = getattr(self, name)
            if not (day and self.tanggal_lahir and self.jenis_kelamin == Sex.PEREMPUAN) or name in errors:
                continue
            if error := lifecycle.pregnancy_age_error(self.tanggal_lahir, day, self.jenis_kelamin):
                errors[name] = error
        if self.tanggal_lahir and self.hpht and self.hpht <= self.tanggal_lahir:
            errors["hpht"] = "HPHT harus sesudah tanggal lahir."
        if self.tanggal_lahir and self.tanggal_persalinan and self.tanggal_persalinan <= self.tanggal_lahir:
            errors["tanggal_persalinan"] = "Tanggal persalinan harus sesudah tanggal lahir."
        if error := self._born_after_first_visit():
            errors.setdefault("tanggal_lahir", error)
        if errors:
            raise ValidationError(errors)

    def _born_after_first_visit(self) -> str | None:
        """A correction may not put the birth after a visit already recorded."""
        if not (self.pk and self.tanggal_lahir):
            return None
        first = self.visits.order_by("tanggal").values_list("tanggal", flat=True).first()
        if first and self.tanggal_lahir > first:
            return f"Tanggal lahir tidak boleh setelah kunjungan pertamanya ({first:%d-%m-%Y})."
        return None

    def groups_on(self, day: dt.date) -> list[lifecycle.Group]:
        groups = lifecycle.lifecycle_groups(
            self.tanggal_lahir, day, self.jenis_kelamin, self.hpht, self.tanggal_persalinan
        )
        return lifecycle.sorted_groups(groups)

    @property
    def groups_today(self) -> list[lifecycle.Group]:
        return self.groups_on(timezone.localdate())

    @property
    def nik_warnings(self) -> list[str]:
        if not self.nik:
            return []
        return identifiers.nik_warnings(self.nik, self.tanggal_lahir, self.jenis_kelamin)

    @property
    def umur(self) -> str:
        """Age today as people say it: "2 tahun 3 bulan", or "5 bulan" under a year."""
        return self.umur_on(timezone.localdate())

    def umur_on(self, day: dt.date) -> str:
        months = lifecycle.completed_months(self.tanggal_lahir, day)
        years, rest = divmod(max(months, 0), 12)
        if years == 0:
            return f"{rest} bulan"
        return f"{years} tahun {rest} bulan" if years < 6 else f"{years} tahun"


class HouseholdMove(models.Model):
    """A household moving to another Posyandu. Visits keep the Posyandu where they happened."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="moves")
    dari_posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    ke_posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    tanggal = models.DateField("tanggal pindah", default=timezone.localdate)
    alasan = models.CharField("alasan", max_length=200, blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "perpindahan keluarga"
        verbose_name_plural = "perpindahan keluarga"

    def __str__(self) -> str:
        return f"{self.household}: {self.dari_posyandu} → {self.ke_posyandu}"
