"""The home-visit list and a home visit's outcome: closing a reason, filters, access by area,
refused input, and a constant number of queries."""

import datetime as dt
from urllib.parse import urlencode

import pytest
import time_machine
from django.urls import reverse

from registry.models import Relation
from registry.tests.test_access import AREAS, VISIBLE
from tests.factories import make_household, make_person
from visits import home_visit_services
from visits.home_visit_reasons import Found
from visits.models import HomeVisitOutcome, Visit

NOV_16 = dt.datetime(2026, 11, 16, 10, 0, tzinfo=dt.UTC)
pytestmark = pytest.mark.usefixtures("_nov_16")


@pytest.fixture
def _nov_16():
    with time_machine.travel(NOV_16, tick=False):
        yield


def balita_in(area, nama="Nabila"):
    household = make_household(area.posyandu)
    return make_person(household, nama=nama, nik=None, tanggal_lahir=dt.date(2025, 9, 1))


def outcome_url(person, kode="belum_datang"):
    return f"{reverse('home_visit_outcome', args=[person.pk])}?alasan={kode}"


def listed(client, **params):
    rows = client.get(reverse("home_visit_list"), params).context["rows"]
    return {(row.person.nama, line.kode, line.is_open) for row in rows for line in row.reasons}


def test_each_row_says_why_and_recording_an_outcome_closes_the_reason(login, world):
    nabila = balita_in(world.a)
    client = login("kader_a")
    assert ("Nabila", "belum_datang", True) in listed(client)
    response = client.post(outcome_url(nabila), {"hasil": "tidak_ditemui", "catatan": "Rumah kosong"})
    assert response.status_code == 302
    outcome = HomeVisitOutcome.objects.get(person=nabila)
    assert (outcome.kode, outcome.bulan, outcome.hasil, outcome.posyandu) == (
        "belum_datang",
        dt.date(2026, 11, 1),
        "tidak_ditemui",
        world.a.posyandu,
    )
    assert outcome.alasan == "Belum ada kunjungan bulan ini"
    assert ("Nabila", "belum_datang", True) not in listed(client)
    assert ("Nabila", "belum_datang", False) in listed(client, status="ditutup")
    html = client.get(reverse("home_visit_list"), {"status": "semua"}).content.decode()
    assert "Tidak ditemui" in html and "Rumah kosong" in html


def test_a_closed_reason_stays_as_history_after_the_visit_removed_it(login, world):
    nabila = balita_in(world.a)
    client = login("kader_a")
    client.post(reverse("home_visit_list"), {"posyandu": world.a.posyandu.pk, "person": nabila.pk})
    assert Visit.objects.get(person=nabila).jenis == "rumah"
    assert ("Nabila", "belum_datang", True) not in listed(client)  # the home visit counts as seen
    client.post(outcome_url(nabila), {"hasil": "dilayani"})
    # the reason no longer holds (she was seen), so the page refuses to close it again
    assert not HomeVisitOutcome.objects.filter(person=nabila).exists()


def test_an_outcome_links_the_home_visit_of_the_day(world):
    nabila = balita_in(world.a)
    kader = world.users["kader_a"]
    visit = Visit.objects.create(
        person=nabila, posyandu=world.a.posyandu, tanggal=NOV_16.date(), jenis="rumah", created_by=kader
    )
    reason = Found(nabila.pk, "belum_datang", "Belum ada kunjungan bulan ini")
    outcome = home_visit_services.home_visit_close(
        person=nabila, reason=reason, tanggal=NOV_16.date(), user=kader, hasil="dilayani"
    )
    assert outcome.visit == visit
    with pytest.raises(home_visit_services.AlreadyClosed):
        home_visit_services.home_visit_close(
            person=nabila, reason=reason, tanggal=NOV_16.date(), user=kader, hasil="menolak"
        )
    assert HomeVisitOutcome.objects.filter(person=nabila).count() == 1


def test_filters_by_reason_and_life_cycle_group(login, world):
    balita_in(world.a)
    make_person(
        make_household(world.a.posyandu),
        nama="Mbah Sri",
        hubungan=Relation.KEPALA,
        tanggal_lahir=dt.date(1950, 1, 1),
    )
    client = login("kader_a")
    assert {name for name, *_ in listed(client, kelompok="lansia")} == {"Mbah Sri"}
    assert {name for name, *_ in listed(client, kelompok="bayi_balita")} == {"Nabila"}
    assert listed(client, alasan="gizi") == set()
    for bad in ({"alasan": "x' OR 1=1"}, {"kelompok": "9"}, {"status": "??"}, {"page": "abc"}):
        assert client.get(reverse("home_visit_list"), bad).status_code == 200


