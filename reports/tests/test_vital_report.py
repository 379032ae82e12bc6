"""Births, deaths and completeness in the monthly report and the recaps, on hand-made data."""

import datetime as dt

import pytest
from django.urls import reverse

from registry import services
from registry.models import Relation
from reports.period import Month
from reports.vital_selectors import not_entered, vital_counts
from tests.factories import child_in, make_person
from visits.models import OpeningDay, Visit

D = dt.date
OCT = Month(2026, 10)


@pytest.fixture
def october(world):
    """In Mawar: births of 2,499 g and 2,500 g in October and one in September; deaths in October at
    11, 12, 59 and 60 months, a maternal death, and one in September. Melati enters no visit."""
    kader = world.users["kader_a"]
    mother = make_person(world.a.household, jenis_kelamin="P", tanggal_lahir=D(1995, 1, 1),
                         hubungan=Relation.SUAMI_ISTRI)  # fmt: skip
    birth = {"jenis_kelamin": "L", "tempat": "rumah", "penolong": "bidan", "by": kader}
    for born, grams in ((D(2026, 10, 1), 2499), (D(2026, 10, 31), 2500), (D(2026, 9, 30), 1800)):
        services.birth_register(mother=mother, tanggal_lahir=born, nama=f"Bayi {grams}",
                                berat_lahir_gram=grams, **birth)  # fmt: skip
    died = D(2026, 10, 15)
    for months in (11, 12, 59, 60):
        year, month = divmod(2026 * 12 + 9 - months, 12)
        child = child_in(world.a.posyandu, tanggal_lahir=D(year, month + 1, 15))
        services.death_record(person=child, by=kader, tanggal=died, tempat="rumah", sebab="demam")
    pregnant = make_person(
        world.a.household, jenis_kelamin="P", tanggal_lahir=D(1998, 1, 1), hpht=D(2026, 6, 1)
    )
    services.death_record(
        person=pregnant, by=kader, tanggal=D(2026, 10, 20), tempat="rumah", sebab="perdarahan"
    )
    services.death_record(
        person=world.a.person, by=kader, tanggal=D(2026, 9, 30), tempat="rumah", sebab="stroke"
    )
    day = OpeningDay.objects.create(posyandu=world.a.posyandu, tanggal=D(2026, 10, 10), dibuka_oleh=kader)
    Visit.objects.create(person=mother, posyandu=world.a.posyandu, opening_day=day, tanggal=day.tanggal,
                         created_by=kader)  # fmt: skip
    return world


def test_births_deaths_and_completeness_by_posyandu(october, django_assert_num_queries):
    a, a2 = october.a.posyandu.pk, october.a2.posyandu.pk
    with django_assert_num_queries(5):
        figures = vital_counts(posyandu_ids=[a, a2], month=OCT)
    mawar = figures[a]
    assert (mawar.lahir, mawar.bblr) == (2, 1)
    assert (mawar.mati_bayi, mawar.mati_balita, mawar.mati_ibu, mawar.mati) == (1, 3, 1, 5)
    assert (mawar.belum_entri, figures[a2].belum_entri) == (0, 1)
    assert (figures[a] + figures[a2]).belum_entri == 1


def test_the_monthly_report_shows_section_8(october, login):
    page = login("kader_a").get(
        reverse("posyandu_report", args=[october.a.posyandu.pk]), {"bulan": "2026-10"}
    )
    text = page.content.decode()
    assert "8. Kelahiran dan kematian" in text and "belum-entri" not in text
    page = login("staff_a").get(
        reverse("posyandu_report", args=[october.a2.posyandu.pk]), {"bulan": "2026-10"}
    )
    assert "Belum ada kunjungan yang dientri" in page.content.decode()


def test_the_recap_page_lists_the_posyandu_not_entered_in_the_users_area(october, login):
    assert [p.nama for p in not_entered(user=october.users["staff_a"], month=OCT)] == ["Melati"]
    assert [p.nama for p in not_entered(user=october.users["staff_b"], month=OCT)] == ["Anggrek"]
    page = login("staff_a").get(reverse("recap_list"), {"lengkap": "2026-10"}).content.decode()
    assert "1 Posyandu belum mengentri" in page and "Melati" in page and "Anggrek" not in page
    assert "kelengkapan" not in login("kader_a").get(reverse("recap_list")).content.decode()
