"""Reports by area: each role sees its own and gets 404 elsewhere."""

import pytest
from django.urls import reverse

from registry.tests.test_access import AREAS, VISIBLE
from reports.models import MonthClosing, SasaranDesa

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


def test_posyandu_report_is_a_fixed_number_of_queries(login, august, django_assert_num_queries):
    client = login("kader_a")
    # 3 for the pregnancy episodes, 5 for immunisation and vitamin A; SKDN, gizi and the age bands 4
    with django_assert_num_queries(26):
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


@pytest.mark.parametrize("page", ["pws_sasaran", "month_closing"])
@pytest.mark.parametrize("role", PWS_VISIBLE)
def test_sasaran_and_month_closing_of_another_puskesmas_are_404(login, world, role, page):
    client = login(role)
    got = {
        name: client.get(reverse(page), {"puskesmas": getattr(world, name).pk}).status_code
        for name in ("pkm_a", "pkm_b", "pkm_c")
    }
    assert got == {name: 200 if name in PWS_VISIBLE[role] else 404 for name in got}


# Closing Puskesmas A's October: its own staff (302 back to the page), others refused.
CLOSE_STATUS = {"kader_a": 404, "kader_b": 404, "staff_a": 302, "staff_b": 404, "dinkes_1": 403,
                "dinkes_2": 404, "admin": 302}  # fmt: skip


@pytest.mark.parametrize("role", CLOSE_STATUS)
def test_only_the_puskesmas_own_staff_close_its_month(login, world, role):
    url = reverse("month_closing") + f"?puskesmas={world.pkm_a.pk}&bulan=2026-10"
    response = login(role).post(url)
    assert response.status_code == CLOSE_STATUS[role]
    assert MonthClosing.objects.filter(puskesmas=world.pkm_a).exists() is (response.status_code == 302)


def test_sasaran_entered_by_another_puskesmas_is_not_read(login, world):
    desa_a, desa_b, admin = world.a.posyandu.desa, world.b.posyandu.desa, world.users["admin"]
    SasaranDesa.objects.create(desa=desa_a, tahun=2026, jenis="balita", jumlah=41, updated_by=admin)
    SasaranDesa.objects.create(desa=desa_b, tahun=2026, jenis="balita", jumlah=57, updated_by=admin)
    form = login("staff_a").get(reverse("pws_sasaran"), {"tahun": "2026"}).context["form"]
    assert form.initial == {f"balita_{desa_a.pk}": 41}
