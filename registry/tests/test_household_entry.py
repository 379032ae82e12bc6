"""A kader registers a household with its members on one page."""

import datetime as dt

import pytest
from django.urls import reverse

from registry.models import Household, HouseholdMove, Person


def member(i: int, **fields) -> dict[str, str]:
    data = {
        "nama": f"Anggota {i}",
        "nik": "",
        "jenis_kelamin": "L",
        "tanggal_lahir": "1985-04-12",
        "hubungan": "anak",
        "telepon": "",
        "hpht": "",
        "tanggal_persalinan": "",
        **fields,
    }
    return {f"anggota-{i}-{key}": value for key, value in data.items()}


def household_post(posyandu, *members, **fields) -> dict[str, str]:
    data = {
        "no_kk": "1872 0112 3456 0001",
        "alamat": "Jl. Kenari No. 5",
        "rt": "3",
        "rw": "2",
        "dusun": "",
        "desa": str(posyandu.desa_id),
        "posyandu": str(posyandu.pk),
        "anggota-TOTAL_FORMS": str(len(members)),
        "anggota-INITIAL_FORMS": "0",
        "anggota-MIN_NUM_FORMS": "1",
        "anggota-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for m in members:
        data.update(m)
    return data


@pytest.fixture
def kader(login):
    return login("kader_a")


def test_kader_registers_household_with_two_members(kader, world):
    data = household_post(
        world.a.posyandu,
        member(0, nama="Budi Santoso", nik="1872011204850001", hubungan="kepala"),
        member(1, nama="Siti Aminah", nik="1872015506900002", jenis_kelamin="P", tanggal_lahir="1990-06-15",
               hubungan="pasangan", hpht="2026-08-01"),
    )  # fmt: skip
    response = kader.post(reverse("household_create"), data)
    household = Household.objects.get(no_kk="1872011234560001")
    assert response.status_code == 302
    assert response.url == reverse("household_detail", args=[household.pk])
    assert (household.rt, household.rw, household.posyandu) == ("003", "002", world.a.posyandu)
    names = sorted(household.members.values_list("nama", flat=True))
    assert names == ["Budi Santoso", "Siti Aminah"]


def test_nik_mismatch_saves_with_a_warning(kader, world):
    data = household_post(
        world.a.posyandu, member(0, nik="1872011204850001", tanggal_lahir="1985-04-13", hubungan="kepala")
    )
    response = kader.post(reverse("household_create"), data, follow=True)
    assert Person.objects.filter(nik="1872011204850001").exists()
    assert "berbeda dengan tanggal lahir yang diisi" in response.content.decode()


def test_invalid_member_saves_nothing_and_keeps_what_was_typed(kader, world):
    before = (Household.objects.count(), Person.objects.count())
    data = household_post(
        world.a.posyandu,
        member(0, nama="Budi Santoso", hubungan="kepala"),
        member(1, nama="Anak Kecil", tanggal_lahir="2999-01-01"),
    )
    response = kader.post(reverse("household_create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert (Household.objects.count(), Person.objects.count()) == before
    assert "Tanggal lahir tidak boleh di masa depan." in html
    assert 'value="Budi Santoso"' in html and 'value="Jl. Kenari No. 5"' in html


def test_household_needs_exactly_one_head(kader, world):
    data = household_post(world.a.posyandu, member(0), member(1))
    response = kader.post(reverse("household_create"), data)
    assert "Tandai tepat satu anggota sebagai kepala keluarga." in response.content.decode()
    assert not Household.objects.filter(no_kk="1872011234560001").exists()


def test_duplicate_nik_is_refused_with_a_link_to_the_existing_person(kader, world):
    existing = world.a.person
    data = household_post(world.a.posyandu, member(0, nik=existing.nik, hubungan="kepala"))
    response = kader.post(reverse("household_create"), data)
    html = response.content.decode()
    link = reverse("person_detail", args=[existing.pk])
    assert f'NIK ini sudah terdaftar atas nama <a href="{link}">{existing.nama}</a>.' in html


def test_duplicate_nik_of_another_area_does_not_reveal_the_person(kader, world):
    other = world.c.person
    data = household_post(world.a.posyandu, member(0, nik=other.nik, hubungan="kepala"))
    html = kader.post(reverse("household_create"), data).content.decode()
    assert "NIK ini tidak dapat didaftarkan di sini. Hubungi Puskesmas" in html
    assert other.nama not in html


def test_same_nik_twice_in_one_household_is_refused(kader, world):
    nik = "1872011204850001"
    data = household_post(world.a.posyandu, member(0, nik=nik, hubungan="kepala"), member(1, nik=nik))
    response = kader.post(reverse("household_create"), data)
    assert "Ada NIK yang sama pada dua anggota keluarga." in response.content.decode()


def test_wrong_kk_is_refused_next_to_the_field(kader, world):
    data = household_post(world.a.posyandu, member(0, hubungan="kepala"), no_kk="12345")
    response = kader.post(reverse("household_create"), data)
    assert response.context["form"].errors["no_kk"] == ["No. KK harus 16 digit (sekarang 5 digit)."]


def test_kader_cannot_register_into_another_posyandu(kader, world):
    data = household_post(world.b.posyandu, member(0, hubungan="kepala"))
    response = kader.post(reverse("household_create"), data)
    assert "posyandu" in response.context["form"].errors
    assert not Household.objects.filter(posyandu=world.b.posyandu, no_kk="1872011234560001").exists()


def test_adding_a_member_to_an_existing_household(kader, world):
    household, head = world.a.household, world.a.person
    data = household_post(
        world.a.posyandu,
        member(0, id=str(head.pk), nama=head.nama, nik=head.nik, hubungan="kepala",
               tanggal_lahir=head.tanggal_lahir.isoformat(), jenis_kelamin=head.jenis_kelamin),
        member(1, nama="Bayi Baru", tanggal_lahir=dt.date.today().isoformat()),
        no_kk=household.no_kk, **{"anggota-INITIAL_FORMS": "1"},
    )  # fmt: skip
    del data["posyandu"]
    response = kader.post(reverse("household_edit", args=[household.pk]), data)
    assert response.status_code == 302
    assert household.members.filter(nama="Bayi Baru", nik__isnull=True).exists()


def test_moving_a_household_keeps_its_history(login, world):
    staff = login("staff_a")
    household = world.a.household
    response = staff.post(
        reverse("household_move", args=[household.pk]),
        {"ke_posyandu": world.a2.posyandu.pk, "tanggal": "2026-11-01", "alasan": "Pindah rumah"},
    )
    household.refresh_from_db()
    move = HouseholdMove.objects.get(household=household)
    assert response.status_code == 302
    assert household.posyandu == world.a2.posyandu
    assert (move.dari_posyandu, move.ke_posyandu, move.oleh) == (
        world.a.posyandu,
        world.a2.posyandu,
        world.users["staff_a"],
    )
    detail = staff.get(reverse("household_detail", args=[household.pk])).content.decode()
    assert "Posyandu Mawar → Posyandu Melati" in detail


def test_dinkes_may_read_but_not_edit(login, world):
    dinkes = login("dinkes_1")
    assert dinkes.get(reverse("household_detail", args=[world.a.household.pk])).status_code == 200
    assert dinkes.get(reverse("household_edit", args=[world.a.household.pk])).status_code == 403
    assert dinkes.get(reverse("household_create")).status_code == 403
