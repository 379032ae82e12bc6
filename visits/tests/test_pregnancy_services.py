"""Pregnancy episodes through their services, on hand-made dates (clock at 15 November 2026)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from registry.lifecycle import Group
from registry.models import Relation
from tests.factories import make_household, make_person, save
from visits import pregnancy_selectors, pregnancy_services
from visits.models import Outcome, Pregnancy

pytestmark = pytest.mark.usefixtures("nov_15")
D = dt.date
TODAY = D(2026, 11, 15)


@pytest.fixture
def ibu(world):
    household = make_household(world.a.posyandu)
    make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L", tanggal_lahir=D(1990, 1, 1))
    return make_person(household, nama="Siti", hubungan=Relation.SUAMI_ISTRI, tanggal_lahir=D(1996, 4, 2),
                       tanggal_persalinan=D(2025, 2, 1))  # fmt: skip


def _open(world, ibu, user="kader_a", **values):
    values = {"hpht": D(2026, 6, 1), "gravida": 2, "para": 1, "abortus": 0, **values}
    return pregnancy_services.pregnancy_open(user=world.users[user], ibu=ibu, values=values)


def _refusal(call) -> dict:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.message_dict


def test_a_new_pregnancy_is_the_womans_current_one(world, ibu):
    episode = _open(world, ibu)
    ibu.refresh_from_db()
    assert ibu.hpht == D(2026, 6, 1)
    assert episode.persalinan_terakhir == D(2025, 2, 1)  # from the registry's last birth
    assert Group.IBU_HAMIL in ibu.groups_on(TODAY)
    view = pregnancy_selectors.episode_view(episode, TODAY)
    assert view.hpl == D(2027, 3, 8)  # 1 June + 7 days = 8 June, − 3 months + 1 year
    assert view.gestation == (23, 6)  # 167 days
    assert view.trimester == 2
    assert view.four_t.labels == ["Terlalu dekat (< 2 tahun sejak persalinan terakhir)"]


def test_a_second_open_pregnancy_is_refused_beside_hpht(world, ibu):
    _open(world, ibu)
    errors = _refusal(lambda: _open(world, ibu, hpht=D(2026, 9, 1)))
    assert errors == {"hpht": ["Ibu ini masih hamil (HPHT 01-06-2026): catat hasilnya dulu."]}
    assert Pregnancy.objects.filter(ibu=ibu).count() == 1


@pytest.mark.parametrize(
    ("born", "years"),
    [(D(2016, 6, 2), 9), (D(1971, 6, 1), 55)],  # 9 years on the HPHT; 55 years on it
)
def test_a_pregnancy_outside_10_to_54_years_is_refused(world, born, years):
    woman = make_person(make_household(world.a.posyandu), tanggal_lahir=born)
    errors = _refusal(lambda: _open(world, woman, gravida=1, para=0))
    assert errors == {
        "hpht": [f"Umur {years} tahun pada tanggal itu: kehamilan hanya untuk perempuan 10–54 tahun."]
    }
    woman.refresh_from_db()
    assert woman.hpht is None


def test_the_age_limits_themselves_are_accepted(world):
    girl = make_person(make_household(world.a.posyandu), tanggal_lahir=D(2016, 6, 1))  # 10 on the HPHT
    assert _open(world, girl, gravida=1, para=0).pk


def test_hpht_in_the_future_is_refused(world, ibu):
    errors = _refusal(lambda: _open(world, ibu, hpht=D(2026, 11, 16)))
    assert errors == {"hpht": ["Tanggal tidak boleh di masa depan."]}


def test_gravida_must_exceed_para_and_abortus(world, ibu):
    errors = _refusal(lambda: _open(world, ibu, gravida=2, para=1, abortus=1))
    assert list(errors) == ["gravida"]


def _close(world, episode, **values):
    values = {
        "hasil": Outcome.LAHIR_HIDUP,
        "tanggal_hasil": D(2026, 11, 10),
        "berat_lahir_gram": 3100,
        **values,
    }
    baby = {"nama": "Bayi Siti", "jenis_kelamin": "L", "berat_lahir_gram": values["berat_lahir_gram"],
            "tempat": "fasyankes", "penolong": "bidan"}  # fmt: skip
    return pregnancy_services.pregnancy_close(
        user=world.users["kader_a"], kehamilan=episode, values=values, baby=baby
    )


def test_an_outcome_before_hpht_is_refused(world, ibu):
    episode = _open(world, ibu)
    errors = _refusal(lambda: _close(world, episode, tanggal_hasil=D(2026, 5, 31)))
    assert errors == {"tanggal_hasil": ["Tanggal ini tidak boleh sebelum HPHT (01-06-2026)."]}
    episode.refresh_from_db()
    assert episode.is_open
    assert ibu.household.members.count() == 2


def test_a_live_birth_closes_the_episode_and_registers_the_baby(world, ibu):
    episode = _close(world, _open(world, ibu))
    ibu.refresh_from_db()
    assert (episode.hasil, episode.tanggal_hasil, episode.is_open) == (
        Outcome.LAHIR_HIDUP,
        D(2026, 11, 10),
        False,
    )
    baby = episode.bayi
    assert (baby.nama, baby.tanggal_lahir, baby.jenis_kelamin, baby.hubungan) == (
        "Bayi Siti", D(2026, 11, 10), "L", Relation.ANAK)  # fmt: skip
    assert baby.household_id == ibu.household_id
    assert ibu.tanggal_persalinan == D(2026, 11, 10)
    assert Group.IBU_NIFAS_MENYUSUI in ibu.groups_on(TODAY)
    assert Group.IBU_HAMIL not in ibu.groups_on(TODAY)
    second = _open(world, ibu, hpht=D(2026, 11, 14), gravida=3, para=2)
    assert second.persalinan_terakhir == D(2026, 11, 10)  # from the episode just closed


def test_an_abortus_ends_the_pregnancy_without_a_baby(world, ibu):
    episode = _close(world, _open(world, ibu), hasil=Outcome.ABORTUS, tanggal_hasil=D(2026, 8, 1))
    ibu.refresh_from_db()
    assert episode.bayi is None
    assert ibu.hpht is None
    assert Group.IBU_HAMIL not in ibu.groups_on(TODAY)
    assert ibu.household.members.count() == 2


def test_ttd_total_counts_the_visits_of_the_pregnancy_89_then_90(world, ibu, visit_factory):
    episode = _open(world, ibu)
    ibu.refresh_from_db()  # now ibu hamil: meja 5 offers TTD
    staff = world.users["staff_a"]  # visits older than 30 days are entered by Puskesmas staff

    def visit(day):
        return visit_factory(ibu, day, user=staff)

    save(visit(D(2026, 8, 10)), 5, staff, ttd_tablet=60)
    save(visit(D(2026, 10, 10)), 5, staff, ttd_tablet=29)
    view = pregnancy_selectors.episode_view(episode, TODAY)
    assert (view.ttd_total, view.ttd_done) == (89, False)
    save(visit(D(2026, 11, 10)), 5, staff, ttd_tablet=1)
    view = pregnancy_selectors.episode_view(episode, TODAY)
    assert (view.ttd_total, view.ttd_done) == (90, True)


def _contact(world, episode, ke, tanggal):
    values = {"ke": ke, "tanggal": tanggal, "oleh": "bidan", "sumber": "buku_kia"}
    return pregnancy_services.contact_add(user=world.users["kader_a"], kehamilan=episode, values=values)


def test_contacts_get_their_trimester_and_k6_needs_the_1_2_3_spread(world, ibu):
    world_episode = _close(world, _open(world, ibu, hpht=D(2026, 1, 1)), tanggal_hasil=D(2026, 10, 5))
    dates = [D(2026, 3, 26), D(2026, 3, 27), D(2026, 6, 18), D(2026, 6, 19), D(2026, 8, 1), D(2026, 9, 1)]
    for ke, day in enumerate(dates, start=1):  # day 84 = T1 end, 85 = T2, 168 = T2 end, 169 = T3
        _contact(world, world_episode, ke, day)
    view = pregnancy_selectors.episode_view(world_episode, TODAY)
    assert [c.trimester for c in view.contacts] == [1, 2, 2, 3, 3, 3]
    assert view.by_trimester == {1: 1, 2: 2, 3: 3}
    assert view.k6 is True


def test_a_contact_outside_the_pregnancy_is_refused(world, ibu):
    episode = _open(world, ibu)
    errors = _refusal(lambda: _contact(world, episode, 1, D(2026, 5, 1)))
    assert errors == {"tanggal": ["Tanggal ini tidak boleh sebelum HPHT (01-06-2026)."]}


def test_mt_days_add_up_to_90(world, ibu):
    episode = _open(world, ibu)
    kader = world.users["kader_a"]
    pregnancy_services.mt_add(user=kader, kehamilan=episode, values={"tanggal": D(2026, 7, 1), "hari": 60})
    pregnancy_services.mt_add(user=kader, kehamilan=episode, values={"tanggal": D(2026, 9, 1), "hari": 29})
    assert pregnancy_selectors.episode_view(episode, TODAY).mt_days == 89
    assert not pregnancy_selectors.episode_view(episode, TODAY).mt_done
    pregnancy_services.mt_add(user=kader, kehamilan=episode, values={"tanggal": D(2026, 10, 1), "hari": 1})
    assert pregnancy_selectors.episode_view(episode, TODAY).mt_done


def test_kf_and_kn_need_a_birth_first(world, ibu):
    episode = _open(world, ibu)
    values = {"jenis": "KF1", "tanggal": D(2026, 11, 11)}

    def add():
        return pregnancy_services.postnatal_add(user=world.users["kader_a"], kehamilan=episode, values=values)

    assert _refusal(add) == {"jenis": ["Catat persalinan lebih dulu."]}
    _close(world, episode)
    episode.refresh_from_db()
    assert add().jenis == "KF1"


def test_td_doses_go_in_order(world, ibu):
    kader = world.users["kader_a"]
    pregnancy_services.td_dose_add(user=kader, person=ibu, dosis=1, tanggal=D(2020, 1, 1))
    errors = _refusal(
        lambda: pregnancy_services.td_dose_add(user=kader, person=ibu, dosis=3, tanggal=D(2021, 1, 1))
    )
    assert errors == {"dosis": ["Catat T2 lebih dulu."]}
    pregnancy_services.td_dose_add(user=kader, person=ibu, dosis=2, tanggal=D(2020, 2, 1))
    assert pregnancy_selectors.td_status(ibu) == 2


def test_dinkes_may_not_record_a_pregnancy(world, ibu):
    with pytest.raises(PermissionDenied):
        _open(world, ibu, user="dinkes_1")
    assert not Pregnancy.objects.exists()
