"""Posyandu strata (Pratama, Madya, Purnama, Mandiri) and "Posyandu aktif": the criteria as
data (default and sources in migration 0002 and docs/domain.md) and what a Posyandu reports
each year that the app cannot count itself (dana sehat, SK, tools)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from registry.models import Posyandu


class Scheme(models.TextChoices):
    STRATA = "strata", "Strata Posyandu"
    AKTIF = "aktif", "Posyandu aktif"


class Indicator(models.TextChoices):
    """What a criterion measures; each is computed in kader/strata_selectors.py."""

    HARI_BUKA = "hari_buka", "Hari buka setahun"
    KADER_BERTUGAS = "kader_bertugas", "Rata-rata kader bertugas"
    KADER_SK = "kader_sk", "Kader aktif ber-SK"
    DS = "ds", "Rata-rata D/S (%)"
    KIA = "kia", "Cakupan kumulatif KIA (%)"
    KB = "kb", "Cakupan kumulatif KB (%)"
    IMUNISASI = "imunisasi", "Cakupan kumulatif imunisasi (%)"
    PROGRAM_TAMBAHAN = "program_tambahan", "Program tambahan"
    DANA_SEHAT = "dana_sehat", "Cakupan dana sehat (%)"
    LAYANAN_SASARAN = "layanan_sasaran", "Sasaran dilayani (ibu hamil, balita, remaja)"


class Criterion(models.Model):
    """One criterion: `indikator` ≥ `minimum`. For strata, `tingkat` is the stratum it opens
    (madya, purnama, mandiri; a higher stratum needs the lower ones' criteria too)."""

    skema = models.CharField("skema", max_length=10, choices=Scheme)
    tingkat = models.CharField("tingkat", max_length=10, blank=True)
    indikator = models.CharField("indikator", max_length=20, choices=Indicator)
    minimum = models.DecimalField("paling sedikit", max_digits=6, decimal_places=2)
    sumber = models.CharField("sumber", max_length=300)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        ordering = ["skema", "urutan", "pk"]
        verbose_name = "kriteria strata/aktif"
        verbose_name_plural = "kriteria strata/aktif"
        constraints = [
            models.UniqueConstraint(fields=["skema", "tingkat", "indikator"], name="one_criterion_a_level")
        ]

    def __str__(self) -> str:
        return f"{self.get_skema_display()} {self.tingkat}: {self.get_indikator_display()} ≥ {self.minimum}"


class PosyanduTahun(models.Model):
    """What a Posyandu reports for a year beyond its registers: dana sehat coverage, extra
    programmes, its SK and its tools."""

    posyandu = models.ForeignKey(Posyandu, on_delete=models.CASCADE, related_name="profil_tahunan")
    tahun = models.PositiveSmallIntegerField("tahun")
    dana_sehat_persen = models.DecimalField(
        "cakupan dana sehat (% KK)", max_digits=5, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )  # fmt: skip
    program_tambahan = models.TextField("program tambahan (satu per baris)", blank=True)
    sk_nomor = models.CharField("nomor SK Posyandu", max_length=100, blank=True)
    sk_tanggal = models.DateField("tanggal SK Posyandu", null=True, blank=True)
    alat_timbangan = models.BooleanField("timbangan (dacin/digital)", default=False)
    alat_ukur_tinggi = models.BooleanField("alat ukur panjang/tinggi badan", default=False)
    alat_pita_lila = models.BooleanField("pita LiLA", default=False)
    alat_buku = models.BooleanField("buku pencatatan/register", default=False)
    alat_papan_skdn = models.BooleanField("papan SKDN", default=False)
    gedung = models.BooleanField("punya gedung sendiri", default=False)

    class Meta:
        ordering = ["-tahun"]
        verbose_name = "profil tahunan Posyandu"
        verbose_name_plural = "profil tahunan Posyandu"
        constraints = [models.UniqueConstraint(fields=["posyandu", "tahun"], name="one_profile_a_year")]

    def __str__(self) -> str:
        return f"{self.posyandu} {self.tahun}"

    TOOLS = ("alat_timbangan", "alat_ukur_tinggi", "alat_pita_lila", "alat_buku", "alat_papan_skdn")

    @property
    def programs(self) -> list[str]:
        return [line.strip() for line in self.program_tambahan.splitlines() if line.strip()]

    @property
    def tools_complete(self) -> bool:
        return all(getattr(self, name) for name in self.TOOLS)
