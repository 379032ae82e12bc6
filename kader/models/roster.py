"""The kader roster of a Posyandu: every kader, with or without a login, their trainings and
who was on duty at which table (meja) on each opening day (hari buka), and the health workers
(tenaga kesehatan, nakes) present that day."""

from django.conf import settings
from django.db import models

from registry.models import Posyandu
from registry.validators import validate_nik
from visits.models import OpeningDay


class Peran(models.TextChoices):
    """Role in the Posyandu's pengurus."""

    KETUA = "ketua", "Ketua"
    SEKRETARIS = "sekretaris", "Sekretaris"
    BENDAHARA = "bendahara", "Bendahara"
    ANGGOTA = "anggota", "Anggota"


class Kader(models.Model):
    """A volunteer of one Posyandu; `user` only when the kader also logs in to the app.
    SK: the Kepala Desa/Lurah's decree naming the kader (surat keputusan)."""

    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="kader")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="kader"
    )
    nama = models.CharField("nama", max_length=100)
    nik = models.CharField("NIK", max_length=16, blank=True, validators=[validate_nik])
    telepon = models.CharField("nomor HP", max_length=20, blank=True)
    sk_nomor = models.CharField("nomor SK", max_length=100, blank=True)
    sk_tanggal = models.DateField("tanggal SK", null=True, blank=True)
    mulai = models.DateField("mulai menjadi kader", null=True, blank=True)
    aktif = models.BooleanField("aktif", default=True)
    peran = models.CharField("peran di Posyandu", max_length=12, choices=Peran, default=Peran.ANGGOTA)

    class Meta:
        ordering = ["-aktif", "nama"]
        verbose_name = "kader"
        verbose_name_plural = "kader"
        constraints = [
            models.UniqueConstraint(fields=["nik"], condition=~models.Q(nik=""), name="one_kader_a_nik"),
            models.CheckConstraint(
                name="kader_sk_has_number",
                condition=models.Q(sk_tanggal__isnull=True) | ~models.Q(sk_nomor=""),
                violation_error_message="Tanggal SK diisi bersama nomor SK.",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def has_sk(self) -> bool:
        return bool(self.sk_nomor)


class Training(models.Model):
    """A course a kader attended, e.g. on Plataran Sehat (the Kemenkes learning platform)."""

    kader = models.ForeignKey(Kader, on_delete=models.CASCADE, related_name="trainings")
    kursus = models.CharField("nama pelatihan", max_length=200)
    tanggal = models.DateField("tanggal")
    penyelenggara = models.CharField("penyelenggara", max_length=200)
    sertifikat = models.CharField("nomor sertifikat", max_length=100, blank=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "pelatihan kader"
        verbose_name_plural = "pelatihan kader"

    def __str__(self) -> str:
        return f"{self.kursus} ({self.tanggal:%d-%m-%Y})"


class Meja(models.IntegerChoices):
    PENDAFTARAN = 1, "Meja 1 · pendaftaran"
    PENGUKURAN = 2, "Meja 2 · penimbangan & pengukuran"
    PENCATATAN = 3, "Meja 3 · pencatatan"
    PENYULUHAN = 4, "Meja 4 · penyuluhan & PMT"
    PELAYANAN = 5, "Meja 5 · pelayanan kesehatan"


class Attendance(models.Model):
    """A kader on duty at one table on an opening day (kader bertugas)."""

    opening_day = models.ForeignKey(OpeningDay, on_delete=models.CASCADE, related_name="attendance")
    kader = models.ForeignKey(Kader, on_delete=models.CASCADE, related_name="attendance")
    meja = models.PositiveSmallIntegerField("meja", choices=Meja)

    class Meta:
        ordering = ["meja", "kader__nama"]
        verbose_name = "kader bertugas"
        verbose_name_plural = "kader bertugas"
        constraints = [
            models.UniqueConstraint(fields=["opening_day", "kader"], name="one_table_a_kader_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.kader} · meja {self.meja}"


class Profesi(models.TextChoices):
    BIDAN = "bidan", "Bidan"
    PERAWAT = "perawat", "Perawat"
    GIZI = "gizi", "Tenaga gizi"
    DOKTER = "dokter", "Dokter"
    SANITARIAN = "sanitarian", "Tenaga kesehatan lingkungan"
    PROMKES = "promkes", "Tenaga promosi kesehatan"
    LAINNYA = "lainnya", "Tenaga kesehatan lain"


class NakesHadir(models.Model):
    """A health worker (nakes) present on an opening day, named as the kader write it on the F5:
    usually Puskesmas or Pustu staff, who may have no login, so the name is free text."""

    opening_day = models.ForeignKey(OpeningDay, on_delete=models.CASCADE, related_name="nakes")
    nama = models.CharField("nama tenaga kesehatan", max_length=100)
    profesi = models.CharField("profesi", max_length=10, choices=Profesi)

    class Meta:
        ordering = ["id"]
        verbose_name = "tenaga kesehatan hadir"
        verbose_name_plural = "tenaga kesehatan hadir"

    def __str__(self) -> str:
        return f"{self.nama} ({self.get_profesi_display()})"
