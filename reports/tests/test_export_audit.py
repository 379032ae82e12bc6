"""Downloading a register (named people's health data) is written to the access log, which the
Puskesmas and Dinkes of that area read; the printable page and a refused download are not."""

import pytest
from django.urls import reverse

from registry.models import AccessAction, AccessLog

REGISTERS = [
    ("register_balita", "Register bayi & balita 2026 (Excel)"),
    ("register_ibu", "Register ibu hamil & nifas Posyandu A 2026 (Excel)"),
    ("register_wus", "Register WUS/PUS Posyandu A 2026 (Excel)"),
]


@pytest.mark.parametrize(("url_name", "what"), REGISTERS)
def test_an_excel_download_is_logged_with_what_was_exported(login, world, url_name, what):
    world.a.posyandu.nama = "Posyandu A"
    world.a.posyandu.save()
    url = reverse(url_name, args=[world.a.posyandu.pk])
    response = login("kader_a").get(url, {"tahun": "2026", "format": "xlsx"})
    assert response.status_code == 200
    log = AccessLog.objects.get()
    assert (log.user, log.action, log.posyandu, log.keterangan, log.person) == (
        world.users["kader_a"],
        AccessAction.EKSPOR,
        world.a.posyandu,
        what,
        None,
    )


def test_the_printable_page_is_not_an_export(login, world):
    login("kader_a").get(reverse("register_balita", args=[world.a.posyandu.pk]), {"tahun": "2026"})
    assert not AccessLog.objects.exists()


def test_a_refused_download_is_not_logged(login, world):
    url = reverse("register_balita", args=[world.a.posyandu.pk])
    assert login("kader_b").get(url, {"format": "xlsx"}).status_code == 404
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize(
    ("name", "sees"), [("staff_a", True), ("dinkes_1", True), ("staff_b", False), ("dinkes_2", False)]
)
def test_the_export_is_reviewed_by_the_area_only(login, world, name, sees):
    login("kader_a").get(reverse("register_wus", args=[world.a.posyandu.pk]), {"format": "xlsx"})
    html = login(name).get(reverse("access_log"), {"tindakan": "ekspor"}).content.decode()
    assert ("Mengekspor data warga: Register WUS/PUS" in html) is sees
