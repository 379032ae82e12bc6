"""One immunisation dose of a person: the history the card, the DOFU list and the reports read.

A dose given at a visit (meja 5) is written by the same service as one typed from the Buku KIA
or reported from another health facility, so there is one source of truth per antigen.
"""

from django.conf import settings
from django.db import models

from registry.models import Person

from .visit import Visit


class Tempat(models.TextChoices):
    POSYANDU = "posyandu", "Di Posyandu"
    FASYANKES = "fasyankes", "Di fasyankes lain"
    BUKU_KIA = "buku_kia", "Disalin dari Buku KIA"
    # HB0 typed on Catat kelahiran: given where the baby was born (visits.immunisation_services)
    KELAHIRAN = "kelahiran", "Saat lahir (catatan kelahiran)"


class Dose(models.Model):
    """An antigen of the national schedule (visits.service_windows.SCHEDULE) given on a date;
    the dose number is part of the antigen's name (OPV2, DPT-HB-Hib3), so one row per antigen."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="doses")
    antigen = models.CharField("imunisasi", max_length=12)
    tanggal = models.DateField("tanggal diberikan")
    tempat = models.CharField("tempat", max_length=10, choices=Tempat.choices, default=Tempat.POSYANDU)
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, null=True, blank=True, related_name="doses")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "dosis imunisasi"
        verbose_name_plural = "dosis imunisasi"
        constraints = [
            models.UniqueConstraint(fields=["person", "antigen"], name="dose_once_per_antigen"),
        ]
        # by antigen for the schedule pages; by date alone for the month's reports and recaps
        indexes = [models.Index(fields=["antigen", "tanggal"]), models.Index(fields=["tanggal"])]

    def __str__(self) -> str:
        return f"{self.antigen} {self.tanggal:%d-%m-%Y}"
