"""Each reason of the home-visit list on hand-made data: who is on it, who is not, boundaries."""

import datetime as dt

import pytest

from registry.models import Relation
from tests.factories import make_household, make_person, save
from visits import home_visit_selectors as hvs
from visits import services
from visits.models import Measurement, PostnatalContact, Pregnancy, Referral

ON = dt.date(2026, 11, 16)


@pytest.fixture
def kader(world):
    """Who records: the admin, whom no edit window stops (the visits are weeks old)."""
    return world.users["admin"]


@pytest.fixture
def visit_on(world, kader):
    def make(person, tanggal):
        day = services.opening_day_open(posyandu=person.household.posyandu, tanggal=tanggal, user=kader)
        return services.visit_register(person=person, opening_day=day, user=kader)

    return make


@pytest.fixture
def person(world):
    def make(**kwargs):
        return make_person(make_household(world.a.posyandu), hubungan=Relation.KEPALA, **kwargs)

    return make


def found(provider, posyandu) -> dict[int, str]:
    return {f.person_id: f.text for f in provider([posyandu.pk], ON)}


def test_missed_this_month_lists_monthly_sasaran_without_a_visit_this_month(world, person, visit_on):
    never = person(tanggal_lahir=dt.date(2025, 9, 1))  # balita of 14 months
    last_month = person(tanggal_lahir=dt.date(2025, 9, 2))
    visit_on(last_month, dt.date(2026, 10, 31))
    this_month = person(tanggal_lahir=dt.date(2025, 9, 3))
    visit_on(this_month, dt.date(2026, 11, 1))
    lansia = person(tanggal_lahir=dt.date(1960, 1, 1))
    dewasa = person(tanggal_lahir=dt.date(1990, 1, 1), jenis_kelamin="L")  # not expected monthly
    other_posyandu = make_person(make_household(world.a2.posyandu), tanggal_lahir=dt.date(2025, 9, 1))
    listed = found(hvs.missed_this_month, world.a.posyandu)
    assert {never.pk, last_month.pk, lansia.pk} <= set(listed)
    assert not {this_month.pk, dewasa.pk, other_posyandu.pk} & set(listed)
    assert listed[never.pk] == "Belum ada kunjungan bulan ini"


def _weigh(visit, user, **results):
    save(visit, 2, user, berat_kg=9, cara_ukur=1)
    Measurement.objects.filter(visit=visit).update(**results)  # the growth results, set by hand


def test_gizi_lists_a_problem_on_the_latest_weighing_before_this_month(world, person, visit_on, kader):
    def child(day):
        return person(tanggal_lahir=dt.date(2025, 6, day), jenis_kelamin="L")

    two_t, weighed_again, stunted, normal, two_t_now = (child(d) for d in range(1, 6))
    _weigh(visit_on(two_t, dt.date(2026, 10, 10)), kader, two_t=True)
    _weigh(visit_on(weighed_again, dt.date(2026, 10, 10)), kader, two_t=True)
    _weigh(visit_on(weighed_again, dt.date(2026, 11, 5)), kader, kms="N")  # weighed again: N
    _weigh(visit_on(stunted, dt.date(2026, 9, 10)), kader, status_pbu="Pendek", status_bbpb="Gizi kurang")
    _weigh(visit_on(normal, dt.date(2026, 10, 10)), kader, status_pbu="Normal")
    _weigh(visit_on(two_t_now, dt.date(2026, 11, 1)), kader, two_t=True, bgm=True)  # seen this month
    listed = found(hvs.gizi_not_followed_up, world.a.posyandu)
    assert listed == {
        two_t.pk: "2T pada 10-10-2026; belum ditimbang lagi",
        stunted.pk: "stunting (pendek), gizi kurang pada 10-09-2026; belum ditimbang lagi",
    }


def test_referral_waits_a_week_and_leaves_when_followed_up_or_cancelled(world, person, visit_on, kader):
    def referred(days_ago, **fields):
        someone = person(tanggal_lahir=dt.date(1980, 1, 1))
        visit = visit_on(someone, ON - dt.timedelta(days=days_ago))
        Referral.objects.create(visit=visit, kode="td", alasan="TD 150/95", **fields)
        return someone

    week, six_days = referred(7), referred(6)
    done = referred(
        20, ditindaklanjuti_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC), ditindaklanjuti_oleh=kader
    )
    cancelled = referred(20, dibatalkan_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC), dibatalkan_oleh=kader)
    listed = found(hvs.referral_not_followed_up, world.a.posyandu)
    assert listed == {week.pk: "Dirujuk 09-11-2026: TD 150/95"}
    assert not {six_days.pk, done.pk, cancelled.pk} & set(listed)


def test_danger_sign_within_30_days_without_a_later_visit(world, person, visit_on, kader):
    def with_sign(days_ago):
        mother = person(tanggal_lahir=dt.date(1998, 1, 1), hpht=dt.date(2026, 5, 1))
        save(visit_on(mother, ON - dt.timedelta(days=days_ago)), 5, kader, tanda_bahaya=True)
        return mother

    thirty, older, seen_again = with_sign(30), with_sign(31), with_sign(10)
    visit_on(seen_again, ON - dt.timedelta(days=2))
    listed = found(hvs.danger_sign, world.a.posyandu)
    assert listed == {thirty.pk: "Tanda bahaya dicatat 17-10-2026; belum dikunjungi lagi"}
    assert older.pk not in listed and seen_again.pk not in listed


