"""The access matrix: each role × each registry page × an object inside and outside its area."""

import pytest
from django.urls import reverse

VISIBLE = {
    "kader_a": {"a"},
    "kader_b": {"b"},
    "staff_a": {"a", "a2"},
    "staff_b": {"b"},
    "dinkes_1": {"a", "a2", "b"},
    "dinkes_2": {"c"},
    "admin": {"a", "a2", "b", "c"},
}
AREAS = ["a", "a2", "b", "c"]
READ_ONLY = {"dinkes_1", "dinkes_2"}

# page name → (how to get the object's pk from an Area, whether the page edits)
PAGES = {
    "person_detail": (lambda area: area.person.pk, False),
    "person_edit": (lambda area: area.person.pk, True),
    "household_detail": (lambda area: area.household.pk, False),
    "household_edit": (lambda area: area.household.pk, True),
    "household_move": (lambda area: area.household.pk, True),
    "posyandu_detail": (lambda area: area.posyandu.pk, False),
    "dose_add": (lambda area: area.person.pk, True),
    "dofu_list": (lambda area: area.posyandu.pk, False),
    "vitamin_a_round": (lambda area: area.posyandu.pk, False),
    "register_balita": (lambda area: area.posyandu.pk, False),
}


def expected_status(role: str, area: str, edits: bool) -> int:
    if area not in VISIBLE[role]:
        return 404
    return 403 if edits and role in READ_ONLY else 200


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", VISIBLE)
def test_each_role_sees_its_area_and_gets_404_elsewhere(login, world, role, page):
    client = login(role)
    pk_of, edits = PAGES[page]
    got = {area: client.get(reverse(page, args=[pk_of(getattr(world, area))])).status_code for area in AREAS}
    assert got == {area: expected_status(role, area, edits) for area in AREAS}


@pytest.mark.parametrize("role", VISIBLE)
def test_person_list_shows_only_the_area(login, world, role):
    html = login(role).get(reverse("person_list")).content.decode()
    shown = {area for area in AREAS if getattr(world, area).person.nama in html}
    assert shown == VISIBLE[role]


@pytest.mark.parametrize("role", VISIBLE)
def test_household_list_shows_only_the_area(login, world, role):
    html = login(role).get(reverse("household_list")).content.decode()
    shown = {area for area in AREAS if getattr(world, area).person.nama in html}
    assert shown == VISIBLE[role]


@pytest.mark.parametrize("role", VISIBLE)
def test_posyandu_list_shows_only_the_area(login, world, role):
    html = login(role).get(reverse("posyandu_list")).content.decode()
    shown = {area for area in AREAS if f">{getattr(world, area).posyandu.nama}<" in html}
    assert shown == VISIBLE[role]


def test_search_by_nik_does_not_reach_another_area(login, world):
    response = login("kader_a").get(reverse("person_list"), {"q": world.b.person.nik})
    assert response.context["page"].paginator.count == 0


def test_post_to_another_areas_household_is_404_and_changes_nothing(login, world):
    household = world.c.household
    response = login("staff_a").post(
        reverse("household_move", args=[household.pk]),
        {"ke_posyandu": world.a.posyandu.pk, "tanggal": "2026-11-01"},
    )
    household.refresh_from_db()
    assert response.status_code == 404
    assert household.posyandu == world.c.posyandu


def test_user_without_profile_sees_nothing(client, world, django_user_model):
    client.force_login(django_user_model.objects.create_user("tamu", password="x"))
    assert client.get(reverse("person_detail", args=[world.a.person.pk])).status_code == 404
    assert client.get(reverse("person_list")).context["page"].paginator.count == 0


@pytest.mark.parametrize("page", ["person_list", "household_list", "posyandu_list", "household_create"])
def test_anonymous_user_is_sent_to_login(client, db, page):
    response = client.get(reverse(page))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# Catatan akses: Puskesmas and Dinkes review their area's log; a kader is refused (403).
ACCESS_LOG_STATUS = {"kader_a": 403, "kader_b": 403, "staff_a": 200, "staff_b": 200, "dinkes_1": 200,
                     "dinkes_2": 200, "admin": 200}  # fmt: skip


@pytest.mark.parametrize("role", VISIBLE)
def test_access_log_shows_only_the_areas_entries_and_refuses_kader(login, world, role):
    for area in AREAS:  # each area's own kader or staff opened its person's page once
        person = getattr(world, area).person
        login("admin").get(reverse("person_detail", args=[person.pk]))
    response = login(role).get(reverse("access_log"))
    assert response.status_code == ACCESS_LOG_STATUS[role]
    if response.status_code == 200:
        html = response.content.decode()
        shown = {area for area in AREAS if getattr(world, area).person.nama in html}
        assert shown == VISIBLE[role]


@pytest.mark.parametrize("role", VISIBLE)
def test_only_admins_reach_the_login_unlock_page(login, role):
    response = login(role).get(reverse("login_unlock"))
    if role == "admin":
        assert response.status_code == 200
    else:  # everyone else is sent to the login page, as Django's user_passes_test does
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "links"),
    [
        ("kader_a", set()),
        ("staff_a", {"Catatan akses"}),
        ("dinkes_1", {"Catatan akses"}),
        ("admin", {"Catatan akses", "Buka kunci masuk"}),
    ],
)
def test_the_menu_shows_only_the_pages_the_role_may_open(login, role, links):
    html = login(role).get(reverse("posyandu_list")).content.decode()
    assert {link for link in ("Catatan akses", "Buka kunci masuk") if f">{link}</a>" in html} == links
