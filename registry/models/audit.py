"""Who opened or exported a person's data, and who tried identifiers registered elsewhere."""

from django.conf import settings
from django.db import models

from .people import Household, Person
from .wilayah import Posyandu


class AccessAction(models.TextChoices):
    LIHAT = "lihat", "Membuka halaman warga/keluarga"
    EKSPOR = "ekspor", "Mengekspor data warga"
    NIK_LAIN = "nik_lain", "Mengisi NIK yang terdaftar di wilayah lain"
    KK_LAIN = "kk_lain", "Mengisi No. KK yang terdaftar di wilayah lain"


class AccessLog(models.Model):
    """One read or probe. `posyandu` is where the data lived at that moment: the Puskesmas and
    Dinkes of that area review the log (registry.scoping)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField("tindakan", max_length=10, choices=AccessAction)
    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    household = models.ForeignKey(
        Household, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What was exported ("Register bayi & balita 2026"); empty for a page read or a probe.
    keterangan = models.CharField("keterangan", max_length=120, blank=True)
    at = models.DateTimeField("waktu", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "catatan akses data warga"
        verbose_name_plural = "catatan akses data warga"
        indexes = [models.Index(fields=["user", "action", "at"])]

    def __str__(self) -> str:
        return f"{self.user} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"
