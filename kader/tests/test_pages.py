"""The kader and strata pages: forms refuse bad input beside the field and keep what was typed,
saves land in the database, lists take a constant number of queries."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kader.models import Attendance, Kader, NakesHadir, PosyanduTahun, Skill, SkillAssessment, Training
from kader.tests.conftest import YEAR, add_kader
from visits import services as visit_services

D = dt.date(2026, 11, 2)


def test_a_kader_adds_a_colleague_to_the_roster(world, login):
    data = {"nama": "Sri Wahyuni", "nik": "1872014505850002", "telepon": "0812-3456-7890",
            "sk_nomor": "SK 12/2025", "sk_tanggal": "2025-02-01", "mulai": "2024-07-01", "aktif": "on",
            "peran": "sekretaris"}  # fmt: skip
    response = login("kader_a").post(reverse("kader_create", args=[world.a.posyandu.pk]), data)
    kader = Kader.objects.get()
    assert response.url == reverse("kader_detail", args=[kader.pk])
    assert (kader.posyandu, kader.telepon, kader.peran) == (world.a.posyandu, "081234567890", "sekretaris")


def test_a_bad_nik_and_future_date_are_refused_beside_the_field_keeping_the_input(world, login):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    data = {
        "nama": "Sri Wahyuni",
        "nik": "12345",
        "sk_nomor": "",
        "mulai": tomorrow.isoformat(),
        "peran": "anggota",
    }
    response = login("kader_a").post(reverse("kader_create", args=[world.a.posyandu.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200 and not Kader.objects.exists()
    assert "16 digit" in page and "Tanggal tidak boleh sesudah hari ini." in page
    assert 'value="Sri Wahyuni"' in page


def test_a_sk_date_without_number_is_refused(world, login):
    data = {"nama": "Sri", "sk_tanggal": "2025-02-01", "peran": "anggota"}
    response = login("kader_a").post(reverse("kader_create", args=[world.a.posyandu.pk]), data)
    assert "Tanggal SK diisi bersama nomor SK." in response.content.decode()
    assert not Kader.objects.exists()


def test_a_duplicate_nik_is_refused(world, login):
    add_kader(world.a.posyandu, "Ani", nik="1872014505850002")
    data = {"nama": "Ani lagi", "nik": "1872014505850002", "peran": "anggota"}
    response = login("kader_a").post(reverse("kader_create", args=[world.a.posyandu.pk]), data)
    assert response.status_code == 200 and Kader.objects.count() == 1


def test_a_training_is_added_and_a_bad_one_refused(world, login):
    kader = add_kader(world.a.posyandu, "Ani")
    client = login("kader_a")
    url = reverse("kader_training_add", args=[kader.pk])
    bad = client.post(url, {"kursus": "Dasar", "tanggal": "", "penyelenggara": "Puskesmas A"})
    assert bad.status_code == 400 and 'value="Dasar"' in bad.content.decode()
    good = {"kursus": "25 keterampilan dasar", "tanggal": "2026-10-01", "penyelenggara": "Plataran Sehat",
            "sertifikat": "PS-2026-001"}  # fmt: skip
    assert client.post(url, good).status_code == 302
    assert Training.objects.get().sertifikat == "PS-2026-001"


def test_an_assessment_needs_at_least_one_result_and_keeps_the_notes(world, login):
    kader = add_kader(world.a.posyandu, "Ani")
    skill = Skill.objects.get(kode="B4")
    url = reverse("kader_assessment", args=[kader.pk])
    response = login("staff_a").post(
        url, {"tanggal": "2026-11-01", f"catatan_{skill.pk}": "ulang bulan depan"}
    )
    page = response.content.decode()
    assert "Pilih hasil untuk paling sedikit satu keterampilan." in page and "ulang bulan depan" in page
    assert not SkillAssessment.objects.exists()


def test_attendance_is_recorded_from_the_opening_day(world, login):
    ani, budi = add_kader(world.a.posyandu, "Ani"), add_kader(world.a.posyandu, "Budi")
    add_kader(world.a.posyandu, "Cici", aktif=False)
    day = visit_services.opening_day_open(posyandu=world.a.posyandu, tanggal=D, user=world.users["kader_a"])
    client = login("kader_a")
    assert (
        reverse("kader_attendance", args=[day.pk])
        in client.get(reverse("opening_day_detail", args=[day.pk])).content.decode()
    )
    form = client.get(reverse("kader_attendance", args=[day.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "Ani" in form and "Budi" in form and "Cici" not in form
    response = client.post(
        reverse("kader_attendance", args=[day.pk]), {f"meja_{ani.pk}": "2", f"meja_{budi.pk}": ""}
    )
    assert response.url == reverse("opening_day_detail", args=[day.pk])
    assert list(Attendance.objects.values_list("kader__nama", "meja")) == [("Ani", 2)]
    response = client.post(reverse("kader_attendance", args=[day.pk]), {f"meja_{ani.pk}": "9"})
    assert response.status_code == 200 and Attendance.objects.count() == 1


def test_nakes_present_are_recorded_with_the_kader_on_duty(world, login):
    ani = add_kader(world.a.posyandu, "Ani")
    day = visit_services.opening_day_open(posyandu=world.a.posyandu, tanggal=D, user=world.users["kader_a"])
    client, url = login("kader_a"), reverse("kader_attendance", args=[day.pk])
    data = {f"meja_{ani.pk}": "1", "nakes_nama_0": "Bd. Rina", "nakes_profesi_0": "bidan",
            "nakes_nama_2": "Yudi", "nakes_profesi_2": "gizi"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert list(NakesHadir.objects.values_list("opening_day", "nama", "profesi")) == [
        (day.pk, "Bd. Rina", "bidan"), (day.pk, "Yudi", "gizi"),
    ]  # fmt: skip
    form = client.get(url).content.decode()
    assert 'value="Bd. Rina"' in form and 'value="Yudi"' in form
    client.post(url, {f"meja_{ani.pk}": "1", "nakes_nama_0": "Bd. Rina", "nakes_profesi_0": "bidan"})
    assert list(NakesHadir.objects.values_list("nama", flat=True)) == ["Bd. Rina"]  # replaced, not added


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ({"nakes_nama_1": "Bd. Rina"}, "nakes_profesi_1", "Pilih profesi tenaga kesehatan ini."),
        ({"nakes_profesi_1": "perawat"}, "nakes_nama_1", "Isi nama tenaga kesehatan."),
        (
            {"nakes_nama_1": "Bd. Rina", "nakes_profesi_1": "dukun"},
            "nakes_profesi_1",
            "Pilih profesi dari daftar.",
        ),
        (
            {"nakes_nama_1": "x" * 101, "nakes_profesi_1": "bidan"},
            "nakes_nama_1",
            "Nama paling panjang 100 huruf.",
        ),
    ],
)
def test_a_half_filled_nakes_row_is_refused_beside_the_field_and_nothing_saved(
    world, login, row, field, message
):
    ani = add_kader(world.a.posyandu, "Ani")
    day = visit_services.opening_day_open(posyandu=world.a.posyandu, tanggal=D, user=world.users["kader_a"])
    data = {f"meja_{ani.pk}": "2", "nakes_nama_0": "Yudi", "nakes_profesi_0": "gizi", **row}
    page = login("kader_a").post(reverse("kader_attendance", args=[day.pk]), data)
    assert page.status_code == 200 and page.context["form"].errors[field] == [message]
    assert 'value="Yudi"' in page.content.decode()  # what was typed stays
    assert not NakesHadir.objects.exists() and not Attendance.objects.exists()


@pytest.mark.parametrize(
    ("user", "status"), [("kader_b", 404), ("staff_b", 404), ("dinkes_2", 404), ("dinkes_1", 403)]
)
def test_nakes_of_another_area_or_by_a_read_only_role_are_refused(world, login, user, status):
    day = visit_services.opening_day_open(posyandu=world.a.posyandu, tanggal=D, user=world.users["kader_a"])
    data = {"nakes_nama_0": "Bd. Rina", "nakes_profesi_0": "bidan"}
    assert login(user).post(reverse("kader_attendance", args=[day.pk]), data).status_code == status
    assert not NakesHadir.objects.exists()


def test_the_yearly_profile_is_saved_and_a_bad_percentage_refused(world, login):
    client = login("kader_a")
    url = reverse("strata_detail", args=[world.a.posyandu.pk]) + f"?tahun={YEAR}"
    bad = client.post(url, {"dana_sehat_persen": "150", "program_tambahan": "Kelas ibu"})
    assert (
        bad.status_code == 200 and "Kelas ibu" in bad.content.decode() and not PosyanduTahun.objects.exists()
    )
    client.post(
        url, {"dana_sehat_persen": "55,5", "program_tambahan": "Kelas ibu\nBKB", "alat_timbangan": "on"}
    )
    profile = PosyanduTahun.objects.get()
    assert (profile.tahun, float(profile.dana_sehat_persen), profile.programs) == (
        YEAR,
        55.5,
        ["Kelas ibu", "BKB"],
    )


def test_the_strata_page_shows_the_evidence(world, login, year_a):
    page = login("staff_a").get(reverse("strata_detail", args=[world.a.posyandu.pk]) + f"?tahun={YEAR}")
    text = page.content.decode()
    assert "strata <strong>Madya</strong>" in text and "Posyandu aktif</strong>" in text
    assert "50,0%" in text and "Pedoman Umum Pengelolaan Posyandu" in text


@pytest.mark.parametrize("per", ["posyandu", "desa", "puskesmas"])
def test_the_area_overview_takes_a_constant_number_of_queries(world, login, django_assert_num_queries, per):
    client = login("dinkes_1")
    url = reverse("kader_home") + f"?per={per}"
    client.get(url)
    # session, user with profile and area, the Posyandu, kader counts, awards, levels, skills to train
    with django_assert_num_queries(7):
        client.get(url)
    for posyandu in (world.a.posyandu, world.a2.posyandu, world.b.posyandu):
        for n in range(3):
            add_kader(posyandu, f"Kader {n}")
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


def test_the_roster_takes_a_constant_number_of_queries(world, login, django_assert_num_queries):
    client = login("kader_a")
    url = reverse("kader_roster", args=[world.a.posyandu.pk])
    add_kader(world.a.posyandu, "Ani")
    client.get(url)
    with django_assert_num_queries(8):
        client.get(url)
    for n in range(4):
        add_kader(world.a.posyandu, f"Kader {n}")
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200