def test_nifas_listed_while_a_kf_due_is_not_recorded_on_her_episode(world, person, visit_on, kader):
    def episode(woman, delivered, *kf):
        hpht = delivered - dt.timedelta(days=270)
        made = Pregnancy.objects.create(ibu=woman, hpht=hpht, hasil="lahir_mati", tanggal_hasil=delivered,
                                        dicatat_oleh=kader)  # fmt: skip
        for kind in kf:
            PostnatalContact.objects.create(kehamilan=made, jenis=kind, tanggal=delivered, dicatat_oleh=kader)

    def mother(days_ago, *kf, earlier_kf=()):
        birth = ON - dt.timedelta(days=days_ago)
        woman = person(tanggal_lahir=dt.date(1998, 1, 1), tanggal_persalinan=birth)
        episode(woman, dt.date(2023, 10, 1), *earlier_kf)  # KF of an earlier delivery: not this nifas
        episode(woman, birth, *kf)
        return woman

    day_0, kf1_day_2, kf1_day_3 = mother(0), mother(2, "KF1"), mother(3, "KF1")
    visited_day_10 = mother(10, "KF1", "KF2")
    visit_on(visited_day_10, ON - dt.timedelta(days=1))  # a Posyandu visit is not the KF3
    all_four, none_42, day_43 = mother(42, "KF1", "KF2", "KF3", "KF4"), mother(42), mother(43)
    old_kf2 = mother(5, "KF1", earlier_kf=["KF2"])
    listed = found(hvs.nifas_without_kf, world.a.posyandu)
    assert listed == {
        day_0.pk: "Melahirkan 16-11-2026; belum tercatat KF1 (hari 0–2)",
        kf1_day_3.pk: "Melahirkan 13-11-2026; belum tercatat KF2 (hari 3–7)",
        visited_day_10.pk: "Melahirkan 06-11-2026; belum tercatat KF3 (hari 8–28)",
        none_42.pk: "Melahirkan 05-10-2026; belum tercatat KF1 (hari 0–2), KF2 (hari 3–7), KF3 (hari 8–28), "
        "KF4 (hari 29–42)",
        old_kf2.pk: "Melahirkan 11-11-2026; belum tercatat KF2 (hari 3–7)",
    }
    assert not {kf1_day_2.pk, all_four.pk, day_43.pk} & set(listed)


def test_nifas_reason_is_one_query_whatever_the_number_of_mothers(world, person, django_assert_num_queries):
    for days_ago in (1, 5, 20):
        person(tanggal_lahir=dt.date(1998, 1, 1), tanggal_persalinan=ON - dt.timedelta(days=days_ago))
    with django_assert_num_queries(1):
        assert len(found(hvs.nifas_without_kf, world.a.posyandu)) == 3


def test_newborn_of_28_days_never_visited(world, person, visit_on):
    day_28 = person(tanggal_lahir=ON - dt.timedelta(days=28))
    person(tanggal_lahir=ON - dt.timedelta(days=29))  # day 29: no longer a newborn
    visited = person(tanggal_lahir=ON - dt.timedelta(days=5))
    visit_on(visited, ON - dt.timedelta(days=1))
    assert found(hvs.newborn_without_kn, world.a.posyandu) == {
        day_28.pk: "Lahir 19-10-2026; belum ada kunjungan neonatal"
    }


def test_ptm_latest_measurement_flagged_and_no_visit_this_month(world, person, visit_on, kader):
    def measured(day, **values):
        adult = person(tanggal_lahir=dt.date(1980, 1, 1), jenis_kelamin="L")
        save(visit_on(adult, day), 2, kader, **values)
        return adult

    oct_20 = dt.date(2026, 10, 20)
    high = measured(oct_20, sistol=140, diastol=80)
    normal = measured(oct_20, sistol=139, diastol=89)
    sugar = measured(oct_20, gula_darah=200)
    obese = measured(oct_20, berat_kg=64, tinggi_cm=160)
    back_this_month = measured(oct_20, sistol=160, diastol=100)
    visit_on(back_this_month, dt.date(2026, 11, 2))
    lowered = measured(dt.date(2026, 9, 1), sistol=160, diastol=100)
    save(visit_on(lowered, oct_20), 2, kader, sistol=120, diastol=80)  # the latest is normal
    listed = found(hvs.ptm_not_followed_up, world.a.posyandu)
    assert listed == {
        high.pk: "TD 140/80 pada 20-10-2026; belum dipantau bulan ini",
        sugar.pk: "gula darah 200 mg/dL pada 20-10-2026; belum dipantau bulan ini",
        obese.pk: "IMT 25,0 pada 20-10-2026; belum dipantau bulan ini",
    }
    assert normal.pk not in listed


