"""The strata list page (every Posyandu of the area with its computed strata) costs the same
number of queries for three Posyandu as for five with a year of opening days each (issue 12:
exact counts on every list)."""

from django.core.cache import cache
from django.urls import reverse

from kader.tests.conftest import DAYS, YEAR
from tests.factories import child_in, make_area
from visits import services as visit_services


def test_the_strata_list_uses_a_fixed_number_of_queries(world, year_a, login, django_assert_num_queries):
    client = login("dinkes_1")  # Kota Metro: Mawar (A), Melati (A2), and B
    url = reverse("strata_list") + f"?tahun={YEAR}"
    client.get(url)
    cache.clear()
    # session, user with profile and area, the area's Posyandu; strata_for's 42 (test_strata_figures)
    with django_assert_num_queries(45):
        page = client.get(url).content.decode()
    assert "Posyandu aktif 1 dari 3" in page  # Mawar's hand-made year: madya and aktif
    for name in ("Kenanga", "Teratai"):
        posyandu = make_area(world.a.posyandu.desa, name).posyandu
        child_in(posyandu)
        for tanggal in DAYS:
            visit_services.opening_day_open(posyandu=posyandu, tanggal=tanggal, user=world.users["admin"])
    cache.clear()
    with django_assert_num_queries(45):
        page = client.get(url).content.decode()
    assert "Posyandu aktif 1 dari 5" in page and "Teratai" in page
