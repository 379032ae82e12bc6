"""Lomba / penilaian Posyandu: an instrument of weighted criteria scored 1–4, assessment rounds
of a Puskesmas or a Kab/Kota, each Posyandu's scores and the pembinaan (coaching) of its gaps.

*Lomba Posyandu* is the district contest that scores Posyandu; *pembinaan* is the follow-up
coaching by Puskesmas or Dinkes staff (KMK ILP 2023 L453: the Puskesmas "pembinaan ke ...
Posyandu").
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from registry.models import KabKota, Posyandu, Profile, Puskesmas, Role

SCORES = [(1, "1"), (2, "2"), (3, "3"), (4, "4")]


class Instrument(models.Model):
    nama = models.CharField("nama instrumen", max_length=150, unique=True)
    sumber = models.TextField("sumber", blank=True)

    class Meta:
        verbose_name = "instrumen penilaian"
        verbose_name_plural = "instrumen penilaian"

    def __str__(self) -> str:
        return self.nama


class Criterion(models.Model):
    """One criterion, scored 1–4 by its guide; `data_source` names the pre-fill function
    (`pembinaan/prefill.py`) for criteria the app's data can answer."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="criteria")
    kode = models.SlugField("kode", max_length=30)
    kelompok = models.CharField("kelompok", max_length=60)
    nama = models.CharField("kriteria", max_length=200)
    bobot = models.PositiveSmallIntegerField(
        "bobot", validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    panduan_1 = models.CharField("panduan skor 1", max_length=200)
    panduan_2 = models.CharField("panduan skor 2", max_length=200)
    panduan_3 = models.CharField("panduan skor 3", max_length=200)
    panduan_4 = models.CharField("panduan skor 4", max_length=200)
    data_source = models.CharField("sumber data", max_length=30, blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        ordering = ["urutan", "pk"]
        constraints = [models.UniqueConstraint(fields=["instrument", "kode"], name="criterion_kode_unique")]

    def __str__(self) -> str:
        return self.nama

    def guide(self) -> list[tuple[int, str]]:
        return [(1, self.panduan_1), (2, self.panduan_2), (3, self.panduan_3), (4, self.panduan_4)]


class Round(models.Model):
    """An assessment round (putaran penilaian) of one Puskesmas or one Kab/Kota for a year."""

    nama = models.CharField("nama penilaian", max_length=150)
    tahun = models.PositiveSmallIntegerField(
        "tahun", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, verbose_name="instrumen")
    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.PROTECT, null=True, blank=True)
    kab_kota = models.ForeignKey(KabKota, on_delete=models.PROTECT, null=True, blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tahun", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(puskesmas__isnull=True) ^ Q(kab_kota__isnull=True), name="round_one_area"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} {self.tahun}"

    @property
    def area(self) -> Puskesmas | KabKota:
        return self.puskesmas or self.kab_kota

    def posyandu_filter(self) -> Q:
        if self.puskesmas_id:
            return Q(desa__puskesmas_id=self.puskesmas_id)
        return Q(desa__kecamatan__kab_kota_id=self.kab_kota_id)


def round_area(profile: Profile) -> Q:
    """Rounds scope() shows: Dinkes those of their Kab/Kota and its Puskesmas; Puskesmas staff
    their own Puskesmas' rounds and their Kab/Kota's (where they see only their own Posyandu's
    scores); kader none."""
    if profile.role == Role.DINKES:
        return Q(kab_kota_id=profile.kab_kota_id) | Q(puskesmas__kab_kota_id=profile.kab_kota_id)
    if profile.role == Role.PUSKESMAS:
        return Q(puskesmas_id=profile.puskesmas_id) | Q(kab_kota__puskesmas__pk=profile.puskesmas_id)
    return Q(pk__in=[])


class Assessor(models.Model):
    """A user assigned to score the Posyandu of a round (penilai)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assessors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="assessor_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.round}"


class PosyanduScore(models.Model):
    """One criterion's score of one Posyandu in a round; a score that differs from the one the
    data gave (`skor_data`) needs a reason."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="scores")
    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    skor = models.PositiveSmallIntegerField("skor", choices=SCORES)
    nilai_data = models.CharField("nilai dari data", max_length=60, blank=True)
    skor_data = models.PositiveSmallIntegerField("skor dari data", choices=SCORES, null=True, blank=True)
    alasan = models.CharField("alasan mengubah skor dari data", max_length=300, blank=True)
    dinilai_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "posyandu", "criterion"], name="score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.posyandu_id} · {self.criterion_id}: {self.skor}"

    def clean(self):
        if self.skor_data is not None and self.skor != self.skor_data and not self.alasan.strip():
            raise ValidationError(
                {"alasan": f"Skor berbeda dari data (skor data {self.skor_data}): tuliskan alasannya."}
            )


class CoachingStatus(models.TextChoices):
    RENCANA = "rencana", "Direncanakan"
    BERJALAN = "berjalan", "Sedang berjalan"
    SELESAI = "selesai", "Selesai"


class Coaching(models.Model):
    """Pembinaan for one gap (a criterion scored low) of a Posyandu found in a round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="coachings")
    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name="kriteria"
    )
    tanggal = models.DateField("tanggal pembinaan")
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kegiatan = models.CharField("kegiatan pembinaan", max_length=300)
    tindak_lanjut = models.CharField("rencana tindak lanjut", max_length=300, blank=True)
    status = models.CharField("status", max_length=10, choices=CoachingStatus, default=CoachingStatus.RENCANA)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return f"{self.tanggal}: {self.kegiatan}"