def test_a_missing_outcome_is_refused_beside_the_field_and_keeps_the_note(login, world):
    nabila = balita_in(world.a)
    response = login("kader_a").post(outcome_url(nabila), {"hasil": "", "catatan": "Ibu sedang ke pasar"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pilih hasil kunjungan." in html and 'value="Ibu sedang ke pasar"' in html
    assert not HomeVisitOutcome.objects.exists()


def test_unknown_or_missing_reason_is_404(login, world):
    nabila = balita_in(world.a)
    client = login("kader_a")
    assert client.get(outcome_url(nabila, "tidak_ada")).status_code == 404
    assert client.get(reverse("home_visit_outcome", args=[nabila.pk])).status_code == 404


@pytest.mark.parametrize(
    ("next_url", "lands_on"),
    [
        ("https://evil.example/phish", "/kunjungan-rumah/?posyandu={pk}"),
        ("//evil.example/", "/kunjungan-rumah/?posyandu={pk}"),
        ("javascript:alert(1)", "/kunjungan-rumah/?posyandu={pk}"),
        ("/kunjungan-rumah/?alasan=gizi", "/kunjungan-rumah/?alasan=gizi"),
    ],
)
def test_outcome_page_links_and_returns_only_within_the_site(login, world, next_url, lands_on):
    """The back link and the hidden "next" of the page, like the redirect, go through
    common.redirects.safe_target (issue 10 item 14)."""
    nabila = balita_in(world.a)
    client = login("kader_a")
    expected = lands_on.format(pk=world.a.posyandu.pk)
    page = client.get(f"{outcome_url(nabila)}&{urlencode({'next': next_url})}")
    assert page.context["back"] == expected
    assert "evil.example" not in page.content.decode() and "javascript:" not in page.content.decode()
    response = client.post(outcome_url(nabila), {"hasil": "menolak", "next": next_url})
    assert (response.status_code, response["Location"]) == (302, expected)


@pytest.mark.parametrize("role", VISIBLE)
def test_outcome_page_by_role_and_area(login, world, role):
    people = {area: balita_in(getattr(world, area), nama=f"Balita {area}") for area in AREAS}
    client = login(role)
    got = {area: client.get(outcome_url(person)).status_code for area, person in people.items()}
    writes = 403 if role.startswith("dinkes") else 200
    assert got == {area: writes if area in VISIBLE[role] else 404 for area in AREAS}
    for area, person in people.items():
        if area not in VISIBLE[role]:
            assert client.post(outcome_url(person), {"hasil": "menolak"}).status_code == 404
    assert not HomeVisitOutcome.objects.exclude(
        posyandu__in=[getattr(world, a).posyandu for a in VISIBLE[role]]
    )


def test_kader_sees_only_their_posyandu_and_another_is_404(login, world):
    balita_in(world.a, nama="Di A")
    balita_in(world.b, nama="Di B")
    client = login("kader_a")
    assert {name for name, *_ in listed(client)} >= {"Di A"}
    assert "Di B" not in {name for name, *_ in listed(client)}
    assert client.get(reverse("home_visit_list"), {"posyandu": world.b.posyandu.pk}).status_code == 404
    assert (
        login("kader_b").get(reverse("home_visit_list"), {"posyandu": world.a.posyandu.pk}).status_code == 404
    )


def _people(world, n: int) -> None:
    kader = world.users["kader_a"]
    for i in range(n):
        child = balita_in(world.a, nama=f"Anak {i}")
        reason = Found(child.pk, "belum_datang", "Belum ada kunjungan bulan ini")
        if i % 2:
            home_visit_services.home_visit_close(
                person=child, reason=reason, tanggal=NOV_16.date(), user=kader, hasil="menolak"
            )


@pytest.mark.parametrize("size", [3, 20])
def test_the_list_uses_a_constant_number_of_queries(login, world, size, django_assert_num_queries):
    _people(world, size)
    client = login("kader_a")
    with django_assert_num_queries(18):  # 2 of them for the immunisation-overdue reason
        client.get(reverse("home_visit_list"), {"status": "semua"})
