"""The shipped defaults, each with its source (docs/domain.md, "Kader and Posyandu strata").

- 25 keterampilan dasar in 5 areas: Kemenkes 2023–2024 kader curriculum (Plataran Sehat), as
  reported by secondary sources (kesmas-id; dinkes.metrokota.go.id). The five areas are
  confirmed by those sources; the wording of each skill is reconstructed from them and is not
  checked against the primary curriculum text: edit it in the admin when the official list is
  at hand.
- TKK levels purwa / madya / utama: the names are in the same secondary sources; the thresholds
  (1, 3, 5 mastered areas) are an assumption to be confirmed locally.
- Strata: the table of Pedoman Umum Pengelolaan Posyandu (Kemenkes 2011).
- Posyandu aktif: Kemenkes Promkes, "Penjelasan DO indikator Posyandu aktif" (24-05-2023).
"""

from django.db import migrations

SKILL_SOURCE = "Kurikulum 25 keterampilan dasar kader, Kemenkes 2023 (sumber sekunder; rumusan belum dicek)"
AREAS = [
    ("A", "Pengelolaan Posyandu", [
        "Menjelaskan paket layanan Posyandu untuk setiap sasaran siklus hidup",
        "Melakukan pencatatan dan pelaporan",
        "Melakukan kunjungan rumah",
    ]),
    ("B", "Bayi dan balita", [
        "Menjelaskan penggunaan Buku KIA bagi bayi dan balita",
        "Menjelaskan ASI eksklusif",
        "Menjelaskan MP-ASI kaya protein hewani",
        "Melakukan penimbangan dan pengukuran (BB, PB/TB, LK, LiLA) serta membaca hasilnya",
        "Menjelaskan imunisasi rutin lengkap",
        "Mengenali tanda bahaya dan gejala sakit pada bayi dan balita",
        "Menjelaskan pemantauan perkembangan anak",
    ]),
    ("C", "Ibu hamil dan menyusui", [
        "Menjelaskan penggunaan Buku KIA bagi ibu hamil",
        "Menjelaskan Isi Piringku bagi ibu hamil dan menyusui",
        "Menjelaskan tablet tambah darah (TTD) bagi ibu hamil",
        "Menjelaskan pemeriksaan kehamilan (ANC) paling sedikit 6 kali",
        "Mengenali tanda bahaya kehamilan, persalinan dan nifas",
        "Menjelaskan KB pasca persalinan",
    ]),
    ("D", "Usia sekolah dan remaja", [
        "Menjelaskan Isi Piringku bagi usia sekolah dan remaja",
        "Menjelaskan TTD bagi remaja putri",
        "Menjelaskan kesehatan reproduksi remaja",
        "Menjelaskan bahaya merokok dan NAPZA",
    ]),
    ("E", "Usia dewasa dan lansia", [
        "Menjelaskan faktor risiko penyakit tidak menular (PTM)",
        "Melakukan pengukuran faktor risiko PTM (tekanan darah, lingkar perut, IMT)",
        "Melakukan wawancara deteksi dini TBC",
        "Melakukan skrining lansia (SKILAS, AKS)",
        "Menjelaskan pencegahan penyakit menular",
    ]),
]  # fmt: skip
TKK_SOURCE = "Nama tingkat: Kemenkes 2023 (sumber sekunder); ambang bidang: asumsi, konfirmasi ke Dinkes"
TKK = [("purwa", "Purwa", 1), ("madya", "Madya", 3), ("utama", "Utama", 5)]
STRATA_SOURCE = "Pedoman Umum Pengelolaan Posyandu, Kemenkes 2011 (tabel strata)"
AKTIF_SOURCE = "Kemenkes Promkes, Penjelasan DO indikator Posyandu aktif, 24-05-2023"
CRITERIA = [
    ("strata", "madya", "hari_buka", 8, STRATA_SOURCE),
    ("strata", "madya", "kader_bertugas", 5, STRATA_SOURCE),
    ("strata", "purnama", "ds", 50, STRATA_SOURCE),
    ("strata", "purnama", "kia", 50, STRATA_SOURCE),
    ("strata", "purnama", "kb", 50, STRATA_SOURCE),
    ("strata", "purnama", "imunisasi", 50, STRATA_SOURCE),
    ("strata", "purnama", "program_tambahan", 1, STRATA_SOURCE),
    ("strata", "mandiri", "dana_sehat", 50, STRATA_SOURCE),
    ("aktif", "", "hari_buka", 8, AKTIF_SOURCE),
    ("aktif", "", "kader_sk", 5, AKTIF_SOURCE),
    ("aktif", "", "layanan_sasaran", 1, AKTIF_SOURCE),
]


def add_defaults(apps, schema_editor):
    SkillArea, Skill = apps.get_model("kader", "SkillArea"), apps.get_model("kader", "Skill")
    for area_order, (code, name, skills) in enumerate(AREAS, start=1):
        area = SkillArea.objects.create(kode=code, nama=name, urutan=area_order, sumber=SKILL_SOURCE)
        for order, skill in enumerate(skills, start=1):
            Skill.objects.create(area=area, kode=f"{code}{order}", nama=skill, urutan=order)
    TkkLevel = apps.get_model("kader", "TkkLevel")
    for code, name, areas in TKK:
        TkkLevel.objects.create(kode=code, nama=name, min_bidang=areas, sumber=TKK_SOURCE)
    Criterion = apps.get_model("kader", "Criterion")
    for order, (scheme, level, indicator, minimum, source) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(
            skema=scheme, tingkat=level, indikator=indicator, minimum=minimum, sumber=source, urutan=order
        )


def remove_defaults(apps, schema_editor):
    for name in ("Criterion", "TkkLevel", "Skill", "SkillArea"):
        apps.get_model("kader", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("kader", "0001_kader_roster_skills_strata")]
    operations = [migrations.RunPython(add_defaults, remove_defaults)]