def test_remaja_putri_anemia_on_the_latest_hb_and_no_visit_this_month(world, person, visit_on, kader):
    def measured(born, hb, day=dt.date(2026, 10, 20)):
        girl = person(tanggal_lahir=born)
        save(visit_on(girl, day), 2, kader, hb=hb)
        return girl

    low = measured(dt.date(2011, 5, 1), 11.9)
    measured(dt.date(2011, 5, 2), 12.0)  # not anaemic
    back = measured(dt.date(2011, 5, 3), 10.0)
    visit_on(back, dt.date(2026, 11, 3))
    boy = person(tanggal_lahir=dt.date(2011, 5, 4), jenis_kelamin="L")
    save(visit_on(boy, dt.date(2026, 10, 20)), 2, kader, hb=10.0)  # remaja putra: not this reason
    listed = found(hvs.remaja_anemia_not_followed_up, world.a.posyandu)
    assert listed == {low.pk: "Hb 11,9 g/dL pada 20-10-2026; belum dipantau bulan ini"}


def test_tbc_suspect_and_household_contacts(world, visit_on, kader):
    household = make_household(world.a.posyandu)
    suspect = make_person(
        household, hubungan=Relation.KEPALA, jenis_kelamin="L", tanggal_lahir=dt.date(1980, 1, 1)
    )
    screened = make_person(household, hubungan=Relation.SUAMI_ISTRI, tanggal_lahir=dt.date(1982, 1, 1))
    not_screened = make_person(household, tanggal_lahir=dt.date(2015, 1, 1), nik=None)
    save(visit_on(suspect, dt.date(2026, 10, 1)), 5, kader, gejala_tbc=["batuk_2_minggu"])
    visit_on(screened, dt.date(2026, 10, 5))
    neighbour = make_person(make_household(world.a.posyandu), hubungan=Relation.KEPALA)
    assert found(hvs.tbc_not_followed_up, world.a.posyandu) == {
        suspect.pk: "Gejala TBC dicatat 01-10-2026; belum dikunjungi lagi"
    }
    contacts = found(hvs.tbc_contacts, world.a.posyandu)
    assert contacts == {not_screened.pk: "Serumah dengan terduga TBC (dicatat 01-10-2026); belum diskrining"}
    assert neighbour.pk not in contacts


def test_tbc_symptoms_older_than_90_days_leave_the_list(world, visit_on, kader, person):
    suspect = person(tanggal_lahir=dt.date(1980, 1, 1), jenis_kelamin="L")
    save(visit_on(suspect, ON - dt.timedelta(days=91)), 5, kader, gejala_tbc=["demam"])
    assert found(hvs.tbc_not_followed_up, world.a.posyandu) == {}


def test_a_provider_of_person_and_text_joins_the_list_with_one_line():
    provider = hvs.coded("imunisasi", lambda ids, on: [(7, f"MR1 terlambat ({on:%m-%Y})")])
    assert list(provider([1], ON)) == [hvs.Found(7, "imunisasi", "MR1 terlambat (11-2026)")]


def test_the_dead_and_the_departed_leave_every_reason_from_the_day(world, person, kader):
    """present_on_q: a balita who died on 10 November is not visited on the 16th, nor one who
    moved out on the 16th itself; one who moved on the 17th still is."""
    from registry.models import Death, Departure

    died, moved, moving = (person(tanggal_lahir=dt.date(2025, 9, d)) for d in (1, 2, 3))
    Death.objects.create(
        person=died, tanggal=dt.date(2026, 11, 10), tempat="rumah", sebab="demam", oleh=kader
    )
    Departure.objects.create(person=moved, tanggal=ON, jenis="pindah", alasan="ikut orang tua", oleh=kader)
    Departure.objects.create(
        person=moving, tanggal=ON + dt.timedelta(days=1), jenis="pindah", alasan="ikut orang tua", oleh=kader
    )
    listed = {f.person_id for f in hvs.found_reasons([world.a.posyandu.pk], ON)}
    assert moving.pk in listed and not {died.pk, moved.pk} & listed


def test_immunisation_overdue_and_vitamin_a_sweep_are_reasons(world, person):
    """Wired from visits/immunisation_selectors.py and visits/vitamin_a_selectors.py: a 10-month-old
    with no dose at all is overdue; in September (the sweeping month after August) a 6–11-month-old
    without the August capsule is swept; in November nobody is."""
    baby = person(tanggal_lahir=dt.date(2025, 11, 1))
    on_list = hvs.PROVIDERS["imunisasi"]([world.a.posyandu.pk], dt.date(2026, 9, 10))
    assert {(f.person_id, f.kode) for f in on_list} == {(baby.pk, "imunisasi")}
    swept = hvs.PROVIDERS["vitamin_a"]([world.a.posyandu.pk], dt.date(2026, 9, 10))
    assert [(f.person_id, f.kode) for f in swept] == [(baby.pk, "vitamin_a")]
    assert list(hvs.PROVIDERS["vitamin_a"]([world.a.posyandu.pk], ON)) == []
