"""Full NIK, No. KK and phone only for the kader and Puskesmas of the person; masked elsewhere.
Opening a person's page is logged and reviewed by Puskesmas and Dinkes of the area."""

import pytest
from django.urls import reverse

from registry import identifiers
from registry.models import AccessAction, AccessLog


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1871011204850047", "1871••••••••0047"),
        ("081234567890", "0812••••7890"),
        ("08123456", "0812••56"),
        ("1234567", "•••••••"),
        ("123", "•••"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_keeps_the_ends_only(value, shown):
    assert identifiers.mask(value) == shown


@pytest.fixture
def person(world):
    person = world.a.person
    person.telepon = "081234567890"
    person.save()
    return person


@pytest.mark.parametrize("name", ["kader_a", "staff_a"])
def test_kader_and_puskesmas_of_the_person_see_full_identifiers(login, person, name):
    html = login(name).get(reverse("person_detail", args=[person.pk])).content.decode()
    assert person.nik in html and "081234567890" in html


@pytest.mark.parametrize("name", ["dinkes_1", "admin"])
def test_dinkes_and_admin_see_them_masked(login, person, name):
    html = login(name).get(reverse("person_detail", args=[person.pk])).content.decode()
    assert person.nik not in html and identifiers.mask(person.nik) in html
    assert "081234567890" not in html and "0812••••7890" in html
    household = login(name).get(reverse("household_detail", args=[person.household.pk])).content.decode()
    assert person.household.no_kk not in household and identifiers.mask(person.household.no_kk) in household


@pytest.mark.parametrize("url_name", ["person_list", "household_list"])
def test_lists_show_masked_identifiers_even_to_the_kader(login, person, url_name):
    html = login("kader_a").get(reverse(url_name)).content.decode()
    assert person.household.no_kk not in html
    assert identifiers.mask(person.household.no_kk) in html
    assert person.nik not in html


def test_opening_a_person_page_is_logged(login, person, world):
    login("kader_a").get(reverse("person_detail", args=[person.pk]))
    log = AccessLog.objects.get()
    assert (log.user, log.person, log.action, log.posyandu) == (
        world.users["kader_a"],
        person,
        AccessAction.LIHAT,
        world.a.posyandu,
    )


def test_refused_person_page_is_not_logged(login, world):
    assert login("kader_b").get(reverse("person_detail", args=[world.a.person.pk])).status_code == 404
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize(
    ("name", "sees"), [("staff_a", True), ("dinkes_1", True), ("staff_b", False), ("dinkes_2", False)]
)
def test_access_log_is_shown_to_the_area_only(login, person, name, sees):
    login("kader_a").get(reverse("person_detail", args=[person.pk]))
    html = login(name).get(reverse("access_log")).content.decode()
    assert ("kader_a" in html) is sees


def test_kader_cannot_read_the_access_log(login):
    assert login("kader_a").get(reverse("access_log")).status_code == 403


def test_access_log_takes_constant_queries(login, world, django_assert_num_queries):
    for area in (world.a, world.a2, world.b):
        for _ in range(3):
            login("admin").get(reverse("person_detail", args=[area.person.pk]))
    client = login("dinkes_1")
    with django_assert_num_queries(4):
        response = client.get(reverse("access_log"), {"tindakan": "lihat"})
    assert len(response.context["page"]) == 9


def test_admin_lists_show_identifiers_masked(login, person):
    client = login("admin")
    people = client.get(reverse("admin:registry_person_changelist")).content.decode()
    households = client.get(reverse("admin:registry_household_changelist")).content.decode()
    assert person.nik not in people and identifiers.mask(person.nik) in people
    assert person.household.no_kk not in households


def test_opening_a_household_page_is_logged(login, world):
    login("staff_a").get(reverse("household_detail", args=[world.a.household.pk]))
    log = AccessLog.objects.get()
    assert (log.user, log.household, log.person, log.posyandu) == (
        world.users["staff_a"],
        world.a.household,
        None,
        world.a.posyandu,
    )
