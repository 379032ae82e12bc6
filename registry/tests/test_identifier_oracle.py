"""A NIK or No. KK registered outside the user's area: refused without a sweepable answer."""

import pytest
from django.urls import reverse

from registry import privacy
from registry.models import AccessAction, AccessLog, Household
from registry.tests.test_household_entry import household_post, member
from tests.factories import make_person

FREE_NIK = "1872011204850001"


@pytest.fixture
def kader(login):
    return login("kader_a")


def _register(client, world, nik="", no_kk="1872 0112 3456 0001"):
    data = household_post(world.a.posyandu, member(0, nik=nik, hubungan="kepala"), no_kk=no_kk)
    return client.post(reverse("household_create"), data)


def test_nik_elsewhere_is_refused_logged_for_that_area_and_names_nobody(kader, world):
    other = world.c.person
    html = _register(kader, world, nik=other.nik).content.decode()
    assert privacy.ELSEWHERE_MESSAGE.format(label="NIK") in html
    assert other.nama not in html and str(world.c.posyandu) not in html
    log = AccessLog.objects.get()
    assert (log.user, log.action, log.person, log.posyandu) == (
        world.users["kader_a"],
        AccessAction.NIK_LAIN,
        other,
        world.c.posyandu,
    )


def test_no_kk_elsewhere_is_refused_and_logged(kader, world):
    other = world.c.household
    response = _register(kader, world, no_kk=other.no_kk)
    assert response.context["form"].errors["no_kk"] == [privacy.ELSEWHERE_MESSAGE.format(label="No. KK")]
    assert AccessLog.objects.filter(action=AccessAction.KK_LAIN, household=other).count() == 1
    assert not Household.objects.filter(alamat="Jl. Kenari No. 5").exists()


def test_no_kk_in_own_area_links_to_the_household(kader, world):
    response = _register(kader, world, no_kk=world.a.household.no_kk)
    link = reverse("household_detail", args=[world.a.household.pk])
    assert f'<a href="{link}">lihat keluarga</a>' in response.content.decode()
    assert not AccessLog.objects.exists()


def test_after_five_refusals_a_free_nik_is_refused_alike(kader, world):
    others = [make_person(world.c.household) for _ in range(privacy.PROBES_PER_DAY)]
    for person in others[:-1]:
        _register(kader, world, nik=person.nik)
    # The fourth refusal still lets an unknown NIK through the NIK check.
    assert "nik" not in _nik_errors(_register(kader, world, nik=FREE_NIK, no_kk="12"))
    _register(kader, world, nik=others[-1].nik)
    exhausted = privacy.EXHAUSTED_MESSAGE.format(label="NIK")
    assert _nik_errors(_register(kader, world, nik=FREE_NIK)) == [exhausted]
    assert _nik_errors(_register(kader, world, nik=world.c.person.nik)) == [exhausted]


def test_the_limit_is_per_user(kader, world, login):
    for _ in range(privacy.PROBES_PER_DAY):
        _register(kader, world, nik=make_person(world.c.household).nik)
    response = _register(login("staff_a"), world, nik=FREE_NIK)
    assert response.status_code == 302


def test_probes_are_reviewed_by_the_area_of_the_record_only(kader, world, login):
    _register(kader, world, nik=world.c.person.nik)
    log_page = reverse("access_log")
    assert "NIK yang terdaftar di wilayah lain" in login("dinkes_2").get(log_page).content.decode()
    assert "Belum ada catatan" in login("dinkes_1").get(log_page).content.decode()


def _nik_errors(response):
    return response.context["members"].forms[0].errors.get("nik", [])
