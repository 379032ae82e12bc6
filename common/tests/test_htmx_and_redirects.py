"""htmx partials vs full pages, and redirect targets taken from the request (issue 10 items 14, 15)."""

from urllib.parse import urlencode

import pytest
from django.test import RequestFactory

from common.htmx import is_partial
from common.redirects import safe_target
from registry.models import Household
from registry.tests.test_household_entry import household_post, member
from visits.models import Referral

from .walk import populate

rf = RequestFactory()


@pytest.mark.parametrize(
    ("headers", "partial"),
    [
        ({}, False),
        ({"HX-Request": "true"}, True),
        ({"HX-Request": "true", "HX-History-Restore-Request": "true"}, False),
    ],
)
def test_only_an_htmx_swap_is_partial(headers, partial):
    assert is_partial(rf.get("/", headers=headers)) is partial


@pytest.mark.parametrize(
    ("target", "safe"),
    [
        ("/rujukan/?status=belum", "/rujukan/?status=belum"),
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("/\\evil.example", None),
        ("javascript:alert(1)", None),
        ("abc", None),  # not a path: redirect() would try it as a view name
        ("http://testserver/rujukan/", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_target_keeps_only_this_site(target, safe):
    assert safe_target(rf.get("/"), target) == safe


SEARCH_PAGES = [("/warga/?q=Kepala", "<html"), ("/keluarga/?q=Jl", "<html"), ("/laporan/rekap/", "<html")]


@pytest.mark.parametrize(("url", "page_marker"), SEARCH_PAGES)
def test_search_swap_gets_the_rows_and_a_history_restore_the_page(login, url, page_marker):
    client = login("staff_a")
    swap = client.get(url, headers={"HX-Request": "true"})
    restore = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    plain = client.get(url)
    assert page_marker not in swap.content.decode()
    assert page_marker in restore.content.decode() and page_marker in plain.content.decode()
    for response in (swap, restore, plain):
        assert "HX-Request" in response["Vary"]


def test_queue_search_swap_and_history_restore(world, login):
    day_pk = populate(world).real["hari-buka/"]
    client = login("kader_a")
    url = f"/hari-buka/{day_pk}/?q=Kepala"
    assert "<html" not in client.get(url, headers={"HX-Request": "true"}).content.decode()
    restore = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.content.decode()


@pytest.mark.parametrize(
    ("next_url", "lands_on"),
    [
        ("https://evil.example/phish", "/rujukan/"),
        ("//evil.example/", "/rujukan/"),
        ("/rujukan/?status=semua", "/rujukan/?status=semua"),
        ("", "/rujukan/"),
        ("abc", "/rujukan/"),
    ],
)
def test_referral_follow_up_returns_only_within_the_site(world, login, next_url, lands_on):
    referral = Referral.objects.get(pk=populate(world).real["rujukan/"])
    outcome = {"dirujuk_ke": "Puskesmas A", "sampai": "true", "next": next_url}
    response = login("staff_a").post(f"/rujukan/{referral.pk}/tindak-lanjut/", outcome)
    assert response.status_code == 302
    assert response["Location"] == lands_on
    referral.refresh_from_db()
    assert referral.ditindaklanjuti_at is not None


@pytest.mark.parametrize(
    ("next_url", "lands_on"),
    [("https://evil.example/", "/keluarga/{pk}/"), ("/hari-buka/7/?meja=1", "/hari-buka/7/?meja=1")],
)
def test_household_form_returns_to_next_only_within_the_site(world, login, next_url, lands_on):
    data = household_post(world.a.posyandu, member(0, hubungan="kepala"))
    response = login("kader_a").post("/keluarga/baru/?" + urlencode({"next": next_url}), data)
    household = Household.objects.get(no_kk="1872011234560001")
    assert response.status_code == 302
    assert response["Location"] == lands_on.format(pk=household.pk)
