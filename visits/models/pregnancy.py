"""Pregnancy episodes (kehamilan): one row per pregnancy of a woman, with its antenatal
contacts (K1–K6), MT days for KEK, the nifas and neonatal visits (KF1–KF4, KN1–KN3) copied from
the Buku KIA, and the Td doses (T1–T5) of women of reproductive age.

The open episode (no outcome yet) is the source of truth for "hamil"; the services copy its
HPHT and outcome date onto `Person.hpht` / `Person.tanggal_persalinan`, which the life-cycle
queries read."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from registry import lifecycle
from registry.models import Person
from registry.validators import validate_not_future


class Outcome(models.TextChoices):
    LAHIR_HIDUP = "lahir_hidup", "Lahir hidup"
    LAHIR_MATI = "lahir_mati", "Lahir mati"
    ABORTUS = "abortus", "Abortus (keguguran)"


class Pregnancy(models.Model):
    """One pregnancy. Gravida/para/abortus are as told at registration (G-P-A on the Buku KIA);
    null for episodes migrated from the former HPHT field, until a kader fills them in."""

    ibu = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="kehamilan")
    hpht = models.DateField("HPHT", validators=[validate_not_future])
    gravida = models.PositiveSmallIntegerField("hamil ke- (G)", null=True, blank=True)
    para = models.PositiveSmallIntegerField("persalinan sebelumnya (P)", null=True, blank=True)
    abortus = models.PositiveSmallIntegerField("keguguran sebelumnya (A)", null=True, blank=True)
    persalinan_terakhir = models.DateField(
        "tanggal persalinan terakhir", null=True, blank=True, validators=[validate_not_future]
    )
    hasil = models.CharField("hasil kehamilan", max_length=12, choices=Outcome, blank=True)
    tanggal_hasil = models.DateField(
        "tanggal persalinan/keguguran", null=True, blank=True, validators=[validate_not_future]
    )
    berat_lahir_gram = models.PositiveSmallIntegerField("berat lahir (gram)", null=True, blank=True)
    bayi = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="bayi"
    )
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-hpht", "-id"]
        verbose_name = "kehamilan"
        verbose_name_plural = "kehamilan"
        constraints = [
            models.UniqueConstraint(
                fields=["ibu"],
                condition=models.Q(hasil=""),
                name="one_open_pregnancy",
                violation_error_message="Ibu ini masih punya kehamilan yang belum selesai.",
            ),
            models.CheckConstraint(
                condition=models.Q(hasil="", tanggal_hasil__isnull=True)
                | (~models.Q(hasil="") & models.Q(tanggal_hasil__isnull=False)),
                name="outcome_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ibu} HPHT {self.hpht:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return not self.hasil

    def clean(self) -> None:
        errors = {}
        ibu = self.ibu if self.ibu_id else None
        if ibu and self.hpht:
            if error := lifecycle.pregnancy_age_error(ibu.tanggal_lahir, self.hpht, ibu.jenis_kelamin):
                errors["hpht"] = error
            elif self.is_open and (other := self._other_open()):
                errors["hpht"] = f"Ibu ini masih hamil (HPHT {other.hpht:%d-%m-%Y}): catat hasilnya dulu."
        if self.hpht and self.persalinan_terakhir and self.persalinan_terakhir >= self.hpht:
            errors["persalinan_terakhir"] = "Persalinan terakhir harus sebelum HPHT kehamilan ini."
        if self.hpht and self.tanggal_hasil and self.tanggal_hasil < self.hpht:
            errors["tanggal_hasil"] = f"Tanggal ini tidak boleh sebelum HPHT ({self.hpht:%d-%m-%Y})."
        if self.gravida is not None and (self.para or 0) + (self.abortus or 0) >= self.gravida:
            errors["gravida"] = "Hamil ke- harus lebih dari jumlah persalinan dan keguguran sebelumnya."
        if errors:
            raise ValidationError(errors)

    def date_error(self, day) -> str | None:
        """Why `day` cannot be a date of this pregnancy (a contact, MT): before HPHT or after
        its outcome."""
        if day < self.hpht:
            return f"Tanggal ini tidak boleh sebelum HPHT ({self.hpht:%d-%m-%Y})."
        if self.tanggal_hasil and day > self.tanggal_hasil:
            return f"Tanggal ini tidak boleh sesudah kehamilan selesai ({self.tanggal_hasil:%d-%m-%Y})."
        return None

    def _other_open(self):
        others = Pregnancy.objects.filter(ibu_id=self.ibu_id, hasil="").exclude(pk=self.pk)
        return others.first()


class ContactSource(models.TextChoices):
    BUKU_KIA = "buku_kia", "Disalin dari Buku KIA"
    POSYANDU = "posyandu", "Di Posyandu"


class Nakes(models.TextChoices):
    DOKTER = "dokter", "Dokter"
    BIDAN = "bidan", "Bidan"
    PERAWAT = "perawat", "Perawat"


class AncContact(models.Model):
    """An antenatal contact (K1, K2, …) with its date; the trimester follows from the HPHT."""

    kehamilan = models.ForeignKey(Pregnancy, on_delete=models.CASCADE, related_name="kontak")
    ke = models.PositiveSmallIntegerField(
        "kontak ke- (K)",
        validators=[MinValueValidator(1, "Minimal K1."), MaxValueValidator(12, "Maksimal K12.")],
    )
    tanggal = models.DateField("tanggal", validators=[validate_not_future])
    oleh = models.CharField("diperiksa oleh", max_length=8, choices=Nakes)
    sumber = models.CharField("sumber", max_length=10, choices=ContactSource, default=ContactSource.BUKU_KIA)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["tanggal", "ke"]
        verbose_name = "kontak ANC"
        verbose_name_plural = "kontak ANC"
        constraints = [
            models.UniqueConstraint(
                fields=["kehamilan", "ke"], name="one_contact_number",
                violation_error_message="Kontak ke- ini sudah dicatat.",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"K{self.ke} {self.tanggal:%d-%m-%Y}"

    def clean(self) -> None:
        if self.kehamilan_id and self.tanggal and (error := self.kehamilan.date_error(self.tanggal)):
            raise ValidationError({"tanggal": error})


class SupplementaryFood(models.Model):
    """MT (makanan tambahan) given to an ibu hamil KEK: from a date, for a number of days."""

    kehamilan = models.ForeignKey(Pregnancy, on_delete=models.CASCADE, related_name="mt")
    tanggal = models.DateField("tanggal mulai", validators=[validate_not_future])
    hari = models.PositiveSmallIntegerField(
        "jumlah hari",
        validators=[MinValueValidator(1, "Minimal 1 hari."), MaxValueValidator(180, "Maksimal 180 hari.")],
    )
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["tanggal", "id"]
        verbose_name = "makanan tambahan (MT)"
        verbose_name_plural = "makanan tambahan (MT)"

    def __str__(self) -> str:
        return f"MT {self.tanggal:%d-%m-%Y} {self.hari} hari"

    def clean(self) -> None:
        if self.kehamilan_id and self.tanggal and (error := self.kehamilan.date_error(self.tanggal)):
            raise ValidationError({"tanggal": error})


class PostnatalKind(models.TextChoices):
    KF1 = "KF1", "KF1 (ibu, 6 jam–2 hari)"
    KF2 = "KF2", "KF2 (ibu, 3–7 hari)"
    KF3 = "KF3", "KF3 (ibu, 8–28 hari)"
    KF4 = "KF4", "KF4 (ibu, 29–42 hari)"
    KN1 = "KN1", "KN1 (bayi, 6–48 jam)"
    KN2 = "KN2", "KN2 (bayi, 3–7 hari)"
    KN3 = "KN3", "KN3 (bayi, 8–28 hari)"


class PostnatalContact(models.Model):
    """A nifas (KF) or neonatal (KN) visit by a health worker, copied from the Buku KIA."""

    kehamilan = models.ForeignKey(Pregnancy, on_delete=models.CASCADE, related_name="nifas")
    jenis = models.CharField("kunjungan", max_length=3, choices=PostnatalKind)
    tanggal = models.DateField("tanggal", validators=[validate_not_future])
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["tanggal", "jenis"]
        verbose_name = "kunjungan nifas/neonatal"
        verbose_name_plural = "kunjungan nifas/neonatal"
        constraints = [
            models.UniqueConstraint(
                fields=["kehamilan", "jenis"], name="one_postnatal_kind",
                violation_error_message="Kunjungan ini sudah dicatat.",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.jenis} {self.tanggal:%d-%m-%Y}"

    def clean(self) -> None:
        episode = self.kehamilan if self.kehamilan_id else None
        if episode is None or not self.tanggal:
            return
        if episode.hasil not in (Outcome.LAHIR_HIDUP, Outcome.LAHIR_MATI):
            raise ValidationError({"jenis": "Catat persalinan lebih dulu."})
        if self.jenis.startswith("KN") and episode.hasil != Outcome.LAHIR_HIDUP:
            raise ValidationError({"jenis": "Kunjungan neonatal hanya untuk bayi lahir hidup."})
        if self.tanggal < episode.tanggal_hasil:
            born = f"{episode.tanggal_hasil:%d-%m-%Y}"
            raise ValidationError({"tanggal": f"Tanggal ini tidak boleh sebelum persalinan ({born})."})


class TdDose(models.Model):
    """A Td (tetanus-diphtheria) dose T1–T5 of a woman, from her card or given at the Posyandu."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="td_doses")
    dosis = models.PositiveSmallIntegerField("dosis (T)", choices=[(n, f"T{n}") for n in range(1, 6)])
    tanggal = models.DateField("tanggal", validators=[validate_not_future])
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["dosis"]
        verbose_name = "imunisasi Td"
        verbose_name_plural = "imunisasi Td"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "dosis"], name="one_td_dose",
                violation_error_message="Dosis ini sudah dicatat.",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"T{self.dosis} {self.tanggal:%d-%m-%Y}"
