"""The 25 keterampilan dasar (basic skills) of a kader in 5 areas, their assessment by Puskesmas
staff, and the tanda kecakapan kader (TKK, the skill badge) levels and awards. The list and the
level thresholds are data (editable in the admin) because sources differ; the shipped default
and its source are in migration 0002 and docs/domain.md."""

from django.conf import settings
from django.db import models

from .roster import Kader


class SkillArea(models.Model):
    """One of the 5 areas (bidang) of the keterampilan dasar."""

    kode = models.CharField("kode", max_length=10, unique=True)
    nama = models.CharField("nama bidang", max_length=100)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    sumber = models.CharField("sumber", max_length=300, blank=True)

    class Meta:
        ordering = ["urutan", "kode"]
        verbose_name = "bidang keterampilan"
        verbose_name_plural = "bidang keterampilan"

    def __str__(self) -> str:
        return self.nama


class Skill(models.Model):
    """One keterampilan dasar; an inactive skill is kept for past assessments but not asked."""

    area = models.ForeignKey(SkillArea, on_delete=models.PROTECT, related_name="skills")
    kode = models.CharField("kode", max_length=10, unique=True)
    nama = models.CharField("keterampilan", max_length=200)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("dipakai", default=True)

    class Meta:
        ordering = ["area__urutan", "urutan", "kode"]
        verbose_name = "keterampilan dasar"
        verbose_name_plural = "keterampilan dasar"

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class Hasil(models.TextChoices):
    KOMPETEN = "kompeten", "Kompeten"
    BELUM = "belum", "Belum kompeten"


class SkillAssessment(models.Model):
    """One assessment of one skill by Puskesmas staff; the latest per skill counts."""

    kader = models.ForeignKey(Kader, on_delete=models.CASCADE, related_name="assessments")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="assessments")
    tanggal = models.DateField("tanggal penilaian")
    hasil = models.CharField("hasil", max_length=10, choices=Hasil)
    catatan = models.CharField("catatan", max_length=300, blank=True)
    penilai = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "penilaian keterampilan"
        verbose_name_plural = "penilaian keterampilan"
        indexes = [models.Index(fields=["kader", "skill", "tanggal"])]

    def __str__(self) -> str:
        return f"{self.kader} · {self.skill.kode} · {self.get_hasil_display()}"


class TkkLevel(models.Model):
    """A TKK level (purwa, madya, utama) and its rule: the number of areas in which every
    active skill is kompeten."""

    kode = models.CharField("kode", max_length=10, unique=True)
    nama = models.CharField("nama", max_length=50)
    min_bidang = models.PositiveSmallIntegerField("bidang kompeten paling sedikit")
    sumber = models.CharField("sumber", max_length=300, blank=True)

    class Meta:
        ordering = ["min_bidang"]
        verbose_name = "tingkat TKK"
        verbose_name_plural = "tingkat TKK"

    def __str__(self) -> str:
        return self.nama


class TkkAward(models.Model):
    """A TKK awarded to a kader: level, date and who issued it."""

    kader = models.ForeignKey(Kader, on_delete=models.CASCADE, related_name="awards")
    level = models.ForeignKey(TkkLevel, on_delete=models.PROTECT, related_name="awards")
    tanggal = models.DateField("tanggal")
    penerbit = models.CharField("diberikan oleh", max_length=200)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "TKK diberikan"
        verbose_name_plural = "TKK diberikan"

    def __str__(self) -> str:
        return f"{self.kader} · TKK {self.level} ({self.tanggal:%d-%m-%Y})"
