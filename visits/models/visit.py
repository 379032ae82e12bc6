"""Opening days (hari buka) and visits, at the Posyandu or at home (kunjungan rumah)."""

from django.conf import settings
from django.db import models

from registry.models import Person, Posyandu


class OpeningDay(models.Model):
    """One hari buka of a Posyandu: the day its five tables (meja) are open."""

    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="opening_days")
    tanggal = models.DateField("tanggal")
    dibuka_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal"]
        verbose_name = "hari buka"
        verbose_name_plural = "hari buka"
        constraints = [models.UniqueConstraint(fields=["posyandu", "tanggal"], name="one_opening_day_a_date")]

    def __str__(self) -> str:
        return f"{self.posyandu} {self.tanggal:%d-%m-%Y}"


class VisitKind(models.TextChoices):
    HARI_BUKA = "hari_buka", "Hari buka Posyandu"
    RUMAH = "rumah", "Kunjungan rumah"


class ActiveVisitManager(models.Manager):
    """Visits still in the register: one removed from the queue by mistake counts nowhere."""

    def get_queryset(self):
        return super().get_queryset().filter(dihapus_at__isnull=True)


class Visit(models.Model):
    """A person seen on a date. It keeps the Posyandu where it happened, even if the household
    moves later. Each meja writes its own record and time stamp, so kader at different tables
    never overwrite each other. A person put in the queue by mistake is removed by setting
    `dihapus_at` (kept, with who removed it, for the audit); `Visit.objects` leaves them out,
    `Visit.all_objects` sees them."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="visits")
    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="visits")
    opening_day = models.ForeignKey(
        OpeningDay, on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    jenis = models.CharField("jenis kunjungan", max_length=10, choices=VisitKind, default=VisitKind.HARI_BUKA)
    tanggal = models.DateField("tanggal")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    meja2_at = models.DateTimeField(null=True, blank=True)
    meja3_at = models.DateTimeField(null=True, blank=True)
    meja4_at = models.DateTimeField(null=True, blank=True)
    meja5_at = models.DateTimeField(null=True, blank=True)
    dihapus_at = models.DateTimeField("dihapus dari antrean", null=True, blank=True)
    dihapus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ActiveVisitManager()
    all_objects = models.Manager()  # noqa: DJ012 (ruff takes a plain Manager for a field)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "kunjungan"
        verbose_name_plural = "kunjungan"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "opening_day"],
                condition=models.Q(dihapus_at__isnull=True),
                name="one_visit_a_person_a_day",
            ),
        ]
        indexes = [
            models.Index(fields=["posyandu", "tanggal"]),
            models.Index(fields=["person", "tanggal"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.tanggal:%d-%m-%Y}"

    @property
    def umur(self) -> str:
        """The person's age on the visit's day ("9 bulan"), the one every page of the visit shows:
        a correction weeks later still shows the age of that day."""
        return self.person.umur_on(self.tanggal)

    def meja_done(self, meja: int) -> bool:
        return meja == 1 or getattr(self, f"meja{meja}_at") is not None

    def has_records(self) -> bool:
        """Anything recorded at meja 2–5; such a visit is corrected, never removed."""
        return any(self.meja_done(meja) for meja in range(2, 6))
