"""Referrals derived from visits, and the audit history of every change to a visit."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .visit import Visit


class Referral(models.Model):
    """A rujukan flag derived by rule (visits/referral_rules.py); staff mark the follow-up.

    A referral is never deleted once made: when a correction removes its reason before anyone
    followed it up, it is marked dibatalkan (who, when, why) and leaves the open ones only.
    """

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="referrals")
    kode = models.CharField(max_length=20)
    alasan = models.CharField("alasan", max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    ditindaklanjuti_at = models.DateTimeField("ditindaklanjuti", null=True, blank=True)
    ditindaklanjuti_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    catatan_tindak_lanjut = models.CharField("catatan tindak lanjut", max_length=200, blank=True)
    dibatalkan_at = models.DateTimeField("dibatalkan", null=True, blank=True)
    dibatalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    alasan_pembatalan = models.CharField("alasan pembatalan", max_length=200, blank=True)
    # The outcome of the follow-up, as the referral slip and its rujuk balik tell it.
    dirujuk_ke = models.CharField("dirujuk ke", max_length=100, blank=True)
    sampai = models.BooleanField("sampai di tempat rujukan", null=True, blank=True)
    hasil = models.CharField("hasil pemeriksaan", max_length=200, blank=True)
    rujuk_balik = models.CharField("catatan rujuk balik", max_length=200, blank=True)

    class Meta:
        ordering = ["-visit__tanggal", "visit_id", "id"]
        verbose_name = "rujukan"
        verbose_name_plural = "rujukan"
        constraints = [
            models.UniqueConstraint(fields=["visit", "kode"], name="one_referral_a_reason"),
            models.CheckConstraint(  # a followed-up referral is never cancelled
                condition=Q(ditindaklanjuti_at__isnull=True) | Q(dibatalkan_at__isnull=True),
                name="referral_followed_up_or_cancelled",
            ),
        ]
        indexes = [models.Index(fields=["ditindaklanjuti_at"])]

    def __str__(self) -> str:
        return self.alasan

    @property
    def is_open(self) -> bool:
        return self.ditindaklanjuti_at is None and self.dibatalkan_at is None


class AuditEntry(models.Model):
    """Who changed which table of a visit, when, with the values before and after."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="audit")
    meja = models.PositiveSmallIntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "riwayat perubahan"
        verbose_name_plural = "riwayat perubahan"

    def __str__(self) -> str:
        return f"meja {self.meja} {self.at:%d-%m-%Y %H.%M}"

    def changes(self) -> list[tuple[str, object, object]]:
        keys = sorted(set(self.before) | set(self.after))
        return [
            (k, self.before.get(k), self.after.get(k))
            for k in keys
            if self.before.get(k) != self.after.get(k)
        ]
