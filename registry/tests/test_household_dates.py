"""A move is dated within the last 30 days (older only by Puskesmas staff), never in the future;
a household's desa is its Posyandu's desa."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from registry import services
from registry.models import HouseholdMove
from registry.tests.test_household_entry import household_post, member
from registry.validators import move_date_error

TODAY = dt.date(2026, 11, 15)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.mark.parametrize(
    ("day", "may_backdate", "ok"),
    [
        (TODAY, False, True),
        (dt.date(2026, 11, 16), False, False),
        (dt.date(2026, 11, 16), True, False),
        (dt.date(2026, 10, 16), False, True),  # 30 days ago
        (dt.date(2026, 10, 15), False, False),  # 31 days ago
        (dt.date(2026, 10, 15), True, True),
        (dt.date(2020, 1, 1), True, True),
    ],
)
def test_move_date_rule(day, may_backdate, ok):
    assert (move_date_error(day, today=TODAY, may_backdate=may_backdate) is None) is ok


def _move(client, world, day):
    return client.post(
        reverse("household_move", args=[world.a.household.pk]),
        {"ke_posyandu": world.a2.posyandu.pk, "tanggal": day, "alasan": "Pindah rumah"},
    )


def test_kader_cannot_date_a_move_31_days_back(login, world):
    response = _move(login("kader_a"), world, "2026-10-15")
    assert response.status_code == 200
    assert "paling lama 30 hari" in response.context["form"].errors["tanggal"][0]
    assert not HouseholdMove.objects.exists()


def test_puskesmas_staff_may_record_an_older_move_which_keeps_who_did_it(login, world):
    assert _move(login("staff_a"), world, "2026-09-01").status_code == 302
    move = HouseholdMove.objects.get()
    assert (move.tanggal, move.oleh) == (dt.date(2026, 9, 1), world.users["staff_a"])


def test_nobody_dates_a_move_in_the_future(login, world):
    response = _move(login("staff_a"), world, "2026-11-16")
    assert response.context["form"].errors["tanggal"] == ["Tanggal pindah tidak boleh di masa depan."]


def test_household_desa_must_be_its_posyandus_desa(login, world):
    data = household_post(world.a.posyandu, member(0, hubungan="kepala"), desa=str(world.b.posyandu.desa_id))
    # Puskesmas A staff see only desa A; Dinkes cannot edit; the admin can pick any desa.
    response = login("admin").post(reverse("household_create"), data)
    assert response.status_code == 200
    assert "Desa harus desa wilayah" in response.context["form"].errors["desa"][0]


@pytest.mark.parametrize(
    ("user", "day"), [("kader_a", dt.date(2026, 10, 15)), ("staff_a", dt.date(2026, 11, 16))]
)
def test_the_move_service_refuses_the_same_dates_whoever_calls_it(world, user, day):
    with pytest.raises(ValidationError) as refused:
        services.household_move(
            household=world.a.household, to=world.a2.posyandu, on=day, user=world.users[user]
        )
    assert list(refused.value.message_dict) == ["tanggal"]
    world.a.household.refresh_from_db()
    assert world.a.household.posyandu == world.a.posyandu and not HouseholdMove.objects.exists()


def test_the_move_service_takes_a_kader_move_of_30_days_ago(world):
    services.household_move(
        household=world.a.household,
        to=world.a2.posyandu,
        on=dt.date(2026, 10, 16),
        user=world.users["kader_a"],
    )
    assert HouseholdMove.objects.get().tanggal == dt.date(2026, 10, 16)
