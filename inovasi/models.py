"""Orang tua asuh (foster-parent / donor) programmes and other Posyandu innovations.

An orang tua asuh programme (BKKBN's Bapak Asuh Anak Stunting, BAAS) runs at one Posyandu:
donors pledge money, children (or ibu hamil) with a nutrition flag are enrolled, PMT
(pemberian makanan tambahan, supplementary food) is delivered to them, and every rupiah in and
out is a ledger row. The balance is always summed from the ledger, never stored.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from registry.models import Person, Posyandu, Puskesmas


class DonorKind(models.TextChoices):
    PERORANGAN = "perorangan", "Perorangan"
    PERUSAHAAN = "perusahaan", "Perusahaan / CSR"
    ORGANISASI = "organisasi", "Organisasi"


class Donor(models.Model):
    """An orang tua asuh; registered by a Puskesmas, who may match it with any of its Posyandu."""

    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.PROTECT, related_name="+")
    nama = models.CharField("nama donatur", max_length=120)
    jenis = models.CharField("jenis", max_length=12, choices=DonorKind)
    kontak = models.CharField("kontak", max_length=120, blank=True)

    class Meta:
        verbose_name = "donatur"
        verbose_name_plural = "donatur"
        ordering = ["nama", "pk"]

    def __str__(self) -> str:
        return self.nama


class Programme(models.Model):
    """An orang tua asuh programme at one Posyandu, dated."""

    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    nama = models.CharField("nama program", max_length=120)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai", null=True, blank=True)

    class Meta:
        verbose_name = "program orang tua asuh"
        verbose_name_plural = "program orang tua asuh"
        ordering = ["-mulai", "pk"]

    def __str__(self) -> str:
        return self.nama


class Pledge(models.Model):
    """A donor's promise: an amount per month for a number of months."""

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="pledges")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="pledges")
    per_bulan = models.PositiveIntegerField("jumlah per bulan (Rp)", validators=[MinValueValidator(1)])
    bulan = models.PositiveSmallIntegerField("lama (bulan)", validators=[MinValueValidator(1)])
    mulai = models.DateField("mulai")

    class Meta:
        verbose_name = "janji donasi"
        verbose_name_plural = "janji donasi"
        ordering = ["mulai", "pk"]

    def __str__(self) -> str:
        return f"{self.donor} · {self.programme}"

    @property
    def total(self) -> int:
        return self.per_bulan * self.bulan


class Enrolment(models.Model):
    """A child or ibu hamil in a programme; `alasan` holds the reason codes taken from the
    person's latest weighing at `mulai` (inovasi.eligibility), never typed."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="enrolments")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="sasaran")
    alasan = models.CharField("alasan", max_length=60)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai", null=True, blank=True)

    class Meta:
        verbose_name = "peserta"
        verbose_name_plural = "peserta"
        ordering = ["mulai", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "person"], name="inovasi_enrolment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.programme}"


class PmtDelivery(models.Model):
    """One PMT given to an enrolled person: the menu, portions, who gave it, eaten or not."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="deliveries")
    tanggal = models.DateField("tanggal")
    menu = models.CharField("menu", max_length=120)
    porsi = models.PositiveSmallIntegerField("porsi", validators=[MinValueValidator(1)])
    diberikan_oleh = models.CharField("diberikan oleh", max_length=80)
    dimakan = models.BooleanField("dimakan habis", default=True)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "pemberian PMT"
        verbose_name_plural = "pemberian PMT"
        ordering = ["tanggal", "pk"]

    def __str__(self) -> str:
        return f"{self.tanggal} {self.menu}"


class Direction(models.TextChoices):
    MASUK = "masuk", "Masuk"
    KELUAR = "keluar", "Keluar"


class FundSource(models.TextChoices):
    DONATUR = "donatur", "Donatur"
    DANA_DESA = "dana_desa", "Dana Desa"
    APBD = "apbd", "APBD / DAK"
    SWADAYA = "swadaya", "Swadaya masyarakat"
    LAIN = "lain", "Lainnya"


class LedgerEntry(models.Model):
    """A rupiah amount into the programme (by source) or out of it (per child or activity)."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="ledger")
    tanggal = models.DateField("tanggal")
    arah = models.CharField("masuk/keluar", max_length=6, choices=Direction)
    jumlah = models.PositiveIntegerField("jumlah (Rp)", validators=[MinValueValidator(1)])
    sumber = models.CharField("sumber dana", max_length=10, choices=FundSource, blank=True)
    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    enrolment = models.ForeignKey(
        Enrolment, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="untuk peserta"
    )
    kegiatan = models.CharField("keterangan / kegiatan", max_length=120, blank=True)

    class Meta:
        verbose_name = "kas"
        verbose_name_plural = "kas"
        ordering = ["tanggal", "pk"]

    def __str__(self) -> str:
        return f"{self.tanggal} {self.arah} {self.jumlah}"


class InnovationKind(models.TextChoices):
    DOOR_PRIZE = "door_prize", "Door prize"
    KELAS = "kelas", "Kelas (ibu hamil, balita, lansia)"
    KUNJUNGAN = "kunjungan", "Gerakan kunjungan rumah"
    ORANG_TUA_ASUH = "ota", "Orang tua asuh"
    LAIN = "lain", "Lainnya"


class Innovation(models.Model):
    """Any innovation a Posyandu starts on a date; its effect is read off the monthly figures."""

    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField("jenis", max_length=12, choices=InnovationKind)
    nama = models.CharField("nama", max_length=120)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai", null=True, blank=True)
    keterangan = models.TextField("keterangan", blank=True)

    class Meta:
        verbose_name = "inovasi"
        verbose_name_plural = "inovasi"
        ordering = ["-mulai", "pk"]

    def __str__(self) -> str:
        return self.nama
