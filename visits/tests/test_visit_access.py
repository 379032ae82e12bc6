"""The access matrix for visits: each role × each page × a visit inside and outside its area."""

import pytest
from django.urls import reverse

from registry.tests.test_access import AREAS, VISIBLE
from visits import services
from visits.models import Referral, Visit


@pytest.fixture
def visits(world, today):
    """A visit with a referral in each area, recorded by that area's own kader or staff."""
    made = {}
    for name in AREAS:
        area = getattr(world, name)
        user = world.users["admin"]
        day = services.opening_day_open(posyandu=area.posyandu, tanggal=today, user=user)
        visit = services.visit_register(person=area.person, opening_day=day, user=user)
        services.record_save(
            visit=visit, meja=2, data={"sistol": 170, "diastol": 100}, user=user, version=None
        )
        made[name] = visit
    return made


PAGES = {
    "opening_day_detail": lambda v: [v.opening_day_id],
    "visit_detail": lambda v: [v.pk],
    "visit_meja_2": lambda v: [v.pk, 2],
    "visit_meja_3": lambda v: [v.pk, 3],
    "visit_meja_4": lambda v: [v.pk, 4],
    "visit_meja_5": lambda v: [v.pk, 5],
}


def url(page: str, visit) -> str:
    name = "visit_meja" if page.startswith("visit_meja") else page
    return reverse(name, args=PAGES[page](visit))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", VISIBLE)
def test_each_role_opens_its_areas_visits_and_gets_404_elsewhere(login, visits, role, page):
    client = login(role)
    got = {area: client.get(url(page, visits[area])).status_code for area in AREAS}
    assert got == {area: 200 if area in VISIBLE[role] else 404 for area in AREAS}


@pytest.mark.parametrize("role", VISIBLE)
def test_referral_list_shows_only_the_area(login, world, visits, role):
    html = login(role).get(reverse("referral_list")).content.decode()
    shown = {area for area in AREAS if f">{getattr(world, area).person.nama}<" in html}
    assert shown == VISIBLE[role]


@pytest.mark.parametrize("role", VISIBLE)
def test_opening_day_list_shows_only_the_area(login, world, visits, role):
    html = login(role).get(reverse("opening_day_list")).content.decode()
    shown = {area for area in AREAS if f"Posyandu {getattr(world, area).posyandu.nama}</span>" in html}
    assert shown == VISIBLE[role]


def test_saving_another_areas_visit_is_404_and_changes_nothing(login, visits):
    response = login("kader_a").post(url("visit_meja_2", visits["b"]), {"sistol": "120", "diastol": "80"})
    assert response.status_code == 404
    assert visits["b"].measurement.sistol == 170


def test_follow_up_of_another_areas_referral_is_404(login, visits):
    referral = Referral.objects.get(visit=visits["c"])
    response = login("staff_a").post(reverse("referral_follow_up", args=[referral.pk]))
    assert response.status_code == 404
    referral.refresh_from_db()
    assert referral.ditindaklanjuti_at is None


def test_kader_cannot_mark_follow_up_but_puskesmas_can(login, visits):
    referral = Referral.objects.get(visit=visits["a"])
    assert login("kader_a").post(reverse("referral_follow_up", args=[referral.pk])).status_code == 403
    outcome = {"dirujuk_ke": "Puskesmas A", "sampai": "true"}
    staff = login("staff_a")
    assert staff.post(reverse("referral_follow_up", args=[referral.pk]), outcome).status_code == 302
    referral.refresh_from_db()
    assert referral.ditindaklanjuti_at is not None


def test_dinkes_reads_but_cannot_record(login, visits):
    dinkes = login("dinkes_1")
    assert (
        dinkes.post(url("visit_meja_2", visits["a"]), {"sistol": "120", "diastol": "80"}).status_code == 403
    )
    assert dinkes.post(reverse("opening_day_list"), {"posyandu": visits["a"].posyandu_id}).status_code == 403


def test_kader_cannot_add_another_posyandus_person_to_the_queue(login, world, visits):
    day = visits["a"].opening_day
    response = login("kader_a").post(
        reverse("opening_day_detail", args=[day.pk]), {"person": world.b.person.pk}
    )
    assert response.status_code == 404


def follow_up_status(role: str, area: str) -> int:
    """Catat tindak lanjut: 404 outside the area, 403 for kader and Dinkes, the form otherwise."""
    if area not in VISIBLE[role]:
        return 404
    return 200 if role.startswith("staff") or role == "admin" else 403


@pytest.mark.parametrize("role", VISIBLE)
def test_referral_follow_up_page_by_role_and_area(login, visits, role):
    client = login(role)
    got = {
        area: client.get(
            reverse("referral_follow_up", args=[Referral.objects.get(visit=visits[area]).pk])
        ).status_code
        for area in AREAS
    }
    assert got == {area: follow_up_status(role, area) for area in AREAS}


def remove_status(role: str, area: str) -> int:
    """Taking a visit out of the queue: 404 outside the area, 403 for Dinkes, done otherwise."""
    if area not in VISIBLE[role]:
        return 404
    return 403 if role.startswith("dinkes") else 302


@pytest.mark.parametrize("role", VISIBLE)
def test_visit_removal_from_the_queue_by_role_and_area(login, world, today, role):
    client = login(role)
    admin = world.users["admin"]
    got, removed = {}, set()
    for area in AREAS:
        day = services.opening_day_open(posyandu=getattr(world, area).posyandu, tanggal=today, user=admin)
        visit = services.visit_register(person=getattr(world, area).person, opening_day=day, user=admin)
        got[area] = client.post(reverse("visit_remove", args=[visit.pk])).status_code
        if not Visit.objects.filter(pk=visit.pk, dihapus_at__isnull=True).exists():
            removed.add(area)
    assert got == {area: remove_status(role, area) for area in AREAS}
    assert removed == {area for area in AREAS if got[area] == 302}


@pytest.mark.parametrize("role", VISIBLE)
def test_todays_opening_day_is_one_of_the_users_area(login, visits, role):
    response = login(role).get(reverse("opening_day_today"))
    own_days = {reverse("opening_day_detail", args=[visits[area].opening_day_id]) for area in VISIBLE[role]}
    assert response.status_code == 302
    assert response.url in own_days
