"""The pregnancy pages: forms that refuse beside the field and keep what was typed, the
episode page's figures, and access by area (another area's woman or episode is a 404)."""

import datetime as dt

import pytest
from django.urls import reverse

from registry.models import Relation
from tests.factories import make_household, make_person
from visits import pregnancy_services
from visits.models import Pregnancy

pytestmark = pytest.mark.usefixtures("nov_15")
D = dt.date
CONTACT = {
    "kontak-ke": "1",
    "kontak-tanggal": "2026-07-01",
    "kontak-oleh": "bidan",
    "kontak-sumber": "buku_kia",
}


@pytest.fixture
def ibu(world):
    household = make_household(world.a.posyandu)
    return make_person(household, nama="Siti Aminah", hubungan=Relation.KEPALA, tanggal_lahir=D(2008, 1, 1))


@pytest.fixture
def episode(world, ibu):
    values = {"hpht": D(2026, 6, 1), "gravida": 1, "para": 0, "abortus": 0}
    return pregnancy_services.pregnancy_open(user=world.users["kader_a"], ibu=ibu, values=values)


def test_the_womans_page_offers_a_new_pregnancy(login, ibu):
    response = login("kader_a").get(reverse("person_detail", args=[ibu.pk]))
    assert "Belum ada kehamilan tercatat." in response.content.decode()
    assert reverse("pregnancy_new", args=[ibu.pk]) in response.content.decode()


def test_a_kader_records_a_pregnancy(login, ibu):
    data = {"hpht": "2026-06-01", "gravida": "1", "para": "0", "abortus": "0"}
    response = login("kader_a").post(reverse("pregnancy_new", args=[ibu.pk]), data)
    episode = Pregnancy.objects.get(ibu=ibu)
    assert response.status_code == 302
    assert response.url == reverse("pregnancy_detail", args=[episode.pk])


def test_a_future_hpht_is_refused_beside_the_field_and_the_input_kept(login, ibu):
    data = {"hpht": "2026-11-20", "gravida": "3", "para": "0", "abortus": "0"}
    response = login("kader_a").post(reverse("pregnancy_new", args=[ibu.pk]), data)
    assert response.context["form"].errors == {"hpht": ["Tanggal tidak boleh di masa depan."]}
    assert 'value="3"' in response.content.decode()
    assert not Pregnancy.objects.exists()


def test_a_second_pregnancy_is_refused_on_the_page(login, ibu, episode):
    data = {"hpht": "2026-09-01", "gravida": "2", "para": "0", "abortus": "0"}
    response = login("kader_a").post(reverse("pregnancy_new", args=[ibu.pk]), data)
    assert response.context["form"].errors == {
        "hpht": ["Ibu ini masih hamil (HPHT 01-06-2026): catat hasilnya dulu."]
    }


def test_the_episode_page_shows_hpl_gestation_and_4t(login, episode):
    page = login("kader_a").get(reverse("pregnancy_detail", args=[episode.pk])).content.decode()
    assert "8 Maret 2027" in page  # HPL by Naegele from 1 June 2026
    assert "23 minggu 6 hari (trimester 2)" in page  # 15 November 2026 is day 167
    assert "Terlalu muda (&lt; 20 tahun)" in page  # 18 years on the HPHT


def test_the_episode_page_uses_a_fixed_number_of_queries(login, episode, django_assert_num_queries):
    client = login("kader_a")
    url = reverse("pregnancy_detail", args=[episode.pk])
    # session, user with profile and area, episode, contacts, MT, TTD, KEK, Td …
    with django_assert_num_queries(11):
        client.get(url)
    for ke, day in enumerate([D(2026, 7, 1), D(2026, 9, 1), D(2026, 10, 1)], start=1):
        values = {"ke": ke, "tanggal": day, "oleh": "bidan", "sumber": "buku_kia"}
        pregnancy_services.contact_add(user=episode.dicatat_oleh, kehamilan=episode, values=values)
        pregnancy_services.mt_add(
            user=episode.dicatat_oleh, kehamilan=episode, values={"tanggal": day, "hari": 10}
        )
    with django_assert_num_queries(11):
        client.get(url)


