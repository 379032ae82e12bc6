"""The list of lomba rounds costs the same number of queries for one round as for four (issue 12:
exact counts on every list); Puskesmas B's round is not listed to Puskesmas A."""

import re

from django.urls import reverse

from pembinaan.tests.conftest import open_round

ROUND_LINK = re.compile(r'href="/penilaian/\d+/"')


def test_the_round_list_uses_a_fixed_number_of_queries(world, round_kab, login, django_assert_num_queries):
    client = login("dinkes_1")
    url = reverse("lomba_rounds")
    client.get(url)
    with django_assert_num_queries(3):  # session, user with profile and area, the rounds
        first = client.get(url).content.decode()
    for user, area in [("staff_a", f"pkm-{world.pkm_a.pk}"), ("staff_b", f"pkm-{world.pkm_b.pk}")]:
        open_round(world.users[user], area)
    open_round(world.users["dinkes_1"], f"kab-{world.kab1.pk}")
    with django_assert_num_queries(3):
        second = client.get(url).content.decode()
    assert len(ROUND_LINK.findall(first)) == 1 and len(ROUND_LINK.findall(second)) == 4
    staff_a = login("staff_a").get(url).content.decode()
    assert "Puskesmas B" not in staff_a and "Puskesmas A" in staff_a
