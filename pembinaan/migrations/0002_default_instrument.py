"""The default lomba instrument.

Source: composed by the project team after the structure shared by the regional lomba Posyandu
instruments of Provinsi Jawa Barat (2018, 2019), Kabupaten Kuningan (2021) and Kota Bandung
(2020): weighted criteria each scored 1–4 over kelembagaan (SK), pengurus and rencana kerja,
kader, sarana, kegiatan, cakupan and administrasi; the thresholds of the Posyandu strata
indicators (at least 8 opening days a year, at least 5 kader, D/S at least 50%); and KMK
HK.01.07/MENKES/2015/2023 (Posyandu set by Perdes/Perbup, L422; serving the whole life cycle,
L424; standard information system, L457; PWS follow-up, L1049). Weights and cut points are the
team's choice, to be adapted by each Puskesmas or Dinkes (docs/domain.md).
"""

from django.db import migrations

NAME = "Instrumen bawaan penilaian Posyandu ILP"
SOURCE = (
    "Disusun tim aplikasi mengikuti susunan instrumen lomba Posyandu Provinsi Jawa Barat "
    "(2018, 2019), Kabupaten Kuningan (2021) dan Kota Bandung (2020): kriteria berbobot, skor 1–4, "
    "untuk kelembagaan, pengurus, kader, sarana, kegiatan, cakupan dan administrasi; indikator "
    "strata Posyandu (hari buka ≥ 8 kali/tahun, ≥ 5 kader, D/S ≥ 50%); KMK HK.01.07/MENKES/2015/2023 "
    "(Posyandu ditetapkan Perdes/Perbup; melayani seluruh siklus hidup). Bobot dan ambang skor "
    "adalah pilihan tim; sesuaikan dengan instrumen daerah."
)

# (kode, kelompok, nama, bobot, data_source, guide for scores 1..4)
CRITERIA = [
    ("sk", "Kelembagaan", "SK pembentukan Posyandu (Perdes/SK Kepala Desa)", 5, "",
     ("Tidak ada SK", "SK ada tetapi sudah tidak berlaku", "SK berlaku",
      "SK berlaku dan Posyandu tercantum dalam Perdes/LKD")),
    ("pengurus", "Kelembagaan", "Struktur pengurus dan rencana kerja tahunan", 5, "",
     ("Tidak ada", "Ada pengurus, tanpa rencana kerja", "Ada pengurus dan rencana kerja",
      "Rencana kerja dijalankan dan dievaluasi")),
    ("kader", "Kader", "Jumlah kader aktif", 10, "",
     ("Kurang dari 3 kader", "3–4 kader", "5–6 kader", "7 kader atau lebih")),
    ("sarana", "Sarana", "Sarana: tempat, dacin/timbangan, alat ukur panjang/tinggi, pita LiLA, tensimeter", 10, "",
     ("Tidak ada tempat tetap, alat tidak lengkap", "Tempat ada, alat kurang dari separuh",
      "Tempat ada, alat sebagian besar lengkap", "Tempat layak, semua alat lengkap dan berfungsi")),
    ("hari_buka", "Kegiatan", "Hari buka dalam setahun", 10, "hari_buka",
     ("Kurang dari 4 kali", "4–7 kali", "8–11 kali", "12 kali")),
    ("ds", "Kegiatan", "Partisipasi penimbangan D/S kumulatif", 10, "ds",
     ("Kurang dari 25%", "25% – < 50%", "50% – < 85%", "85% atau lebih")),
    ("nd", "Kegiatan", "Keberhasilan penimbangan N/D kumulatif", 5, "nd",
     ("Kurang dari 40%", "40% – < 60%", "60% – < 80%", "80% atau lebih")),
    ("ks", "Kegiatan", "Balita memiliki Buku KIA (K/S)", 5, "ks",
     ("Kurang dari 50%", "50% – < 75%", "75% – < 90%", "90% atau lebih")),
    ("siklus_hidup", "Kegiatan", "Pelayanan seluruh siklus hidup (ibu hamil, balita, remaja, dewasa, lansia)", 5, "",
     ("Hanya satu kelompok sasaran", "Dua kelompok", "Tiga atau empat kelompok", "Semua kelompok siklus hidup")),
    ("vitamin_a", "Cakupan", "Cakupan vitamin A balita (Februari dan Agustus)", 5, "vitamin_a",
     ("Kurang dari 50%", "50% – < 70%", "70% – < 85%", "85% atau lebih")),
    ("imunisasi", "Cakupan", "Cakupan imunisasi dasar lengkap", 5, "",
     ("Kurang dari 50%", "50% – < 80%", "80% – < 95%", "95% atau lebih")),
    ("rujukan", "Cakupan", "Rujukan yang ditindaklanjuti", 10, "rujukan",
     ("Kurang dari 50%", "50% – < 75%", "75% – < 90%", "90% atau lebih")),
    ("pencatatan", "Administrasi", "Pencatatan dan pelaporan (aplikasi/SIP, laporan bulanan tepat waktu)", 10, "",
     ("Tidak ada pencatatan", "Buku ada, laporan tidak rutin", "Tercatat dan laporan rutin",
      "Tercatat di aplikasi dan laporan selalu tepat waktu")),
    ("dukungan", "Partisipasi", "Kegiatan tambahan dan dukungan dana (Dana Desa, dana sehat)", 5, "",
     ("Tidak ada", "Ada salah satu", "Ada keduanya", "Ada keduanya dan berkelanjutan")),
]


def create(apps, schema_editor):
    Instrument = apps.get_model("pembinaan", "Instrument")
    Criterion = apps.get_model("pembinaan", "Criterion")
    instrument = Instrument.objects.create(nama=NAME, sumber=SOURCE)
    for order, (kode, kelompok, nama, bobot, source, guide) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(
            instrument=instrument, kode=kode, kelompok=kelompok, nama=nama, bobot=bobot,
            data_source=source, urutan=order,
            panduan_1=guide[0], panduan_2=guide[1], panduan_3=guide[2], panduan_4=guide[3],
        )  # fmt: skip


def remove(apps, schema_editor):
    apps.get_model("pembinaan", "Instrument").objects.filter(nama=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("pembinaan", "0001_lomba_instrument_rounds_scores")]
    operations = [migrations.RunPython(create, remove)]
