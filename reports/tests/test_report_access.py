"""Reports by area: each role sees its own and gets 404 elsewhere."""

import pytest
from django.urls import reverse

from registry.tests.test_access import AREAS, VISIBLE

PWS_VISIBLE = {
    "kader_a": set(),
    "kader_b": set(),
    "staff_a": {"pkm_a"},
    "staff_b": {"pkm_b"},
    "dinkes_1": {"pkm_a", "pkm_b"},
    "dinkes_2": {"pkm_c"},
    "admin": {"pkm_a", "pkm_b", "pkm_c"},
}


@pytest.mark.parametrize("role", VISIBLE)
def test_monthly_posyandu_report_of_another_area_is_404(login, world, role):
    client = login(role)
    got = {
        area: client.get(reverse("posyandu_report", args=[getattr(world, area).posyandu.pk])).status_code
        for area in AREAS
    }
    assert got == {area: 200 if area in VISIBLE[role] else 404 for area in AREAS}


@pytest.mark.parametrize("role", PWS_VISIBLE)
def test_pws_of_another_puskesmas_is_404(login, world, role):
    client = login(role)
    got = {
        name: client.get(reverse("pws_dashboard"), {"puskesmas": getattr(world, name).pk}).status_code
        for name in ("pkm_a", "pkm_b", "pkm_c")
    }
    assert got == {name: 200 if name in PWS_VISIBLE[role] else 404 for name in got}


def test_sasaran_of_another_puskesmas_cannot_be_written(login, world):
    desa_b = world.b.posyandu.desa
    response = login("staff_a").post(
        reverse("pws_sasaran") + f"?puskesmas={world.pkm_b.pk}", {f"balita_{desa_b.pk}": "5"}
    )
    assert response.status_code == 404


def test_dinkes_reads_but_cannot_write_sasaran(login, world):
    desa = world.a.posyandu.desa
    url = reverse("pws_sasaran") + f"?puskesmas={world.pkm_a.pk}"
    assert login("dinkes_1").post(url, {f"balita_{desa.pk}": "5"}).status_code == 403


def test_posyandu_report_is_a_fixed_number_of_queries(login, august, django_assert_max_num_queries):
    client = login("kader_a")
    with django_assert_max_num_queries(20):
        response = client.get(reverse("posyandu_report", args=[august.a.posyandu.pk]), {"bulan": "2026-08"})
    html = response.content.decode()
    assert (
        "<td>7</td><td>5</td><td>7</td><td>2</td><td>1</td><td>1</td><td>3</td><td>1</td><td>0</td>" in html
    )
    assert "100,0%" in html and "28,6%" in html  # D/S 7/7, N/D 2/7


@pytest.mark.parametrize("role, target", [("kader_a", "posyandu_report"), ("staff_a", "pws_dashboard")])
def test_report_menu_opens_the_users_own_report(login, world, role, target):
    response = login(role).get(reverse("report_home"))
    expected = reverse(target, args=[world.a.posyandu.pk]) if target == "posyandu_report" else reverse(target)
    assert response.url == expected
