"""What each meja records about a visit: measurements (meja 2, with the growth results derived
at meja 3), counselling and PMT (meja 4), services and screening by a health worker (meja 5).
Each has a `version`, raised on every save, so a concurrent edit of the same table is caught."""

from django.conf import settings
from django.db import models

from visits.growth.indices import LYING, STANDING, UNKNOWN

from .visit import Visit


class Record(models.Model):
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.visit}"


POSITIONS = [(UNKNOWN, "Sesuai umur"), (LYING, "Berbaring (PB)"), (STANDING, "Berdiri (TB)")]


class Measurement(Record):
    """Meja 2: penimbangan dan pengukuran; plus the growth results computed from them."""

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="measurement")
    berat_kg = models.DecimalField("berat badan", max_digits=5, decimal_places=2, null=True, blank=True)
    tinggi_cm = models.DecimalField(
        "panjang/tinggi badan", max_digits=5, decimal_places=1, null=True, blank=True
    )
    cara_ukur = models.PositiveSmallIntegerField("cara ukur", choices=POSITIONS, default=UNKNOWN)
    lingkar_kepala_cm = models.DecimalField(
        "lingkar kepala", max_digits=4, decimal_places=1, null=True, blank=True
    )
    lila_cm = models.DecimalField("LiLA", max_digits=4, decimal_places=1, null=True, blank=True)
    lingkar_perut_cm = models.DecimalField(
        "lingkar perut", max_digits=4, decimal_places=1, null=True, blank=True
    )
    sistol = models.PositiveSmallIntegerField("tekanan darah sistol", null=True, blank=True)
    diastol = models.PositiveSmallIntegerField("tekanan darah diastol", null=True, blank=True)
    gula_darah = models.PositiveSmallIntegerField("gula darah sewaktu", null=True, blank=True)
    hb = models.DecimalField("hemoglobin (Hb)", max_digits=4, decimal_places=1, null=True, blank=True)
    # Derived by the growth engine (children 0–19 years); recomputed on every correction.
    umur_hari = models.PositiveIntegerField(null=True, blank=True)
    z_bbu = models.FloatField(null=True, blank=True)
    z_pbu = models.FloatField(null=True, blank=True)
    z_bbpb = models.FloatField(null=True, blank=True)
    z_imtu = models.FloatField(null=True, blank=True)
    z_lku = models.FloatField(null=True, blank=True)
    z_lilau = models.FloatField(null=True, blank=True)
    status_bbu = models.CharField(max_length=40, blank=True)
    status_pbu = models.CharField(max_length=40, blank=True)
    status_bbpb = models.CharField(max_length=40, blank=True)
    status_imtu = models.CharField(max_length=40, blank=True)
    implausible = models.CharField("indeks tidak masuk akal", max_length=60, blank=True)
    kms = models.CharField("KMS", max_length=1, blank=True)  # N, T, O or B
    two_t = models.BooleanField("2T", default=False)
    bgm = models.BooleanField("BGM", default=False)
    flags = models.CharField("di luar normal", max_length=200, blank=True)

    class Meta:
        verbose_name = "pengukuran"
        verbose_name_plural = "pengukuran"


class Counselling(Record):
    """Meja 4: penyuluhan and PMT (pemberian makanan tambahan)."""

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="counselling")
    topik = models.CharField("topik penyuluhan", max_length=200, blank=True)
    catatan = models.TextField("catatan", blank=True)
    pmt = models.BooleanField("diberi PMT", default=False)
    pmt_jenis = models.CharField("jenis PMT", max_length=100, blank=True)

    class Meta:
        verbose_name = "penyuluhan"
        verbose_name_plural = "penyuluhan"


class Care(Record):
    """Meja 5: pelayanan kesehatan by a health worker: immunisation, supplements, screening."""

    VITAMIN_A = [
        ("", "Tidak"),
        ("biru", "Biru (100.000 IU, 6–11 bulan)"),
        ("merah", "Merah (200.000 IU, 12–59 bulan)"),
    ]
    PERKEMBANGAN = [("", "Tidak diperiksa"), ("sesuai", "Sesuai"), ("meragukan", "Meragukan"),
                    ("penyimpangan", "Ada penyimpangan")]  # fmt: skip
    KB = [("", "Tidak"), ("konseling", "Konseling KB"), ("pil", "Pil"), ("suntik", "Suntik"),
          ("kondom", "Kondom"), ("implan", "Implan"), ("iud", "IUD")]  # fmt: skip

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="care")
    imunisasi = models.JSONField("imunisasi diberikan", default=list, blank=True)
    vitamin_a = models.CharField("vitamin A", max_length=5, choices=VITAMIN_A, blank=True)
    obat_cacing = models.BooleanField("obat cacing", default=False)
    asi_eksklusif = models.BooleanField("ASI eksklusif", null=True, blank=True)
    perkembangan = models.CharField(
        "perkembangan (ceklis/KPSP)", max_length=12, choices=PERKEMBANGAN, blank=True
    )
    ttd_tablet = models.PositiveSmallIntegerField(
        "tablet tambah darah (TTD) diberikan", null=True, blank=True
    )
    kunjungan_anc = models.PositiveSmallIntegerField("kunjungan ANC ke- (Buku KIA)", null=True, blank=True)
    kelas_ibu_hamil = models.BooleanField("ikut kelas ibu hamil", default=False)
    tanda_bahaya = models.BooleanField("ada tanda bahaya", default=False)
    vitamin_a_nifas = models.BooleanField("vitamin A nifas", default=False)
    kb = models.CharField("KB", max_length=10, choices=KB, blank=True)
    asi = models.BooleanField("menyusui (ASI)", null=True, blank=True)
    merokok = models.BooleanField("merokok", null=True, blank=True)
    gejala_tbc = models.JSONField("gejala TBC", default=list, blank=True)
    puma_skor = models.PositiveSmallIntegerField("skor PUMA (PPOK)", null=True, blank=True)
    sdq_skor = models.PositiveSmallIntegerField("skor SDQ (total kesulitan, 0–40)", null=True, blank=True)
    srq20_skor = models.PositiveSmallIntegerField("skor SRQ-20", null=True, blank=True)
    skilas = models.JSONField("SKILAS positif", default=list, blank=True)
    aks_skor = models.PositiveSmallIntegerField("skor AKS (0–20)", null=True, blank=True)
    catatan = models.TextField("catatan petugas", blank=True)

    class Meta:
        verbose_name = "pelayanan"
        verbose_name_plural = "pelayanan"
