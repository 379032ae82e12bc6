"""A child weighed twice in a month: the later valid weighing is the month's weighing; both stay
in the person's history."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import child_in, save
from visits.models import AuditEntry, Measurement, Referral

D = dt.date

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_15")]


@pytest.fixture
def child(world):
    return child_in(world.a.posyandu, nama="Rafa", jenis_kelamin="P", tanggal_lahir=D(2026, 1, 15))


def weigh(world, visit_factory, child, day, kg, user="kader_a"):
    visit = visit_factory(child, day)
    save(visit, 2, world.users[user], berat_kg=Decimal(kg), cara_ukur=0)
    return visit


def codes(visits):
    by_visit = dict(Measurement.objects.filter(visit__in=visits).values_list("visit_id", "kms"))
    return [by_visit[v.pk] for v in visits]


@pytest.fixture
def twice(world, visit_factory, child):
    """October 7,0 kg; November 3: 7,2 kg, then November 12: 7,5 kg (9 months, KBM 300 g)."""
    october = weigh(world, visit_factory, child, D(2026, 10, 5), "7.0", user="staff_a")
    early = weigh(world, visit_factory, child, D(2026, 11, 3), "7.2")
    assert codes([october, early]) == ["B", "T"]  # 200 g < 300 g, referred
    late = weigh(world, visit_factory, child, D(2026, 11, 12), "7.5")
    return october, early, late


def test_the_later_weighing_of_the_month_counts(twice):
    # 7,5 − 7,0 = 500 g ≥ 300 g → N; the earlier weighing of November has no code any more
    assert codes(twice) == ["B", "", "N"]


def test_the_earlier_weighings_referral_is_cancelled_not_deleted(world, twice):
    referral = Referral.objects.get(visit=twice[1], kode="t")
    assert referral.dibatalkan_oleh == world.users["kader_a"]
    assert (
        referral.alasan_pembatalan == "Alasan tidak berlaku lagi: data meja 2 kunjungan 12-11-2026 disimpan"
    )


def test_an_implausible_later_weighing_does_not_replace_a_valid_one(world, visit_factory, child, twice):
    # 40 kg at 10 months: BB/U far above +5 SD, flagged implausible, so 12 November still counts
    absurd = weigh(world, visit_factory, child, D(2026, 11, 14), "40.0")
    assert Measurement.objects.get(visit=absurd).implausible == "bbu"
    assert codes([*twice, absurd]) == ["B", "", "N", ""]


def test_both_weighings_stay_in_the_persons_history(client, login, child, twice):
    login("kader_a")
    page = client.get(reverse("person_detail", args=[child.pk])).content.decode()
    for day in ("05-10-2026", "03-11-2026", "12-11-2026"):
        assert day in page


def test_the_earlier_weighing_keeps_in_its_history_that_it_lost_its_code(world, twice):
    _, early, late = twice
    entry = AuditEntry.objects.filter(visit=early).latest("id")
    assert (entry.meja, entry.user) == (2, world.users["kader_a"])
    assert (entry.before, entry.after) == ({"kms": "T"}, {"kms": ""})
    assert AuditEntry.objects.filter(visit=late).count() == 1  # its own save only
