"""The visit services check the capability themselves, whoever calls them (a page, the offline
sync, a script): Dinkes open no day, queue nobody and follow up no referral; kader do not
follow up referrals. Nothing is written on a refusal."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from visits import services
from visits.models import OpeningDay, Referral, Visit


def test_dinkes_can_neither_open_a_day_nor_queue_anyone(world, balita, today):
    dinkes = world.users["dinkes_1"]
    with pytest.raises(PermissionDenied, match="hanya dapat melihat"):
        services.opening_day_open(posyandu=world.a.posyandu, tanggal=today, user=dinkes)
    assert not OpeningDay.objects.exists()
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=today, user=world.users["kader_a"])
    with pytest.raises(PermissionDenied):
        services.visit_register(person=balita, opening_day=day, user=dinkes)
    with pytest.raises(PermissionDenied):
        services.visit_register(person=balita, user=dinkes, tanggal=today)  # a home visit
    assert not Visit.objects.exists()


@pytest.mark.parametrize(("role", "allowed"), [("kader_a", False), ("dinkes_1", False), ("staff_a", True)])
def test_only_puskesmas_staff_follow_up_a_referral(world, visit_factory, today, role, allowed):
    visit = visit_factory(world.a.person, today)
    services.record_save(
        visit=visit, meja=2, data={"sistol": 160, "diastol": 100, "berat_kg": Decimal("60")},
        user=world.users["kader_a"], version=None,
    )  # fmt: skip
    referral = Referral.objects.get(visit=visit)
    result = "Hipertensi, diberi obat"
    if allowed:
        services.referral_follow_up(referral=referral, user=world.users[role], hasil=result)
    else:
        with pytest.raises(PermissionDenied, match="Hanya petugas Puskesmas"):
            services.referral_follow_up(referral=referral, user=world.users[role], hasil=result)
    referral.refresh_from_db()
    assert (referral.ditindaklanjuti_oleh is not None) is allowed
    assert referral.hasil == (result if allowed else "")
