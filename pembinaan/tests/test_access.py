"""Who reaches the lomba pages: by role and by area; another area's round or Posyandu is a 404,
scoring without an assignment a 403."""

import pytest
from django.urls import reverse

from pembinaan import services
from pembinaan.models import PosyanduScore, Round

from .conftest import criteria, instrument_id


def get(client, name, *args):
    return client.get(reverse(name, args=args)).status_code


@pytest.mark.parametrize("user", ["kader_a", "kader_b"])
def test_kader_reach_no_lomba_page(login, round_a, world, user):
    client = login(user)
    assert get(client, "lomba_rounds") == 404
    assert get(client, "lomba_round_create") == 404
    assert get(client, "lomba_round", round_a.pk) == 404
    assert get(client, "lomba_score", round_a.pk, world.a.posyandu.pk) == 404


def test_a_puskesmas_round_is_seen_by_its_staff_and_its_dinkes_only(login, round_a, world):
    assert get(login("staff_a"), "lomba_round", round_a.pk) == 200
    assert get(login("dinkes_1"), "lomba_round", round_a.pk) == 200
    assert get(login("staff_b"), "lomba_round", round_a.pk) == 404
    assert get(login("dinkes_2"), "lomba_round", round_a.pk) == 404
    assert get(login("staff_b"), "lomba_ranking_xlsx", round_a.pk) == 404
    assert get(login("dinkes_2"), "lomba_evidence", round_a.pk, world.a.posyandu.pk) == 404


def test_a_puskesmas_cannot_score_another_puskesmas_posyandu(login, round_kab, world):
    services.assessor_add(
        user=world.users["dinkes_1"], round=round_kab, assessor_id=world.users["staff_a"].pk
    )
    client = login("staff_a")
    page = client.get(reverse("lomba_round", args=[round_kab.pk])).content.decode()
    assert "Mawar" in page and "Anggrek" not in page  # a Kab/Kota round: only their own Posyandu
    data = {f"skor_{c.pk}": "4" for c in criteria().values()}
    anggrek = world.b.posyandu
    assert client.post(reverse("lomba_score", args=[round_kab.pk, anggrek.pk]), data).status_code == 404
    assert get(client, "lomba_score", round_kab.pk, anggrek.pk) == 404
    assert get(client, "lomba_coaching", round_kab.pk, anggrek.pk) == 404
    assert get(client, "lomba_evidence", round_kab.pk, anggrek.pk) == 404
    assert PosyanduScore.objects.count() == 0


def test_scoring_needs_an_assignment(login, round_kab, world):
    data = {f"skor_{c.pk}": "4" for c in criteria().values()}
    client = login("staff_a")  # sees the Kab/Kota round and Mawar, but is no assessor
    url = reverse("lomba_score", args=[round_kab.pk, world.a.posyandu.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 403
    assert PosyanduScore.objects.count() == 0


def test_a_round_is_opened_only_for_an_area_of_ones_own(login, world):
    client = login("staff_b")
    form = {
        "nama": "Lomba",
        "tahun": "2026",
        "instrumen": instrument_id(),
        "wilayah": f"pkm-{world.pkm_a.pk}",
    }
    page = client.post(reverse("lomba_round_create"), form)
    assert page.status_code == 200 and "Pilih" in page.content.decode()
    form["wilayah"] = f"kab-{world.kab1.pk}"  # only Dinkes open a Kab/Kota round
    assert client.post(reverse("lomba_round_create"), form).status_code == 200
    assert Round.objects.count() == 0
    form["wilayah"] = f"pkm-{world.pkm_b.pk}"
    assert client.post(reverse("lomba_round_create"), form).status_code == 302
    assert Round.objects.get().puskesmas == world.pkm_b


def test_an_assessor_comes_from_the_rounds_area(round_a, world, login):
    client = login("staff_a")
    url = reverse("lomba_round", args=[round_a.pk])
    assert client.post(url, {"penilai": world.users["staff_b"].pk}).status_code == 200  # Puskesmas B
    assert client.post(url, {"penilai": "abc"}).status_code == 200
    assert round_a.assessors.count() == 1


def test_garbage_ids_answer_404(login, round_a):
    client = login("dinkes_1")
    assert client.get("/penilaian/99999999999999999999/").status_code == 404
    assert get(client, "lomba_score", round_a.pk, 999999) == 404
    assert client.get(reverse("kab_kota_dashboard") + "?kab_kota=²&bulan=abc&urut=x").status_code == 200
