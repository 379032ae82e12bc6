"""A newcomer with the same name and birth date as someone in the area, or a child born the same
day to a mother of the same name, gets a "mungkin duplikat" warning with links before saving."""

import datetime as dt

import pytest
from django.urls import reverse

from registry.models import Household, Person, Relation
from registry.tests.test_household_entry import household_post, member
from tests.factories import make_household, make_person


@pytest.fixture
def known(world):
    """Dewi (born 2025-03-01), daughter of Rina, in Posyandu A; Agus (1980-07-07) in Posyandu B."""
    household = make_household(world.a.posyandu)
    make_person(household, nama="Rina Wati", hubungan=Relation.KEPALA, jenis_kelamin="P")
    dewi = make_person(household, nama="Dewi", tanggal_lahir=dt.date(2025, 3, 1), nik=None)
    agus = make_person(make_household(world.b.posyandu), nama="Agus", tanggal_lahir=dt.date(1980, 7, 7),
                       hubungan=Relation.KEPALA, jenis_kelamin="L")  # fmt: skip
    return dewi, agus


def test_same_name_and_birth_date_warns_with_a_link_and_keeps_the_input(login, world, known):
    dewi, _ = known
    data = household_post(
        world.a.posyandu,
        member(0, nama="Joko", hubungan="kepala", tanggal_lahir="1990-01-01"),
        member(1, nama="dewi", jenis_kelamin="P", tanggal_lahir="2025-03-01"),
    )
    html = login("kader_a").post(reverse("household_create"), data).content.decode()
    assert "Mungkin duplikat" in html and reverse("person_detail", args=[dewi.pk]) in html
    assert 'value="Joko"' in html  # nothing typed is lost
    assert not Household.objects.filter(alamat="Jl. Kenari No. 5").exists()


def test_same_mother_and_birth_date_warns(login, world, known):
    dewi, _ = known
    data = household_post(
        world.a.posyandu,
        member(0, nama="Rina Wati", hubungan="kepala", jenis_kelamin="P", tanggal_lahir="1992-02-02"),
        member(1, nama="Dewi Lestari", jenis_kelamin="P", tanggal_lahir="2025-03-01"),
    )
    html = login("kader_a").post(reverse("household_create"), data).content.decode()
    assert "Mungkin duplikat" in html and reverse("person_detail", args=[dewi.pk]) in html


def test_confirmed_not_a_duplicate_is_saved(login, world, known):
    data = household_post(
        world.a.posyandu,
        member(0, nama="Dewi", jenis_kelamin="P", hubungan="kepala", tanggal_lahir="2025-03-01"),
        bukan_duplikat="1",
    )
    assert login("kader_a").post(reverse("household_create"), data).status_code == 302
    assert Person.objects.filter(nama="Dewi").count() == 2


def test_another_areas_person_is_not_shown(login, world, known):
    _, agus = known
    data = household_post(
        world.a.posyandu, member(0, nama="Agus", hubungan="kepala", tanggal_lahir="1980-07-07")
    )
    response = login("kader_a").post(reverse("household_create"), data)
    assert response.status_code == 302  # Agus of Posyandu B is outside kader A's area
    assert reverse("person_detail", args=[agus.pk]) not in response.content.decode()


def test_different_birth_date_is_no_duplicate(login, world, known):
    data = household_post(
        world.a.posyandu, member(0, nama="Dewi", hubungan="kepala", tanggal_lahir="2025-03-02")
    )
    assert login("kader_a").post(reverse("household_create"), data).status_code == 302
