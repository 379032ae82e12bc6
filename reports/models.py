"""Monthly Excel recaps, built by Celery: one row per (area, month), built once and rebuilt on
request."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from registry.models import KabKota, Profile, Puskesmas, Role


class RecapKind(models.TextChoices):
    PUSKESMAS = "puskesmas", "Rekap Puskesmas"
    KABKOTA = "kabkota", "Rekap Kab/Kota"


class RecapStatus(models.TextChoices):
    QUEUED = "antri", "Menunggu"
    RUNNING = "proses", "Sedang dibuat"
    DONE = "selesai", "Selesai"
    FAILED = "gagal", "Gagal"


class Recap(models.Model):
    kind = models.CharField("jenis", max_length=10, choices=RecapKind)
    puskesmas = models.ForeignKey(
        Puskesmas, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kab_kota = models.ForeignKey(KabKota, on_delete=models.PROTECT, related_name="+")
    bulan = models.DateField("bulan")  # first day of the month
    status = models.CharField(max_length=10, choices=RecapStatus, default=RecapStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("kemajuan (%)", default=0)
    file = models.CharField(max_length=200, blank=True)  # path under MEDIA_ROOT
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The Celery task building it: a redelivery of that same task (its worker died) may take over.
    task_id = models.CharField(max_length=64, blank=True)
    # Last sign of life (queued, claimed, a sheet written): the sweeper re-queues a stale recap.
    touched_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-bulan", "kind", "puskesmas__nama"]
        verbose_name = "rekap"
        verbose_name_plural = "rekap"
        constraints = [
            models.UniqueConstraint(
                fields=["puskesmas", "bulan"],
                condition=Q(kind="puskesmas"),
                name="one_puskesmas_recap_a_month",
            ),
            models.UniqueConstraint(
                fields=["kab_kota", "bulan"], condition=Q(kind="kabkota"), name="one_kabkota_recap_a_month"
            ),
            models.CheckConstraint(
                condition=Q(kind="puskesmas", puskesmas__isnull=False)
                | Q(kind="kabkota", puskesmas__isnull=True),
                name="recap_area_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.bulan:%m-%Y}"

    @property
    def title(self) -> str:
        """The heading "Rekap Puskesmas Sukamaju", never "Rekap Puskesmas Puskesmas Sukamaju": most
        areas are named with their kind already ("Puskesmas …", "Kota …", "Kabupaten …")."""
        name = str(self.area)
        if name.casefold().startswith(("puskesmas", "kota", "kab")):
            return f"Rekap {name}"
        return f"{self.get_kind_display()} {name}"

    @property
    def area(self):
        return self.puskesmas if self.kind == RecapKind.PUSKESMAS else self.kab_kota


def recap_area(profile: Profile) -> Q:
    """The recaps scope() shows: Dinkes every recap of their Kab/Kota, Puskesmas staff their
    own Puskesmas' recaps, kader none."""
    if profile.role == Role.DINKES:
        return Q(kab_kota_id=profile.kab_kota_id)
    if profile.role == Role.PUSKESMAS:
        return Q(kind=RecapKind.PUSKESMAS, puskesmas_id=profile.puskesmas_id)
    return Q(pk__in=[])


class SasaranKind(models.TextChoices):
    BALITA = "balita", "Balita"
    IBU_HAMIL = "ibu_hamil", "Ibu hamil"
    DEWASA = "dewasa", "Usia ≥ 18 tahun"


class SasaranDesa(models.Model):
    """Annual sasaran (target population) of a desa entered by its Puskesmas, e.g. the proyeksi
    ibu hamil = 1,10 × CBR × penduduk. Without one, the registry's own count is used."""

    desa = models.ForeignKey("registry.Desa", on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=10, choices=SasaranKind)
    jumlah = models.PositiveIntegerField()
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sasaran desa"
        verbose_name_plural = "sasaran desa"
        constraints = [models.UniqueConstraint(fields=["desa", "tahun", "jenis"], name="one_sasaran_a_year")]

    def __str__(self) -> str:
        return f"{self.desa} {self.tahun} {self.get_jenis_display()}: {self.jumlah}"


class MonthClosing(models.Model):
    """Tutup bulan: a Puskesmas freezes the figures its reports show for a month.

    `snapshot` holds every figure of the month, per Posyandu of the Puskesmas and per desa for
    the PWS (built by reports.closing). Re-closing adds a new version; old ones are kept and
    only the current one is read."""

    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.PROTECT, related_name="+")
    bulan = models.DateField("bulan")  # first day of the month
    version = models.PositiveSmallIntegerField("versi")
    current = models.BooleanField("versi berlaku", default=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField("ditutup")
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["-bulan", "puskesmas__nama", "-version"]
        verbose_name = "tutup bulan"
        verbose_name_plural = "tutup bulan"
        constraints = [
            models.UniqueConstraint(fields=["puskesmas", "bulan", "version"], name="one_closing_a_version"),
            models.UniqueConstraint(
                fields=["puskesmas", "bulan"], condition=Q(current=True), name="one_current_closing_a_month"
            ),
        ]

    def __str__(self) -> str:
        return f"Tutup bulan {self.puskesmas} {self.bulan:%m-%Y} versi {self.version}"
