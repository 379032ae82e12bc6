"""The year's figures, strata and Posyandu aktif computed from the database, on the hand-made
year of conftest.py, with the expected values written by hand; and a constant query count."""

import datetime as dt

from django.core.cache import cache

from kader import strata_selectors
from kader.models import Attendance, PosyanduTahun
from kader.tests.conftest import DAYS, YEAR
from tests.factories import child_in
from visits import services as visit_services
from visits.models import Care, Visit

TODAY = dt.date(2026, 11, 16)


def values_of(world):
    return strata_selectors.year_values([world.a.posyandu.pk], YEAR, TODAY)[world.a.posyandu.pk]


def test_the_hand_made_year_gives_the_hand_counted_figures(world, year_a):
    v = values_of(world)
    assert v["hari_buka"] == 8
    assert v["kader_bertugas"] == 5.0  # 40 on duty / 8 days
    assert v["kader_sk"] == 5  # the inactive one and the one without SK do not count
    assert v["ds"] == 50.0  # D 1 of S 2 in each of the 8 months
    assert v["kia"] == 100.0  # the one pregnancy was seen
    assert v["kb"] == 0.0  # the one woman of 15–49 had no KB service
    assert v["imunisasi"] == 0.0  # child 2 (born 1 June 2024) is the one bayi; child 1 was born 1 Jan 2024
    assert v["layanan_sasaran"] == 2  # balita and ibu hamil, no remaja
    assert v["program_tambahan"] is None and v["dana_sehat"] is None


def test_exactly_8_days_5_kader_and_ds_50_is_madya_and_aktif(world, year_a):
    verdict = strata_selectors.strata_for([world.a.posyandu.pk], YEAR, TODAY)[world.a.posyandu.pk]
    assert (verdict.strata, verdict.aktif) == ("madya", True)
    unmet = [e.rule.indikator for e in verdict.strata_evidence if not e.met]
    assert unmet == ["kb", "imunisasi", "program_tambahan", "dana_sehat"]


def test_coverage_and_profile_lift_it_to_mandiri(world, year_a):
    user = world.users["admin"]
    kb_visit = Visit.objects.get(person=year_a["mother"])
    Care.objects.create(visit=kb_visit, kb="konseling", updated_by=user)
    bayi_visit = Visit.objects.create(
        person=year_a["child2"], posyandu=world.a.posyandu, opening_day=year_a["days"][0],
        tanggal=year_a["days"][0].tanggal, created_by=user,
    )  # fmt: skip
    Care.objects.create(visit=bayi_visit, imunisasi=["dpt_hb_hib_1"], updated_by=user)
    PosyanduTahun.objects.create(
        posyandu=world.a.posyandu, tahun=YEAR, program_tambahan="Kelas ibu\nBKB", dana_sehat_persen=50
    )
    verdict = strata_selectors.strata_for([world.a.posyandu.pk], YEAR, TODAY)[world.a.posyandu.pk]
    v = values_of(world)
    assert (v["kb"], v["imunisasi"], v["program_tambahan"], v["dana_sehat"]) == (100.0, 100.0, 2, 50.0)
    assert verdict.strata == "mandiri"


def test_one_kader_fewer_on_one_day_drops_to_pratama(world, year_a):
    Attendance.objects.filter(opening_day=year_a["days"][-1], kader=year_a["on_duty"][0]).delete()
    assert values_of(world)["kader_bertugas"] == 4.875  # 39 / 8
    verdict = strata_selectors.strata_for([world.a.posyandu.pk], YEAR, TODAY)[world.a.posyandu.pk]
    assert verdict.strata == "pratama" and verdict.aktif is True


def test_seven_opening_days_is_pratama_and_not_aktif(world, year_a):
    day = year_a["days"][-1]
    Visit.all_objects.filter(opening_day=day).delete()
    day.delete()
    verdict = strata_selectors.strata_for([world.a.posyandu.pk], YEAR, TODAY)[world.a.posyandu.pk]
    assert values_of(world)["hari_buka"] == 7
    assert (verdict.strata, verdict.aktif) == ("pratama", False)


def test_a_year_without_data_has_no_rates_and_is_pratama(world):
    verdict = strata_selectors.strata_for([world.b.posyandu.pk], YEAR, TODAY)[world.b.posyandu.pk]
    assert verdict.strata == "pratama" and not verdict.aktif
    assert {e.rule.indikator: e.value for e in verdict.strata_evidence}["ds"] is None


def test_the_query_count_does_not_grow_with_posyandu_or_people(world, year_a, django_assert_num_queries):
    ids = [world.a.posyandu.pk, world.a2.posyandu.pk, world.b.posyandu.pk, world.c.posyandu.pk]
    # 3 counts + 1 opened months + 8 months with an opening day × 4 (SKDN) + 3 coverages
    # + 1 groups served + 1 profile + 1 criteria
    with django_assert_num_queries(42):
        strata_selectors.strata_for(ids, YEAR, TODAY)
    cache.clear()
    for posyandu in (world.a2.posyandu, world.b.posyandu):
        child_in(posyandu, tanggal_lahir=dt.date(2024, 2, 2))
        for tanggal in DAYS:
            visit_services.opening_day_open(posyandu=posyandu, tanggal=tanggal, user=world.users["admin"])
    with django_assert_num_queries(42):
        strata_selectors.strata_for(ids, YEAR, TODAY)
