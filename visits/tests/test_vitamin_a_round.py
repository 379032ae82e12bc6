"""Vitamin A round coverage per age band and the sweeping list, on a hand-made Posyandu
(KMK ILP 2023 L1853): August 2026, sasaran 6–59 months on 31 August."""

import datetime as dt

import pytest
from django.urls import reverse

from registry.models import Person
from tests.factories import child_in, save
from visits import services
from visits.vitamin_a_selectors import Round, round_of, vitamin_a_sweep_people

D = dt.date
pytestmark = pytest.mark.usefixtures("nov_15")  # visits/tests/conftest.py
AUGUST = Round(2026, 8)


def capsule(world, person, on, colour):
    user = world.users["admin"]
    day = services.opening_day_open(posyandu=person.household.posyandu, tanggal=on, user=user)
    save(services.visit_register(person=person, opening_day=day, user=user), 5, user, vitamin_a=colour)


@pytest.fixture
def round_posyandu(world):
    a = world.a.posyandu
    capsule(world, child_in(a, nama="Bayi6", tanggal_lahir=D(2026, 2, 28)), D(2026, 8, 28), "biru")
    child_in(a, nama="Bayi5", tanggal_lahir=D(2026, 3, 1))  # 5 months on 31 August: not yet sasaran
    child_in(a, nama="Bayi11", tanggal_lahir=D(2025, 9, 1))  # 11 months, not given
    capsule(world, child_in(a, nama="Balita12", tanggal_lahir=D(2025, 8, 31)), D(2026, 9, 10), "merah")
    capsule(world, child_in(a, nama="Balita59", tanggal_lahir=D(2021, 9, 1)), D(2026, 8, 15), "merah")
    child_in(a, nama="Anak60", tanggal_lahir=D(2021, 8, 31))  # 60 months: past the programme
    child_in(world.b.posyandu, nama="Lain", tanggal_lahir=D(2024, 8, 1))  # another Posyandu
    return a


def test_round_coverage_and_sweeping_list_equal_the_hand_count(
    login, round_posyandu, django_assert_num_queries
):
    client = login("kader_a")
    # session, user with profile and area, the Posyandu; the sasaran with their capsules
    with django_assert_num_queries(4):
        page = client.get(
            reverse("vitamin_a_round", args=[round_posyandu.pk]), {"tahun": "2026", "bulan": "8"}
        )
    report = page.context["report"]
    rows = [(c.label, c.sasaran, c.diberi, c.cakupan, c.susulan) for c in report.coverage]
    assert rows == [
        ("Bayi 6–11 bulan", 2, 1, "50,0%", 0),  # Bayi6 given, Bayi11 not
        ("Balita 12–59 bulan", 2, 1, "50,0%", 1),  # Balita59 given; Balita12 in September (susulan)
        ("Jumlah", 4, 2, "50,0%", 1),
    ]
    assert [p.nama for p in report.sweep] == ["Bayi11"]


def test_sweep_people_for_home_visits_during_the_month_after_the_round(round_posyandu):
    names = dict(Person.objects.values_list("pk", "nama"))
    people = vitamin_a_sweep_people([round_posyandu.pk], D(2026, 9, 30))
    assert [(names[pk], reason) for pk, reason in people] == [
        ("Bayi11", "Vitamin A Agustus 2026 belum diberikan")
    ]
    assert vitamin_a_sweep_people([round_posyandu.pk], D(2026, 10, 1)) == []


@pytest.mark.parametrize(
    "on, expected",
    [(D(2026, 1, 31), Round(2025, 8)), (D(2026, 2, 1), Round(2026, 2)), (D(2026, 7, 31), Round(2026, 2)),
     (D(2026, 8, 1), Round(2026, 8)), (D(2026, 12, 31), Round(2026, 8))],
)  # fmt: skip
def test_the_round_of_a_date_is_the_latest_february_or_august_begun(on, expected):
    assert round_of(on) == expected


def test_bad_parameters_show_the_latest_round(login, round_posyandu):
    page = login("staff_a").get(
        reverse("vitamin_a_round", args=[round_posyandu.pk]), {"tahun": "x", "bulan": "5"}
    )
    assert page.status_code == 200 and page.context["report"].rnd == AUGUST


@pytest.mark.parametrize(
    "user, status", [("kader_b", 404), ("staff_b", 404), ("dinkes_2", 404), ("dinkes_1", 200)]
)
def test_vitamin_a_round_of_another_area_is_404(world, login, user, status):
    assert login(user).get(reverse("vitamin_a_round", args=[world.a.posyandu.pk])).status_code == status
