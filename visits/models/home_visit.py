"""What a kader found on a home visit (kunjungan rumah) made for one reason in one month."""

from django.conf import settings
from django.db import models

from registry.models import Person, Posyandu

from .visit import Visit


class HomeVisitResult(models.TextChoices):
    DILAYANI = "dilayani", "Ditemui dan dilayani"
    DIRUJUK = "dirujuk", "Dirujuk"
    TIDAK_DITEMUI = "tidak_ditemui", "Tidak ditemui"
    PINDAH = "pindah", "Pindah"
    MENOLAK = "menolak", "Menolak"


class HomeVisitOutcome(models.Model):
    """Closes one reason (kode, see visits/home_visit_reasons.py) for a person for one month
    (`bulan`, its first day). Kept as history; the reason returns next month if it still holds."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="home_visit_outcomes")
    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    kode = models.CharField("alasan", max_length=20)
    bulan = models.DateField("bulan")
    alasan = models.CharField("alasan saat dikunjungi", max_length=200)
    hasil = models.CharField("hasil kunjungan", max_length=15, choices=HomeVisitResult)
    catatan = models.CharField("catatan", max_length=200, blank=True)
    tanggal = models.DateField("tanggal kunjungan")
    visit = models.ForeignKey(Visit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-bulan", "-dicatat_at"]
        verbose_name = "hasil kunjungan rumah"
        verbose_name_plural = "hasil kunjungan rumah"
        constraints = [
            models.UniqueConstraint(fields=["person", "kode", "bulan"], name="one_outcome_a_reason_a_month"),
        ]
        indexes = [models.Index(fields=["posyandu", "bulan"])]

    def __str__(self) -> str:
        return f"{self.person} {self.kode} {self.bulan:%m-%Y}: {self.get_hasil_display()}"
