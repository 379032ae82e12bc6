"""Recording a visit: growth stored and recomputed, KMS across months, referrals, audit,
concurrent tables, the 30-day correction window."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from registry.lifecycle import months_before
from visits import services
from visits.models import AuditEntry, Measurement, Referral


def weigh(visit, user, **data):
    record = Measurement.objects.filter(visit=visit).first()
    if "cara_ukur" in services.record_fields(visit=visit, meja=2):  # children only
        data.setdefault("cara_ukur", 1)
    return services.record_save(
        visit=visit, meja=2, data=data, user=user, version=record.version if record else None
    )


def test_child_growth_is_computed_and_stored(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    m = weigh(visit, world.users["kader_a"], berat_kg=Decimal("9.0"), tinggi_cm=Decimal("76.0"))
    m.refresh_from_db()
    assert m.umur_hari == 425
    assert m.z_bbu is not None and m.status_bbu == "Berat badan normal"
    assert m.status_pbu in ("Normal", "Pendek") and m.z_bbpb is not None
    assert m.kms == "B"
    assert visit.__class__.objects.get(pk=visit.pk).meja2_at is not None


def test_correction_recomputes_z_and_keeps_an_audit(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    user = world.users["kader_a"]
    first = weigh(visit, user, berat_kg=Decimal("9.0"), tinggi_cm=Decimal("76.0"))
    z_before = first.z_bbu
    weigh(visit, user, berat_kg=Decimal("6.0"), tinggi_cm=Decimal("76.0"))
    m = Measurement.objects.get(visit=visit)
    assert m.z_bbu < z_before and m.version == 2
    audit = AuditEntry.objects.filter(visit=visit).order_by("id")
    changes = [(a.before.get("berat_kg"), a.after["berat_kg"]) for a in audit]
    assert changes == [(None, "9.00"), ("9.00", "6.00")]
    assert audit.last().user == user


def test_kms_over_months_gives_t_then_2t_and_a_referral(world, balita, visit_factory, today):
    user = world.users["staff_a"]
    # one weighing in each of three consecutive calendar months (Dec 31 - 30 days is Dec 1)
    dates = [months_before(today, 2), months_before(today, 1), today]
    visits = [visit_factory(balita, d) for d in dates]
    for visit, weight in zip(visits, ["9.0", "9.1", "9.15"], strict=True):
        weigh(visit, user, berat_kg=Decimal(weight))
    codes = list(
        Measurement.objects.filter(visit__in=visits).order_by("visit__tanggal").values_list("kms", "two_t")
    )
    assert codes == [("B", False), ("T", False), ("T", True)]
    assert Referral.objects.filter(visit=visits[2], kode="2t").exists()


def test_correcting_an_earlier_weight_updates_the_next_months_code(world, balita, visit_factory, today):
    user = world.users["staff_a"]  # last month's visit may be 31 days old: past a kader's window
    earlier = visit_factory(balita, months_before(today, 1))
    later = visit_factory(balita, today)
    weigh(earlier, user, berat_kg=Decimal("9.0"))
    weigh(later, user, berat_kg=Decimal("9.1"))
    assert Measurement.objects.get(visit=later).kms == "T"
    weigh(earlier, user, berat_kg=Decimal("8.8"))  # the first weight was mistyped
    assert Measurement.objects.get(visit=later).kms == "N"
    cancelled = Referral.objects.get(visit=later, kode="t")  # kept, marked cancelled
    assert (cancelled.dibatalkan_oleh, cancelled.is_open) == (user, False)
    assert cancelled.alasan_pembatalan == (
        f"Alasan tidak berlaku lagi: data meja 2 kunjungan {earlier.tanggal:%d-%m-%Y} diubah"
    )


def test_two_kader_at_different_tables_do_not_overwrite_each_other(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    weigh(visit, world.users["kader_a"], berat_kg=Decimal("9.0"))
    services.record_save(visit=visit, meja=5, data={"imunisasi": ["MR1"], "vitamin_a": "merah"},
                         user=world.users["staff_a"], version=None)  # fmt: skip
    services.record_save(visit=visit, meja=4, data={"topik": "MP-ASI", "pmt": True},
                         user=world.users["kader_a"], version=None)  # fmt: skip
    visit.refresh_from_db()
    assert visit.measurement.berat_kg == Decimal("9.0") and visit.care.imunisasi == ["MR1"]
    assert visit.counselling.pmt and all(visit.meja_done(n) for n in (2, 4, 5))


def test_stale_form_of_the_same_table_is_refused(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    weigh(visit, world.users["kader_a"], berat_kg=Decimal("9.0"))  # version 1
    weigh(visit, world.users["staff_a"], berat_kg=Decimal("9.2"))  # version 2
    with pytest.raises(services.EditConflict, match="baru saja disimpan oleh staff_a"):
        services.record_save(visit=visit, meja=2, data={"berat_kg": Decimal("8.0"), "cara_ukur": 1},
                             user=world.users["kader_a"], version=1)  # fmt: skip
    assert Measurement.objects.get(visit=visit).berat_kg == Decimal("9.2")


def test_kader_may_correct_for_30_days_then_only_puskesmas(world, balita, visit_factory, today):
    old = visit_factory(balita, today - dt.timedelta(days=31))
    recent = visit_factory(balita, today - dt.timedelta(days=30))
    weigh(recent, world.users["kader_a"], berat_kg=Decimal("9.0"))
    with pytest.raises(PermissionDenied):
        weigh(old, world.users["kader_a"], berat_kg=Decimal("9.0"))
    weigh(old, world.users["staff_a"], berat_kg=Decimal("8.9"))
    with pytest.raises(PermissionDenied):
        weigh(old, world.users["dinkes_1"], berat_kg=Decimal("9.0"))


def test_adult_with_high_blood_pressure_is_referred(world, visit_factory, today):
    person = world.a.person  # Kepala Mawar, born 1990
    visit = visit_factory(person, today)
    weigh(visit, world.users["kader_a"], sistol=160, diastol=100)
    referral = Referral.objects.get(visit=visit)
    assert (referral.kode, referral.alasan) == ("hipertensi", "TD 160/100 mmHg ≥ 140/90")


def test_referral_that_no_longer_holds_is_cancelled_unless_followed_up(world, visit_factory, today):
    visit = visit_factory(world.a.person, today)
    weigh(visit, world.users["kader_a"], sistol=160, diastol=100)
    weigh(visit, world.users["kader_a"], sistol=120, diastol=80)
    referral = Referral.objects.get(visit=visit)
    assert (referral.kode, referral.is_open) == ("hipertensi", False)
    assert referral.dibatalkan_oleh == world.users["kader_a"]
    weigh(visit, world.users["kader_a"], sistol=160, diastol=100)  # the same referral stands again
    referral = Referral.objects.get(visit=visit)
    assert (referral.is_open, referral.dibatalkan_at, referral.alasan_pembatalan) == (True, None, "")
    services.referral_follow_up(referral=referral, user=world.users["staff_a"])
    weigh(visit, world.users["kader_a"], sistol=120, diastol=80)
    referral.refresh_from_db()
    assert (referral.ditindaklanjuti_oleh, referral.dibatalkan_at) == (world.users["staff_a"], None)


def test_registering_twice_on_a_day_keeps_one_visit(world, balita, day_a):
    first = services.visit_register(person=balita, opening_day=day_a, user=world.users["kader_a"])
    again = services.visit_register(person=balita, opening_day=day_a, user=world.users["kader_a"])
    assert first.pk == again.pk


def test_visit_keeps_its_posyandu_after_the_household_moves(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    from registry.services import household_move

    household_move(household=balita.household, to=world.a2.posyandu, on=today, user=world.users["staff_a"])
    visit.refresh_from_db()
    assert visit.posyandu == world.a.posyandu
