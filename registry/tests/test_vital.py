"""Vital events: births, deaths and departures, and who leaves S and the sasaran when."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from registry import lifecycle, services
from registry.lifecycle import Group
from registry.models import Birth, Relation
from registry.selectors import posyandu_group_counts
from reports.period import Month
from reports.selectors import skdn
from tests.factories import child_in, make_person
from visits.home_visit_selectors import missed_this_month

D = dt.date


@pytest.mark.parametrize(("grams", "bblr"), [(2499, True), (2500, False), (None, False), (300, True)])
def test_bblr_is_under_2500_grams(grams, bblr):
    assert lifecycle.is_bblr(grams) is bblr


@pytest.mark.parametrize(
    ("event", "expected"),
    [(D(2026, 3, 15), D(2026, 4, 1)), (D(2026, 12, 31), D(2027, 1, 1)), (D(2028, 2, 29), D(2028, 3, 1)),
     (D(2026, 1, 1), D(2026, 2, 1))],
)  # fmt: skip
def test_not_counted_from_the_first_of_the_next_month(event, expected):
    assert lifecycle.not_counted_from(event) == expected


@pytest.mark.parametrize(
    ("died", "maternal"),
    [(D(2026, 3, 1), True), (D(2026, 5, 10), True), (D(2026, 6, 21), True), (D(2026, 6, 22), False)],
)
def test_maternal_death_in_pregnancy_or_the_42_days_of_nifas(died, maternal):
    # HPHT 1 Aug 2025, delivered 10 May 2026: nifas ends on day 42, 21 June.
    assert lifecycle.is_maternal_death(died, D(2025, 8, 1), D(2026, 5, 10)) is maternal


def _mother(world, **kwargs):
    values = {"jenis_kelamin": "P", "tanggal_lahir": D(1995, 4, 2), "hubungan": Relation.SUAMI_ISTRI}
    return make_person(world.a.household, **{**values, **kwargs})


def _birth(world, mother, **kwargs):
    values = {"tanggal_lahir": D(2026, 11, 2), "jenis_kelamin": "L", "nama": "Bayi Ny. Sari",
              "berat_lahir_gram": 2400, "tempat": "fasyankes", "penolong": "bidan"}  # fmt: skip
    return services.birth_register(mother=mother, by=world.users["kader_a"], **{**values, **kwargs})


def test_birth_joins_the_mothers_household_and_marks_her_delivery(world):
    mother = _mother(world)
    baby = _birth(world, mother, imd=True, tanggal_hb0=D(2026, 11, 2), panjang_lahir_cm="47.5")
    assert (baby.household_id, baby.hubungan, baby.nik) == (world.a.household.pk, Relation.ANAK, None)
    birth = Birth.objects.get(child=baby)
    assert (birth.mother, birth.bblr, birth.imd) == (mother, True, True)
    mother.refresh_from_db()
    assert mother.tanggal_persalinan == D(2026, 11, 2)
    assert Group.IBU_NIFAS_MENYUSUI in mother.groups_on(D(2026, 11, 16))


def test_a_daughter_of_the_household_registers_a_grandchild(world):
    mother = _mother(world, hubungan=Relation.ANAK, tanggal_lahir=D(2004, 1, 1))
    assert _birth(world, mother).hubungan == Relation.CUCU


@pytest.mark.parametrize(
    ("mother_born", "message"),
    [(D(2016, 11, 3), "Umur 9 tahun"), (D(1970, 1, 1), "Umur 56 tahun")],
)
def test_a_birth_outside_the_mothers_10_to_54_years_is_refused_beside_the_date(world, mother_born, message):
    mother = _mother(world, tanggal_lahir=mother_born)
    with pytest.raises(ValidationError) as refused:
        _birth(world, mother)
    assert message in refused.value.message_dict["tanggal_lahir"][0]
    assert not Birth.objects.exists()


def test_a_birth_on_the_10th_birthday_is_accepted(world):
    mother = _mother(world, tanggal_lahir=D(2016, 11, 2))
    assert _birth(world, mother).tanggal_lahir == D(2026, 11, 2)


def test_impossible_birth_weight_and_hb0_before_birth_are_refused_and_nothing_saved(world):
    mother = _mother(world)
    with pytest.raises(ValidationError) as refused:
        _birth(world, mother, berat_lahir_gram=12000, tanggal_hb0=D(2026, 11, 1))
    assert set(refused.value.message_dict) == {"berat_lahir_gram", "tanggal_hb0"}
    mother.refresh_from_db()
    assert mother.tanggal_persalinan is None
    assert world.a.household.members.count() == 2


def test_dinkes_may_not_record_a_birth(world):
    with pytest.raises(PermissionDenied):
        services.birth_register(mother=_mother(world), by=world.users["dinkes_1"],
                                tanggal_lahir=D(2026, 11, 2), jenis_kelamin="L", nama="Bayi",
                                berat_lahir_gram=3000, tempat="rumah", penolong="bidan")  # fmt: skip


def _die(world, person, day, **kwargs):
    values = {"tempat": "rumah", "sebab": "demam tinggi"}
    return services.death_record(
        person=person, by=world.users["staff_a"], tanggal=day, **{**values, **kwargs}
    )


def test_a_death_before_birth_is_refused_beside_the_date(world):
    child = child_in(world.a.posyandu, tanggal_lahir=D(2025, 6, 1))
    with pytest.raises(ValidationError) as refused:
        _die(world, child, D(2025, 5, 31))
    assert "sebelum tanggal lahir" in refused.value.message_dict["tanggal"][0]


def test_a_woman_dying_in_nifas_is_a_maternal_death_even_unticked(world):
    mother = _mother(world, hpht=D(2026, 1, 20), tanggal_persalinan=D(2026, 10, 20))
    assert _die(world, mother, D(2026, 11, 1)).kematian_ibu is True
    man = world.a.person
    assert _die(world, man, D(2026, 11, 1)).kematian_ibu is False


def _s(world, month):
    return skdn(posyandu_ids=[world.a.posyandu.pk], month=month)[world.a.posyandu.pk].s


def test_s_drops_in_the_month_after_a_death(world):
    child = child_in(world.a.posyandu, tanggal_lahir=D(2025, 6, 1))
    _die(world, child, D(2026, 9, 30))
    assert [_s(world, Month(2026, m)) for m in (8, 9, 10, 11)] == [1, 1, 0, 0]


def test_s_drops_after_a_move_out_and_returns_from_the_month_of_reactivation(world):
    child = child_in(world.a.posyandu, tanggal_lahir=D(2025, 6, 1))
    by = world.users["kader_a"]
    services.departure_record(
        person=child, by=by, jenis="pindah", tanggal=D(2026, 8, 1), alasan="ikut orang tua"
    )
    services.reactivate(person=child, by=by, tanggal=D(2026, 10, 31), alasan="kembali")
    assert [_s(world, Month(2026, m)) for m in (7, 8, 9, 10, 11)] == [1, 1, 0, 1, 1]
    assert child.departures.count() == 1


def test_the_sasaran_and_not_yet_seen_lists_leave_out_the_departed_after_their_month(world):
    child = child_in(world.a.posyandu, tanggal_lahir=D(2025, 6, 1))
    services.departure_record(person=child, by=world.users["kader_a"], jenis="tidak_ditemukan",
                              tanggal=D(2026, 10, 31), alasan="rumah kosong")  # fmt: skip
    counts = dict(posyandu_group_counts(posyandu=world.a.posyandu, on=D(2026, 10, 31)))
    assert counts[Group.BAYI_BALITA] == 1
    counts = dict(posyandu_group_counts(posyandu=world.a.posyandu, on=D(2026, 11, 1)))
    assert counts[Group.BAYI_BALITA] == 0
    # the home-visit list (registry.selectors.present_on_q): still there before the day, gone after
    assert [f.person_id for f in missed_this_month([world.a.posyandu.pk], D(2026, 10, 20))] == [child.pk]
    assert list(missed_this_month([world.a.posyandu.pk], D(2026, 11, 16))) == []


def test_a_second_departure_while_away_and_a_return_before_leaving_are_refused(world):
    child = child_in(world.a.posyandu, tanggal_lahir=D(2025, 6, 1))
    by = world.users["kader_a"]
    services.departure_record(
        person=child, by=by, jenis="pindah", tanggal=D(2026, 8, 1), alasan="pindah kerja"
    )
    with pytest.raises(ValidationError):
        services.departure_record(person=child, by=by, jenis="pindah", tanggal=D(2026, 9, 1), alasan="lagi")
    with pytest.raises(ValidationError) as refused:
        services.reactivate(person=child, by=by, tanggal=D(2026, 7, 1))
    assert "tanggal" in refused.value.message_dict
