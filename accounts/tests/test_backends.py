"""The session's user comes with their profile and area in one query."""

import pytest
from django.urls import reverse

from accounts.backends import AreaUserBackend
from registry.scoping import profile_of


@pytest.mark.parametrize(
    ("name", "area"),
    [("kader_a", "Posyandu Mawar"), ("staff_a", "Puskesmas A"), ("dinkes_1", "Kota Metro"), ("admin", None)],
)
def test_the_user_comes_with_profile_and_area_in_one_query(world, django_assert_num_queries, name, area):
    with django_assert_num_queries(1):
        user = AreaUserBackend().get_user(world.users[name].pk)
        found = profile_of(user).area
    assert user.username == name
    assert (str(found) if found else None) == area


def test_a_user_without_profile_is_loaded_with_none(db, django_user_model, django_assert_num_queries):
    plain = django_user_model.objects.create_user(username="tanpa_profil", password="x-Panjang-9321")
    with django_assert_num_queries(1):
        user = AreaUserBackend().get_user(plain.pk)
        assert profile_of(user) is None


def test_an_inactive_or_missing_user_has_no_session_user(world):
    inactive = world.users["kader_b"]
    inactive.is_active = False
    inactive.save()
    assert AreaUserBackend().get_user(inactive.pk) is None
    assert AreaUserBackend().get_user(999_999) is None


def test_every_page_reads_the_user_and_area_once(login, world, django_assert_num_queries):
    """A page's session and user: two queries, whatever the page then reads of the area."""
    client = login("kader_a")
    with django_assert_num_queries(2):
        assert client.get("/tidak-ada/").status_code == 404


def test_a_session_of_the_earlier_backend_goes_to_the_login_page_not_an_error(client, world):
    """Sessions name their backend; those made before AreaUserBackend end once, cleanly."""
    client.force_login(world.users["kader_a"], backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("person_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
