"""Registry services take plain values: a field they may not set is refused, an invalid value
is refused by full_clean() and nothing is saved."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from registry import services
from registry.models import Household, Person


def test_person_save_refuses_a_field_outside_the_whitelist(world):
    person = world.a.person
    with pytest.raises(TypeError, match="household"):
        services.person_save(user=world.users["kader_a"], person=person,
                             fields={"nama": "Baru", "household": world.b.household})  # fmt: skip
    person.refresh_from_db()
    assert person.household == world.a.household
    assert person.nama != "Baru"


def test_person_save_refuses_an_invalid_value_and_saves_nothing(world):
    person = world.a.person
    name = person.nama
    with pytest.raises(ValidationError) as refused:
        services.person_save(user=world.users["kader_a"], person=person,
                             fields={"nama": "Baru", "jenis_kelamin": "X"})  # fmt: skip
    assert "jenis_kelamin" in refused.value.message_dict
    person.refresh_from_db()
    assert person.nama == name


def test_person_save_refuses_a_hpht_for_a_man_by_the_model_rule(world):
    person = world.a.person
    with pytest.raises(ValidationError) as refused:
        services.person_save(user=world.users["kader_a"], person=person,
                             fields={"jenis_kelamin": "L", "hpht": dt.date(2026, 10, 1)})  # fmt: skip
    assert "hpht" in refused.value.message_dict
    person.refresh_from_db()
    assert person.hpht is None


def test_person_save_changes_the_whitelisted_fields(world):
    person = services.person_save(user=world.users["kader_a"], person=world.a.person,
                                  fields={"nama": "Siti Aminah", "telepon": "081234567890"})  # fmt: skip
    stored = Person.objects.get(pk=person.pk)
    assert (stored.nama, stored.telepon) == ("Siti Aminah", "081234567890")


def test_person_save_is_refused_to_dinkes(world):
    with pytest.raises(PermissionDenied):
        services.person_save(user=world.users["dinkes_1"], person=world.a.person, fields={"nama": "X"})
    assert Person.objects.get(pk=world.a.person.pk).nama != "X"


def _head(**fields) -> dict:
    return {"id": None, "nama": "Budi", "nik": None, "jenis_kelamin": "L",
            "tanggal_lahir": dt.date(1985, 4, 12), "hubungan": "kepala", **fields}  # fmt: skip


def _household(world, **fields) -> dict:
    return {"no_kk": "1872011234560001", "alamat": "Jl. Kenari 5", "desa": world.a.posyandu.desa,
            "posyandu": world.a.posyandu, **fields}  # fmt: skip


def test_household_save_creates_the_household_and_its_members(world):
    household = services.household_save(user=world.users["kader_a"], fields=_household(world),
                                         members=[_head(), _head(nama="Ani", hubungan="anak")])  # fmt: skip
    assert sorted(household.members.values_list("nama", flat=True)) == ["Ani", "Budi"]
    assert household.posyandu == world.a.posyandu


def test_household_save_refuses_an_unknown_member_field_and_saves_nothing(world):
    before = (Household.objects.count(), Person.objects.count())
    with pytest.raises(TypeError, match="created_at"):
        services.household_save(user=world.users["kader_a"], fields=_household(world),
                                members=[_head(created_at=dt.datetime(2020, 1, 1))])  # fmt: skip
    assert (Household.objects.count(), Person.objects.count()) == before


def test_household_save_refuses_a_desa_outside_the_posyandu_and_saves_nothing(world):
    before = (Household.objects.count(), Person.objects.count())
    with pytest.raises(ValidationError) as refused:
        services.household_save(user=world.users["kader_a"], members=[_head()],
                                fields=_household(world, desa=world.b.posyandu.desa))  # fmt: skip
    assert "desa" in refused.value.message_dict
    assert (Household.objects.count(), Person.objects.count()) == before


def test_household_save_rolls_back_the_household_when_a_member_is_invalid(world):
    before = (Household.objects.count(), Person.objects.count())
    with pytest.raises(ValidationError):
        services.household_save(user=world.users["kader_a"], fields=_household(world),
                                members=[_head(), _head(nama="", hubungan="anak")])  # fmt: skip
    assert (Household.objects.count(), Person.objects.count()) == before


def test_household_save_changes_a_registered_member(world):
    person = world.a.person
    services.household_save(user=world.users["kader_a"], household=world.a.household,
                            fields={"alamat": "Jl. Baru 1"},
                            members=[{"id": person.pk, "nama": "Nama Baru"}])  # fmt: skip
    assert Household.objects.get(pk=world.a.household.pk).alamat == "Jl. Baru 1"
    assert Person.objects.get(pk=person.pk).nama == "Nama Baru"
