import datetime as dt
import random

import pytest
from django.urls import reverse

from registry import lifecycle, selectors
from registry.models import Person
from tests.factories import make_household, make_person


def test_search_by_name_nik_and_kk(world):
    user = world.users["staff_a"]
    person = world.a.person
    assert list(selectors.person_search(user=user, q=person.nama.lower())) == [person]
    assert list(selectors.person_search(user=user, q=person.nik)) == [person]
    assert list(selectors.person_search(user=user, q=world.a.household.no_kk)) == [person]


def test_lifecycle_groups_in_sql_equal_the_python_rule(world):
    """The database filter and lifecycle_groups() agree on a crowd of random people."""
    rng = random.Random(7)
    household = make_household(world.a.posyandu)
    on = dt.date(2026, 3, 1)
    for _ in range(300):
        born = on - dt.timedelta(days=rng.randint(0, 80 * 365))
        sex = rng.choice("LP")
        adult_woman = sex == "P" and (on - born).days > 15 * 365
        hpht = on - dt.timedelta(days=rng.randint(-30, 400)) if adult_woman and rng.random() < 0.5 else None
        birth = on - dt.timedelta(days=rng.randint(-30, 900)) if adult_woman and rng.random() < 0.5 else None
        Person.objects.create(
            household=household, nama="x", jenis_kelamin=sex, tanggal_lahir=born, hubungan="anak",
            hpht=hpht, tanggal_persalinan=birth,
        )  # fmt: skip
    people = list(Person.objects.filter(household=household))
    for group in lifecycle.Group:
        in_sql = set(
            Person.objects.filter(household=household)
            .filter(selectors.lifecycle_q(group, on))
            .values_list("pk", flat=True)
        )
        in_python = {
            p.pk
            for p in people
            if group
            in lifecycle.lifecycle_groups(p.tanggal_lahir, on, p.jenis_kelamin, p.hpht, p.tanggal_persalinan)
        }
        assert in_sql == in_python, group


def test_posyandu_group_counts(world):
    on = dt.date(2026, 6, 10)
    household = make_household(world.a2.posyandu)
    make_person(household, tanggal_lahir=dt.date(2026, 1, 1))  # balita
    make_person(household, tanggal_lahir=dt.date(1960, 1, 1))  # lansia
    make_person(household, tanggal_lahir=dt.date(1996, 1, 1), hpht=dt.date(2026, 3, 1))  # hamil + dewasa
    counts = dict(selectors.posyandu_group_counts(posyandu=world.a2.posyandu, on=on))
    assert counts[lifecycle.Group.BAYI_BALITA] == 1
    assert counts[lifecycle.Group.LANSIA] == 1
    assert counts[lifecycle.Group.IBU_HAMIL] == 1
    assert counts[lifecycle.Group.USIA_DEWASA] == 2  # Kepala Melati (born 1990) and the mother


@pytest.mark.parametrize(
    ("page", "queries"), [("person_list", 4), ("household_list", 5), ("posyandu_list", 3)]
)
def test_list_pages_use_a_constant_number_of_queries(login, world, page, queries, django_assert_num_queries):
    client = login("admin")
    for area in (world.a, world.b):
        for _ in range(15):
            household = make_household(area.posyandu)
            make_person(household, hubungan="kepala")
            make_person(household)
    with django_assert_num_queries(queries):
        assert client.get(reverse(page)).status_code == 200
