"""After 5 failed logins the username and the address are locked, for a doubling delay."""

import pytest
from django.urls import reverse

from accounts import throttle
from tests.factories import PASSWORD


def _login(client, username, password, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client, times, username="kader_a", address="10.0.0.1"):
    for _ in range(times):
        _login(client, username, "salah-sandi", address)


@pytest.mark.parametrize(
    ("failures", "seconds"), [(0, 0), (4, 0), (5, 60), (6, 120), (7, 240), (11, 3600), (20, 3600)]
)
def test_lock_grows_from_the_fifth_failure(failures, seconds):
    assert throttle.lock_seconds(failures) == seconds


@pytest.mark.parametrize(("failures", "seconds"), [(19, 0), (20, 60), (21, 120)])
def test_an_address_is_locked_from_the_twentieth_failure(failures, seconds):
    assert throttle.lock_seconds(failures, throttle.ADDRESS_FREE_FAILURES) == seconds


def test_four_failures_still_let_the_right_password_in(client, world):
    _fail(client, 4)
    assert _login(client, "kader_a", PASSWORD).status_code == 302


def test_a_wrong_password_says_so_in_plain_indonesian(client, world):
    html = _login(client, "kader_a", "salah-sekali").content.decode()
    assert "Nama pengguna atau kata sandi salah." in html
    assert "nama pengguna nama pengguna" not in html.lower()


def test_fifth_failure_locks_the_account_with_an_indonesian_message(client, world):
    _fail(client, 5)
    response = _login(client, "kader_a", PASSWORD, address="10.9.9.9")
    assert response.status_code == 200
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_trying_many_usernames_is_locked_after_twenty(client, world):
    for i in range(19):
        _fail(client, 1, username=f"tebakan{i}", address="10.0.0.7")
    # A Puskesmas office shares one address: 19 failures of its users lock nobody.
    assert _login(client, "kader_a", PASSWORD, address="10.0.0.7").status_code == 302
    client.logout()
    _fail(client, 1, username="tebakan19", address="10.0.0.7")
    assert _login(client, "kader_b", PASSWORD, address="10.0.0.7").status_code == 200
    assert _login(client, "kader_b", PASSWORD, address="10.0.0.8").status_code == 302


def test_lock_expires_after_its_delay():
    attempt = throttle.Attempt("kader_a", "10.0.0.1")
    for _ in range(5):
        throttle.record_failure(attempt, now=1000.0)
    assert throttle.seconds_locked(attempt, now=1030.0) == 30
    assert throttle.seconds_locked(attempt, now=1060.0) == 0


def test_username_case_does_not_escape_the_lock(client, world):
    _fail(client, 5, username="KADER_A")
    assert _login(client, "kader_a", PASSWORD, address="10.9.9.9").status_code == 200


def test_admin_unlocks_a_username(client, world):
    _fail(client, 5)
    client.force_login(world.users["admin"])
    response = client.post(reverse("login_unlock"), {"username": "kader_a", "address": "10.0.0.1"})
    assert response.status_code == 302
    client.logout()
    assert _login(client, "kader_a", PASSWORD).status_code == 302


@pytest.mark.parametrize("name", ["kader_a", "staff_a", "dinkes_1"])
def test_only_admin_may_unlock(client, world, name):
    _fail(client, 5)
    client.force_login(world.users[name])
    response = client.post(reverse("login_unlock"), {"username": "kader_a"})
    assert response.status_code == 302 and reverse("login") in response.url
    client.logout()
    assert _login(client, "kader_a", PASSWORD, address="10.9.9.9").status_code == 200


def test_unlock_without_username_or_address_says_so(client, world):
    client.force_login(world.users["admin"])
    response = client.post(reverse("login_unlock"), {"username": "", "address": "bukan-ip"})
    assert response.status_code == 200
    assert "alamat IP" in response.content.decode()


def test_admin_login_is_throttled_too(client, world):
    for _ in range(5):
        client.post(
            reverse("admin:login"), {"username": "admin", "password": "salah"}, REMOTE_ADDR="10.0.0.3"
        )
    response = client.post(
        reverse("admin:login"), {"username": "admin", "password": PASSWORD}, REMOTE_ADDR="10.0.0.4"
    )
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("typed", ["kader a", "x" * 300, "kader\n\tä", ""])
def test_any_typed_username_makes_a_valid_cache_key_without_the_username(typed):
    """memcached refuses keys with spaces or control characters, or over 250 characters."""
    key = throttle.Attempt(typed, "10.0.0.1").cache_keys()[0]
    assert len(key) < 250 and key.isascii() and key.isprintable() and " " not in key
    assert typed.strip().lower() not in key or typed == ""
    assert key == throttle.Attempt(f"  {typed.upper()} ", "10.0.0.2").cache_keys()[0]
