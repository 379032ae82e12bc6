"""The other monthly sections, and the life-cycle SQL against the Python rule."""

import datetime as dt
import random

import pytest

from registry import lifecycle
from registry.models import Person
from reports import selectors
from reports.lifecycle_sql import completed_months, group_q
from reports.period import Month
from tests.factories import make_household, make_person, save
from visits import services
from visits.models import Visit

D = dt.date


def test_groups_in_sql_equal_the_python_rule_at_each_visit_date(world):
    rng = random.Random(3)
    household = make_household(world.a.posyandu)
    admin = world.users["admin"]
    for _ in range(150):
        visit_day = D(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        born = visit_day - dt.timedelta(
            days=rng.choice([rng.randint(0, 90 * 365), 1826, 1827, 60 * 365 + 14])
        )
        adult_woman = (visit_day - born).days > 16 * 365 and rng.random() < 0.6
        hpht = (
            visit_day - dt.timedelta(days=rng.randint(-20, 330))
            if adult_woman and rng.random() < 0.6
            else None
        )
        birth = (
            visit_day - dt.timedelta(days=rng.randint(-20, 800))
            if adult_woman and rng.random() < 0.5
            else None
        )
        sex = "P" if adult_woman else "L"
        person = Person.objects.create(
            household=household,
            nama="x",
            jenis_kelamin=sex,
            tanggal_lahir=born,
            hubungan="anak",
            hpht=hpht,
            tanggal_persalinan=birth,
        )
        Visit.objects.create(
            person=person, posyandu=world.a.posyandu, tanggal=visit_day, jenis="rumah", created_by=admin
        )
    visits = Visit.objects.filter(person__household=household).annotate(
        umur_bulan=completed_months("tanggal", "person__tanggal_lahir")
    )
    for group in lifecycle.Group:
        in_sql = set(visits.filter(group_q(group)).values_list("pk", flat=True))
        in_python = {v.pk for v in visits.select_related("person") if group in v.person.groups_on(v.tanggal)}
        assert in_sql == in_python, group


@pytest.mark.parametrize(
    "born, on, months",
    [
        (D(2024, 1, 31), D(2024, 2, 29), 0),  # the day of the month not reached yet
        (D(2024, 1, 31), D(2024, 3, 30), 1),
        (D(2024, 1, 31), D(2024, 3, 31), 2),
        (D(2024, 2, 29), D(2025, 2, 28), 11),
        (D(2024, 2, 29), D(2025, 3, 1), 12),
        (D(2021, 8, 15), D(2026, 8, 14), 59),  # the balita boundary, a day either side
        (D(2021, 8, 15), D(2026, 8, 15), 60),
        (D(2025, 12, 31), D(2026, 1, 1), 0),  # across the year
        (D(2025, 12, 1), D(2026, 1, 1), 1),
    ],
)
def test_completed_months_in_sql_at_month_ends_and_boundaries(world, born, on, months):
    person = make_person(make_household(world.a.posyandu), tanggal_lahir=born)
    Visit.objects.create(person=person, posyandu=world.a.posyandu, tanggal=on, jenis="rumah",
                         created_by=world.users["admin"])  # fmt: skip
    in_sql = Visit.objects.filter(person=person).annotate(
        m=completed_months("tanggal", "person__tanggal_lahir")
    )
    assert in_sql.get().m == months == lifecycle.completed_months(born, on)


def test_visits_services_screening_referrals_and_kia_of_a_month(world, child, weigh):
    a = world.a.posyandu
    admin = world.users["admin"]
    day = D(2026, 8, 10)
    baby = child(a, D(2025, 9, 1))
    visit = weigh(baby, a, day, "8.0")
    save(visit, 5, admin, imunisasi=["MR1"], vitamin_a="biru", obat_cacing=True)
    services.record_save(visit=visit, meja=4, data={"pmt": True}, user=admin, version=None)
    adult = world.a.person  # born 1990
    opening = services.opening_day_open(posyandu=a, tanggal=day, user=admin)
    adult_visit = services.visit_register(person=adult, opening_day=opening, user=admin)
    save(adult_visit, 2, admin, sistol=150, diastol=95, gula_darah=210, berat_kg=80, tinggi_cm=165)
    save(adult_visit, 5, admin, gejala_tbc=["batuk_2_minggu"])
    mother = child(a, D(1996, 1, 1), sex="P", name="Ibu hamil")
    mother.hpht = D(2026, 4, 1)
    mother.save()
    mother_visit = services.visit_register(person=mother, opening_day=opening, user=admin)
    save(mother_visit, 2, admin, lila_cm=22, sistol=120, diastol=80)
    save(mother_visit, 5, admin, kunjungan_anc=4, ttd_tablet=30)

    report = selectors.posyandu_month(posyandu_ids=[a.pk], month=Month(2026, 8))[a.pk]
    assert report.kelompok.total == 3 and report.kelompok.bayi_balita == 1
    assert (report.kelompok.ibu_hamil, report.kelompok.usia_dewasa) == (1, 2)
    assert (report.layanan.vitamin_a, report.layanan.imunisasi, report.layanan.obat_cacing) == (1, 1, 1)
    assert (report.layanan.pmt, report.layanan.ttd) == (1, 1)
    s = report.skrining
    assert (s.dewasa_datang, s.td_diukur, s.hipertensi, s.gula_diukur, s.gula_tinggi) == (2, 2, 1, 1, 1)
    assert (s.imt_diukur, s.obesitas, s.terduga_tbc) == (1, 1, 1)  # IMT 80/1,65² = 29,4
    assert (report.rujukan.dirujuk, report.rujukan.ditindaklanjuti) == (2, 0)
    assert report.rujukan.alasan == 4  # adult: hipertensi, gula darah, TBC; mother: KEK
    k = report.kia
    assert (k.ibu_hamil_datang, k.kek, k.td_tinggi, k.ttd, k.k1, k.k4, k.k6) == (1, 1, 0, 1, 1, 1, 0)


@pytest.mark.parametrize(
    ("section", "queries"),
    # SKDN: S and D, each for stayed and moved households.
    [("skdn", 4), ("gizi", 2), ("kelompok", 1), ("layanan", 2), ("skrining", 1), ("rujukan", 1), ("kia", 1)],
)
def test_each_section_is_a_fixed_number_of_queries(
    world, child, weigh, section, queries, django_assert_num_queries
):
    for i in range(5):
        weigh(child(world.a.posyandu, D(2025, 1, 1 + i)), world.a.posyandu, D(2026, 8, 10), "9.0")
    with django_assert_num_queries(queries):
        getattr(selectors, section)(
            posyandu_ids=[world.a.posyandu.pk, world.b.posyandu.pk], month=Month(2026, 8)
        )


def _woman(world, **maternal):
    household = make_household(world.a.posyandu)
    return Person.objects.create(
        household=household,
        nama="x",
        jenis_kelamin="P",
        tanggal_lahir=D(1995, 1, 1),
        hubungan="anak",
        **maternal,
    )


def _visit_on(world, person, on):
    Visit.objects.create(
        person=person, posyandu=world.a.posyandu, tanggal=on, jenis="rumah", created_by=world.users["admin"]
    )
    return Visit.objects.filter(person=person).annotate(
        umur_bulan=completed_months("tanggal", "person__tanggal_lahir")
    )


@pytest.mark.parametrize("days", [307, 308, 309])
def test_pregnancy_ends_in_sql_on_the_same_day_as_in_python(world, days):
    hpht = D(2025, 1, 1)
    person = _woman(world, hpht=hpht)
    on = hpht + dt.timedelta(days=days)
    in_sql = _visit_on(world, person, on).filter(group_q(lifecycle.Group.IBU_HAMIL)).exists()
    assert in_sql == (lifecycle.Group.IBU_HAMIL in person.groups_on(on)) == (days <= 308)


@pytest.mark.parametrize("days", [730, 731, 732])
def test_menyusui_ends_in_sql_on_the_same_day_as_in_python(world, days):
    birth = D(2024, 1, 1)
    person = _woman(world, tanggal_persalinan=birth)
    on = birth + dt.timedelta(days=days)
    in_sql = _visit_on(world, person, on).filter(group_q(lifecycle.Group.IBU_NIFAS_MENYUSUI)).exists()
    assert in_sql == (lifecycle.Group.IBU_NIFAS_MENYUSUI in person.groups_on(on)) == (days <= 731)
