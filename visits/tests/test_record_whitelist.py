"""record_save sets only the fields of the meja's form for the person's groups, and refuses an
invalid value with full_clean(): nothing is saved, no audit is written."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from visits import services
from visits.models import AuditEntry, Care, Counselling, Measurement, Visit


def test_the_meja_2_whitelist_follows_the_persons_groups(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    fields = services.record_fields(visit=visit, meja=2)
    assert "berat_kg" in fields and "tinggi_cm" in fields
    assert "sistol" not in fields  # blood pressure is not a service for a child of 14 months


def test_a_field_of_another_group_is_refused_and_nothing_saved(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    with pytest.raises(TypeError, match="sistol"):
        services.record_save(visit=visit, meja=2, user=world.users["kader_a"], version=None,
                             data={"berat_kg": Decimal("9.0"), "sistol": 120, "diastol": 80})  # fmt: skip
    assert not Measurement.objects.filter(visit=visit).exists()
    assert not AuditEntry.objects.filter(visit=visit).exists()


def test_a_derived_field_cannot_be_set_by_the_caller(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    with pytest.raises(TypeError, match="kms"):
        services.record_save(visit=visit, meja=2, user=world.users["kader_a"], version=None,
                             data={"berat_kg": Decimal("9.0"), "kms": "N"})  # fmt: skip
    assert not Measurement.objects.filter(visit=visit).exists()


def test_an_unknown_counselling_field_is_refused(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    with pytest.raises(TypeError, match="version"):
        services.record_save(visit=visit, meja=4, user=world.users["kader_a"], version=None,
                             data={"topik": "MP-ASI", "version": 7})  # fmt: skip
    assert not Counselling.objects.filter(visit=visit).exists()


def test_an_invalid_choice_is_refused_by_full_clean_and_nothing_saved(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    with pytest.raises(ValidationError) as refused:
        services.record_save(visit=visit, meja=5, user=world.users["kader_a"], version=None,
                             data={"vitamin_a": "ungu"})  # fmt: skip
    assert "vitamin_a" in refused.value.message_dict
    assert not Care.objects.filter(visit=visit).exists()
    assert not AuditEntry.objects.filter(visit=visit).exists()
    assert Visit.objects.get(pk=visit.pk).meja5_at is None


def test_an_invalid_correction_keeps_the_stored_record(world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    user = world.users["kader_a"]
    first = services.record_save(visit=visit, meja=2, user=user, version=None,
                                 data={"berat_kg": Decimal("9.0"), "cara_ukur": 1})  # fmt: skip
    with pytest.raises(ValidationError):
        services.record_save(visit=visit, meja=2, user=user, version=first.version,
                             data={"berat_kg": Decimal("9.5"), "cara_ukur": 9})  # fmt: skip
    stored = Measurement.objects.get(visit=visit)
    assert (stored.berat_kg, stored.cara_ukur, stored.version) == (Decimal("9.00"), 1, 1)
    assert AuditEntry.objects.filter(visit=visit).count() == 1