def test_a_contact_before_hpht_is_refused_beside_the_date(login, episode):
    data = {
        "kontak-ke": "1",
        "kontak-tanggal": "2026-05-01",
        "kontak-oleh": "bidan",
        "kontak-sumber": "buku_kia",
    }
    response = login("kader_a").post(reverse("pregnancy_kontak", args=[episode.pk]), data)
    assert response.status_code == 400
    assert response.context["forms"]["kontak"].errors == {
        "tanggal": ["Tanggal ini tidak boleh sebelum HPHT (01-06-2026)."]
    }


BIRTH = {"berat_lahir_gram": "2400", "tempat_persalinan": "fasyankes", "penolong": "bidan"}


def test_an_outcome_before_hpht_is_refused_beside_the_date(login, episode):
    data = {
        "hasil": "lahir_hidup",
        "tanggal_hasil": "2026-05-01",
        "nama_bayi": "Bayi",
        "jenis_kelamin_bayi": "P",
        **BIRTH,
    }
    response = login("kader_a").post(reverse("pregnancy_outcome", args=[episode.pk]), data)
    assert response.context["forms"]["hasil"].errors == {
        "tanggal_hasil": ["Tanggal ini tidak boleh sebelum HPHT (01-06-2026)."]
    }
    episode.refresh_from_db()
    assert episode.is_open


def test_a_live_birth_needs_the_babys_name_sex_weight_place_and_attendant(login, episode):
    data = {"hasil": "lahir_hidup", "tanggal_hasil": "2026-11-10"}
    response = login("kader_a").post(reverse("pregnancy_outcome", args=[episode.pk]), data)
    assert set(response.context["forms"]["hasil"].errors) == {
        "nama_bayi", "jenis_kelamin_bayi", "berat_lahir_gram", "tempat_persalinan", "penolong"
    }  # fmt: skip


def test_a_live_birth_on_the_page_registers_the_baby(login, ibu, episode):
    data = {
        "hasil": "lahir_hidup",
        "tanggal_hasil": "2026-11-10",
        "nama_bayi": "Bayi Ny. Siti",
        "jenis_kelamin_bayi": "P",
        **BIRTH,
    }
    login("kader_a").post(reverse("pregnancy_outcome", args=[episode.pk]), data)
    episode.refresh_from_db()
    assert episode.bayi.nama == "Bayi Ny. Siti"
    assert episode.bayi.household_id == ibu.household_id
    # the registry's birth record, so the month's births and BBLR count it
    birth = episode.bayi.birth
    assert (birth.mother_id, birth.berat_lahir_gram, birth.tempat, birth.penolong) == (
        ibu.pk,
        2400,
        "fasyankes",
        "bidan",
    )


@pytest.mark.parametrize("user", ["kader_b", "staff_b", "dinkes_2"])
def test_another_area_sees_no_episode_woman_or_td(login, ibu, episode, user):
    client = login(user)
    for url in (
        reverse("pregnancy_detail", args=[episode.pk]),
        reverse("pregnancy_new", args=[ibu.pk]),
        reverse("td_doses", args=[ibu.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("pregnancy_kontak", args=[episode.pk]), CONTACT).status_code == 404
    assert not episode.kontak.exists()


@pytest.mark.parametrize("user", ["kader_a", "staff_a", "dinkes_1"])
def test_the_area_reads_the_episode(login, episode, user):
    assert login(user).get(reverse("pregnancy_detail", args=[episode.pk])).status_code == 200


def test_dinkes_reads_but_may_not_record(login, episode):
    client = login("dinkes_1")
    page = client.get(reverse("pregnancy_detail", args=[episode.pk])).content.decode()
    assert "Simpan hasil" not in page
    assert client.post(reverse("pregnancy_kontak", args=[episode.pk]), CONTACT).status_code == 403


def test_td_doses_page_records_in_order(login, ibu):
    client = login("kader_a")
    response = client.post(reverse("td_doses", args=[ibu.pk]), {"dosis": "2", "tanggal": "2026-01-01"})
    assert response.context["form"].errors == {"dosis": ["Catat T1 lebih dulu."]}
    client.post(reverse("td_doses", args=[ibu.pk]), {"dosis": "1", "tanggal": "2026-01-01"})
    assert "Status: <strong>T1</strong>" in client.get(reverse("td_doses", args=[ibu.pk])).content.decode()


def test_a_garbage_date_is_a_message_not_an_error(login, ibu):
    response = login("kader_a").post(reverse("td_doses", args=[ibu.pk]), {"dosis": "9", "tanggal": "kemarin"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"dosis", "tanggal"}
