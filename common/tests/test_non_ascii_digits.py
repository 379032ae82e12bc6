"""Digits that are not ASCII ("²", "٣") in identifier and number fields get a message beside the
field, not a server error, and nothing is saved (issue 11 item 11)."""

import pytest

from registry.models import Household
from registry.tests.test_household_entry import household_post, member


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"anggota-0-nik": "187201410590000²"}, "NIK hanya boleh berisi angka."),
        ({"anggota-0-nik": "١٨٧٢٠١٤١٠٥٩٠٠٠٠١"}, "NIK hanya boleh berisi angka."),
        ({"no_kk": "187201123456000²"}, "No. KK hanya boleh berisi angka."),
        ({"rt": "²"}, "RT hanya berisi angka, misalnya 003."),
        ({"anggota-0-telepon": "0812345678²"}, "Nomor HP harus 8–15 angka, boleh diawali +."),
    ],
)
def test_non_ascii_digits_are_refused_beside_the_field(world, login, fields, message):
    data = household_post(world.a.posyandu, member(0, hubungan="kepala")) | fields
    response = login("kader_a").post("/keluarga/baru/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Household.objects.filter(alamat="Jl. Kenari No. 5").exists()
