"""Who may see and do what on the kader and strata pages: another area's kader, opening day or
Posyandu is a 404 for every role; a role without the capability gets 403."""

import datetime as dt

import pytest
from django.urls import reverse

from kader.models import Kader, PosyanduTahun, Skill, SkillAssessment, TkkLevel
from kader.tests.conftest import add_kader
from visits import services as visit_services

D = dt.date(2026, 11, 2)


@pytest.fixture
def kader_of_a(world):
    return add_kader(world.a.posyandu, "Ani", nik="1872011111110001", telepon="081234567890")


def pages(world, kader, day):
    return [
        reverse("kader_roster", args=[world.a.posyandu.pk]),
        reverse("kader_create", args=[world.a.posyandu.pk]),
        reverse("kader_detail", args=[kader.pk]),
        reverse("kader_edit", args=[kader.pk]),
        reverse("kader_assessment", args=[kader.pk]),
        reverse("kader_training_add", args=[kader.pk]),
        reverse("kader_tkk_award", args=[kader.pk]),
        reverse("kader_attendance", args=[day.pk]),
        reverse("strata_detail", args=[world.a.posyandu.pk]),
    ]


@pytest.mark.parametrize("outsider", ["kader_b", "staff_b", "dinkes_2"])
def test_another_areas_pages_are_404_for_every_role(world, login, kader_of_a, outsider):
    day = visit_services.opening_day_open(posyandu=world.a.posyandu, tanggal=D, user=world.users["kader_a"])
    client = login(outsider)
    for url in pages(world, kader_of_a, day):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"tanggal": "2026-11-01"}).status_code == 404, url


def test_a_puskesmas_cannot_assess_another_puskesmas_kader(world, login, kader_of_a):
    response = login("staff_b").post(
        reverse("kader_assessment", args=[kader_of_a.pk]), {"tanggal": "2026-11-01", "hasil_1": "kompeten"}
    )
    assert response.status_code == 404
    assert not SkillAssessment.objects.exists()


def test_the_own_puskesmas_assesses_and_awards(world, login, kader_of_a):
    client = login("staff_a")
    skill_id = Skill.objects.get(kode="A1").pk
    response = client.post(
        reverse("kader_assessment", args=[kader_of_a.pk]),
        {"tanggal": "2026-11-01", f"hasil_{skill_id}": "kompeten", f"catatan_{skill_id}": "baik"},
    )
    assert response.status_code == 302
    assessment = SkillAssessment.objects.get()
    assert (assessment.hasil, assessment.catatan, assessment.penilai) == (
        "kompeten",
        "baik",
        world.users["staff_a"],
    )
    level = TkkLevel.objects.get(kode="purwa")
    response = client.post(
        reverse("kader_tkk_award", args=[kader_of_a.pk]),
        {"level": level.pk, "tanggal": "2026-11-02", "penerbit": "Kepala Puskesmas A"},
    )
    assert response.status_code == 302 and kader_of_a.awards.get().penerbit == "Kepala Puskesmas A"


@pytest.mark.parametrize("who", ["kader_a", "dinkes_1"])
def test_kader_and_dinkes_may_not_assess_or_award(world, login, kader_of_a, who):
    client = login(who)
    assert client.get(reverse("kader_assessment", args=[kader_of_a.pk])).status_code == 403
    assert client.post(reverse("kader_tkk_award", args=[kader_of_a.pk]), {}).status_code == 403


def test_dinkes_reads_but_does_not_edit_the_roster_or_profile(world, login, kader_of_a):
    client = login("dinkes_1")
    assert client.get(reverse("kader_detail", args=[kader_of_a.pk])).status_code == 200
    assert client.get(reverse("kader_create", args=[world.a.posyandu.pk])).status_code == 403
    response = client.post(reverse("strata_detail", args=[world.a.posyandu.pk]), {"dana_sehat_persen": "60"})
    assert response.status_code == 403 and not PosyanduTahun.objects.exists()


def test_identifiers_are_shown_to_the_area_kader_and_masked_for_dinkes(world, login, kader_of_a):
    url = reverse("kader_detail", args=[kader_of_a.pk])
    assert "1872011111110001" in login("kader_a").get(url).content.decode()
    page = login("dinkes_1").get(url).content.decode()
    assert "1872011111110001" not in page and "081234567890" not in page


def test_area_lists_show_only_the_area(world, login):
    add_kader(world.a.posyandu, "Ani")
    add_kader(world.c.posyandu, "Cici")
    page = login("dinkes_1").get(reverse("kader_home")).content.decode()
    assert "Mawar" in page and "Dahlia" not in page
    page = login("staff_a").get(reverse("strata_list")).content.decode()
    assert "Mawar" in page and "Anggrek" not in page


def test_a_kader_lands_on_their_own_roster(world, login):
    response = login("kader_a").get(reverse("kader_home"))
    assert response.url == reverse("kader_roster", args=[world.a.posyandu.pk])


def test_bad_ids_and_parameters_never_give_a_5xx(world, login):
    client = login("staff_a")
    assert client.get("/kader/99999999999999999999/").status_code == 404
    assert client.get(reverse("strata_list") + "?tahun=abc").status_code == 200
    assert client.get(reverse("strata_list") + "?tahun=99999999999999999999").status_code == 200
    assert client.get(reverse("kader_home") + "?per=<x>").status_code == 200
    assert not Kader.objects.exists()
