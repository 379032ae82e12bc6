"""Changes to life-cycle records outside a visit's tables, for tutup bulan and usang recaps.

A visit's tables have their own history (visits.models.AuditEntry). The monthly figures also
count immunisation doses typed in, ANC contacts, MT, KF/KN, Td doses, pregnancies and their
outcome, births, deaths and departures: each service that saves one writes a RecordChange in
its transaction (registry.record_changes.record_change), so the tutup bulan page can list it and
a recap built before it is marked usang. History starts with this release: older records have
no entry, and no data migration makes one up.
"""

from django.conf import settings
from django.db import models

from .people import Person
from .wilayah import Posyandu


class ChangeKind(models.TextChoices):
    DOSIS = "dosis", "Imunisasi"
    KONTAK = "kontak", "Kontak ANC"
    MT = "mt", "MT ibu hamil KEK"
    NIFAS = "nifas", "KF/KN"
    TD = "td", "Imunisasi Td"
    KEHAMILAN = "kehamilan", "Kehamilan/hasil"
    KELAHIRAN = "kelahiran", "Kelahiran"
    KEMATIAN = "kematian", "Kematian"
    PINDAH = "pindah", "Pindah/aktif kembali"


class RecordChange(models.Model):
    """One life-cycle record saved: its date (`tanggal`: it counts in that month), where it
    counts (`posyandu`: the person's household's Posyandu at the end of that month, as
    reports.attribution counts it), who and when, and a short description without names."""

    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    tanggal = models.DateField("tanggal catatan")
    jenis = models.CharField("jenis", max_length=10, choices=ChangeKind)
    keterangan = models.CharField("keterangan", max_length=120)
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "perubahan catatan"
        verbose_name_plural = "perubahan catatan"
        indexes = [models.Index(fields=["posyandu", "tanggal"])]

    def __str__(self) -> str:
        return f"{self.keterangan} ({self.at:%d-%m-%Y %H.%M})"
