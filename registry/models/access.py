"""Who a user is in the health system, and so which area they may see."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .wilayah import KabKota, Posyandu, Puskesmas


class Role(models.TextChoices):
    KADER = "kader", "Kader Posyandu"
    PUSKESMAS = "puskesmas", "Petugas Puskesmas"
    DINKES = "dinkes", "Dinas Kesehatan Kab/Kota"
    ADMIN = "admin", "Administrator"


class Profile(models.Model):
    """A user's role and area: a kader has one Posyandu, Puskesmas staff one Puskesmas (its
    wilayah kerja), Dinkes staff one Kab/Kota; an admin sees everything."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField("peran", max_length=10, choices=Role)
    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, null=True, blank=True)
    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.PROTECT, null=True, blank=True)
    kab_kota = models.ForeignKey(
        KabKota, on_delete=models.PROTECT, null=True, blank=True, verbose_name="kab/kota"
    )

    class Meta:
        verbose_name = "profil pengguna"
        verbose_name_plural = "profil pengguna"
        constraints = [
            models.CheckConstraint(
                name="profile_area_matches_role",
                condition=(
                    Q(role="kader", posyandu__isnull=False, puskesmas__isnull=True, kab_kota__isnull=True)
                    | Q(
                        role="puskesmas",
                        posyandu__isnull=True,
                        puskesmas__isnull=False,
                        kab_kota__isnull=True,
                    )
                    | Q(role="dinkes", posyandu__isnull=True, puskesmas__isnull=True, kab_kota__isnull=False)
                    | Q(role="admin", posyandu__isnull=True, puskesmas__isnull=True, kab_kota__isnull=True)
                ),
                violation_error_message=(
                    "Kader diisi Posyandu, petugas Puskesmas diisi Puskesmas, Dinkes diisi "
                    "Kab/Kota, admin tidak diisi wilayah."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def area(self):
        """The Posyandu, Puskesmas or Kab/Kota this user works in (None for an admin)."""
        return self.posyandu or self.puskesmas or self.kab_kota
