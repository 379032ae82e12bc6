"""The vital-event pages: forms on the person page, refusals beside the field, access by area."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from registry.models import Birth, Death, Departure, Relation
from tests.factories import child_in, make_person

NAMES = ("birth_new", "death_new", "departure_new", "reactivate_new")


@pytest.fixture(autouse=True)
def _today_is_16_november():
    """The dates posted below are past or future relative to 16 November 2026."""
    with time_machine.travel(dt.datetime(2026, 11, 16, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def mother(world):
    return make_person(world.a.household, jenis_kelamin="P", tanggal_lahir=dt.date(1996, 5, 5),
                       hubungan=Relation.SUAMI_ISTRI, nama="Sari")  # fmt: skip


BIRTH = {"nama": "Bayi Ny. Sari", "nik": "", "jenis_kelamin": "P", "tanggal_lahir": "2026-11-10",
         "tempat": "fasyankes", "penolong": "bidan", "berat_lahir_gram": "2350", "panjang_lahir_cm": "46,5",
         "imd": "on", "tanggal_hb0": "2026-11-10"}  # fmt: skip


def test_a_kader_records_a_birth_from_the_mothers_page(login, mother):
    client = login("kader_a")
    page = client.get(reverse("person_detail", args=[mother.pk])).content.decode()
    assert reverse("birth_new", args=[mother.pk]) in page
    response = client.post(reverse("birth_new", args=[mother.pk]), BIRTH)
    birth = Birth.objects.get()
    assert response.status_code == 302 and response.url == reverse("person_detail", args=[birth.child_id])
    page = client.get(response.url).content.decode()
    assert "BBLR" in page and "2.350 gram / 46,5 cm" in page and "Sari" in page


def test_a_birth_before_the_mother_is_10_is_refused_beside_the_date_and_the_input_kept(login, world):
    girl = make_person(world.a.household, jenis_kelamin="P", tanggal_lahir=dt.date(2017, 1, 1))
    response = login("kader_a").post(reverse("birth_new", args=[girl.pk]), BIRTH)
    assert response.status_code == 200
    form = response.context["form"]
    assert "Umur 9 tahun" in form.errors["tanggal_lahir"][0]
    assert 'value="Bayi Ny. Sari"' in response.content.decode()
    assert not Birth.objects.exists()


def test_a_death_before_birth_is_refused_beside_the_date(login, world):
    child = child_in(world.a.posyandu, tanggal_lahir=dt.date(2025, 6, 1))
    data = {"tanggal": "2025-05-01", "tempat": "rumah", "sebab": "sesak napas"}
    response = login("staff_a").post(reverse("death_new", args=[child.pk]), data)
    assert "sebelum tanggal lahir" in response.context["form"].errors["tanggal"][0]
    data["tanggal"] = "2026-11-01"
    assert login("staff_a").post(reverse("death_new", args=[child.pk]), data).status_code == 302
    page = login("kader_a").get(reverse("person_detail", args=[child.pk])).content.decode()
    assert "Meninggal" in page and reverse("death_new", args=[child.pk]) not in page


def test_move_out_then_reactivate_from_the_person_page(login, world):
    child = child_in(world.a.posyandu, tanggal_lahir=dt.date(2025, 6, 1))
    client = login("kader_a")
    data = {"jenis": "pindah", "tanggal": "2026-11-01", "alasan": "ikut ayah kerja di Palembang"}
    assert client.post(reverse("departure_new", args=[child.pk]), data).status_code == 302
    page = client.get(reverse("person_detail", args=[child.pk])).content.decode()
    assert "Aktifkan kembali" in page
    data = {"tanggal": "2026-11-12", "alasan": "kembali ke rumah nenek"}
    assert client.post(reverse("reactivate_new", args=[child.pk]), data).status_code == 302
    departure = Departure.objects.get()
    assert departure.aktif_kembali == dt.date(2026, 11, 12)


def test_a_future_date_is_refused(login, world):
    data = {"jenis": "pindah", "tanggal": "2026-12-01", "alasan": "pindah"}
    response = login("kader_a").post(reverse("departure_new", args=[world.a.person.pk]), data)
    assert response.context["form"].errors["tanggal"] == ["Tanggal tidak boleh di masa depan."]


@pytest.mark.parametrize("user", ["kader_b", "staff_b", "dinkes_2"])
@pytest.mark.parametrize("name", NAMES)
def test_another_area_gets_404(login, world, user, name):
    assert login(user).get(reverse(name, args=[world.a.person.pk])).status_code == 404


@pytest.mark.parametrize("name", NAMES)
def test_dinkes_of_the_area_may_read_but_not_record(login, world, name):
    client = login("dinkes_1")
    assert client.get(reverse(name, args=[world.a.person.pk])).status_code == 403
    page = client.get(reverse("person_detail", args=[world.a.person.pk])).content.decode()
    assert reverse("death_new", args=[world.a.person.pk]) not in page
    assert not Death.objects.exists()


@pytest.mark.parametrize("user", ["kader_a", "staff_a"])
def test_kader_and_staff_of_the_area_open_every_form(login, world, user):
    for name in NAMES:
        assert login(user).get(reverse(name, args=[world.a.person.pk])).status_code == 200
