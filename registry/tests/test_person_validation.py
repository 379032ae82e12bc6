"""Bad input on a person is refused with an Indonesian message on the right field."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from registry.lifecycle import months_before
from registry.models import Person, Posyandu, Relation
from tests.factories import make_household, make_person


def person_errors(**fields) -> dict[str, list[str]]:
    household = make_household(Posyandu.objects.first())
    data = {
        "household": household,
        "nama": "Siti Aminah",
        "jenis_kelamin": "P",
        "tanggal_lahir": dt.date(1990, 5, 1),
        "hubungan": Relation.KEPALA,
        **fields,
    }
    try:
        Person(**data).full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.fixture(autouse=True)
def _world(world):
    return world


def test_valid_person_has_no_errors():
    assert person_errors() == {}


def test_empty_name_is_refused():
    assert person_errors(nama="") == {"nama": ["Field ini tidak boleh kosong."]}


def test_name_longer_than_100_characters_is_refused():
    errors = person_errors(nama="A" * 101)
    assert errors["nama"] == [
        "Pastikan nilai ini mengandung paling banyak 100 karakter (sekarang 101 karakter)."
    ]


@pytest.mark.parametrize(
    "nik, message",
    [
        ("123", "NIK harus 16 digit (sekarang 3 digit)."),
        ("18720145032100AB", "NIK hanya boleh berisi angka."),
    ],
)
def test_nik_with_wrong_digits_is_refused(nik, message):
    assert person_errors(nik=nik)["nik"] == [message]


def test_birth_date_in_the_future_is_refused():
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert person_errors(tanggal_lahir=tomorrow) == {
        "tanggal_lahir": ["Tanggal lahir tidak boleh di masa depan."]
    }


def test_130_year_old_is_refused():
    long_ago = months_before(timezone.localdate(), 130 * 12)  # a plain replace() fails on 29 February
    assert person_errors(tanggal_lahir=long_ago) == {
        "tanggal_lahir": ["Tanggal lahir tidak masuk akal: umur lebih dari 120 tahun."]
    }


def test_birth_today_is_accepted():
    assert person_errors(tanggal_lahir=timezone.localdate()) == {}


def test_hpht_for_a_man_is_refused():
    errors = person_errors(jenis_kelamin="L", hpht=dt.date(2026, 1, 1))
    assert errors == {"hpht": ["HPHT dan tanggal persalinan hanya untuk perempuan."]}


def test_hpht_before_birth_is_refused():
    errors = person_errors(tanggal_lahir=dt.date(2026, 1, 1), hpht=dt.date(2025, 12, 1))
    assert errors == {"hpht": ["HPHT harus sesudah tanggal lahir."]}


def test_database_refuses_two_heads_in_one_household(world):
    with pytest.raises(IntegrityError):
        Person.objects.create(
            household=world.a.household,
            nama="Kepala kedua",
            jenis_kelamin="L",
            tanggal_lahir=dt.date(1980, 1, 1),
            hubungan=Relation.KEPALA,
        )


def test_database_refuses_a_duplicate_nik(world):
    with pytest.raises(IntegrityError):
        Person.objects.create(
            household=world.a.household,
            nama="Kembar NIK",
            jenis_kelamin="L",
            tanggal_lahir=dt.date(1980, 1, 1),
            hubungan=Relation.ANAK,
            nik=world.b.person.nik,
        )


def test_many_people_without_nik_are_allowed(world):
    first = make_person(world.a.household, nik=None)
    second = make_person(world.a.household, nik=None)
    assert first.nik is None and second.nik is None
