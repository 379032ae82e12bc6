"""The 'Cek status gizi' page: one child's z-scores, status and KMS charts."""

import pytest
from django.urls import reverse

VALID = {
    "jenis_kelamin": "P",
    "tanggal_lahir": "2020-01-01",
    "tanggal_ukur": "2022-01-01",
    "berat": "8,8",
    "panjang": "77,5",
    "cara_ukur": "0",
    "lingkar_kepala": "",
    "lila": "",
}


@pytest.fixture
def kader(login):
    return login("kader_a")


def test_shows_who_z_scores_status_and_charts(kader):
    html = kader.get(reverse("growth_check"), VALID).content.decode()
    assert "umur 731 hari" in html
    assert "<td>TB/U</td>" in html and "-2,55" in html and "Pendek" in html
    assert html.count('class="growth-chart"') == 3  # BB/U, TB/U, BB/TB
    assert "Berat badan menurut tinggi badan (BB/TB)" in html
    assert "<title>01-01-2022: 8,8 kg</title>" in html


def test_implausible_value_is_marked(kader):
    html = kader.get(reverse("growth_check"), VALID | {"berat": "30"}).content.decode()
    assert "tidak masuk akal, periksa ulang" in html


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("berat", "300", "Berat badan maksimal 150 kg."),
        ("berat", "0,1", "Berat badan minimal 0,5 kg."),
        ("tanggal_ukur", "2019-01-01", "Tanggal pengukuran sebelum tanggal lahir."),
        ("tanggal_ukur", "2999-01-01", "Tanggal pengukuran tidak boleh di masa depan."),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_kept(kader, field, value, message):
    response = kader.get(reverse("growth_check"), VALID | {field: value})
    assert response.context["form"].errors[field] == [message]
    assert response.context["report"] is None
    assert f'value="{value}"' in response.content.decode()


def test_needs_a_login(client, db):
    assert client.get(reverse("growth_check")).status_code == 302
