"""F5 of a hand-made October 2026: births, deaths, visitors and who served on each opening day;
another area's Posyandu is a 404 and the page is a fixed number of queries."""

import datetime as dt

import pytest
from django.urls import reverse

from kader.f5 import f5_month
from kader.models import Attendance, Kader, NakesHadir
from registry.models import Birth, Death, Relation
from reports.period import Month
from tests.factories import child_in, make_household, make_person
from visits import services

OCT = Month(2026, 10)


@pytest.fixture
def october(world):
    mawar, admin = world.a.posyandu, world.users["admin"]
    household = make_household(mawar)
    ibu = make_person(
        household, hubungan=Relation.KEPALA, jenis_kelamin="P", tanggal_lahir=dt.date(1995, 1, 1)
    )
    baby = make_person(household, hubungan=Relation.ANAK, tanggal_lahir=dt.date(2026, 10, 3))
    Birth.objects.create(mother=ibu, child=baby, tempat="fasyankes", penolong="bidan", berat_lahir_gram=2400,
                         oleh=admin)  # fmt: skip
    gone = child_in(mawar, tanggal_lahir=dt.date(2026, 2, 1))
    Death.objects.create(
        person=gone, tanggal=dt.date(2026, 10, 20), tempat="rumah", sebab="demam", oleh=admin
    )
    day_1 = services.opening_day_open(posyandu=mawar, tanggal=dt.date(2026, 10, 5), user=admin)
    services.opening_day_open(posyandu=mawar, tanggal=dt.date(2026, 10, 19), user=admin)  # nobody recorded
    services.visit_register(person=ibu, opening_day=day_1, user=admin)
    sri, ani = (Kader.objects.create(posyandu=mawar, nama=n) for n in ("Sri", "Ani"))
    Attendance.objects.create(opening_day=day_1, kader=sri, meja=1)
    Attendance.objects.create(opening_day=day_1, kader=ani, meja=2)
    NakesHadir.objects.create(opening_day=day_1, nama="Bd. Rina", profesi="bidan")
    NakesHadir.objects.create(opening_day=day_1, nama="Yudi", profesi="gizi")
    return mawar


def test_f5_counts_the_month_by_hand(october):
    f5 = f5_month(posyandu=october, month=OCT)
    assert (f5.vital.lahir, f5.vital.bblr, f5.vital.mati_bayi, f5.vital.mati_balita) == (1, 1, 1, 1)
    assert f5.kelompok.ibu_nifas_menyusui + f5.kelompok.usia_dewasa >= 1 and f5.kelompok.total == 1
    assert [[(a.kader.nama, a.meja) for a in d.kader] for d in f5.days] == [[("Sri", 1), ("Ani", 2)], []]
    assert f5.kader_hadir == 2
    assert [[(n.nama, n.profesi) for n in d.nakes] for d in f5.days] == [
        [("Bd. Rina", "bidan"), ("Yudi", "gizi")],
        [],
    ]
    assert f5.nakes_hadir == 2


@pytest.mark.parametrize(
    ("user", "status"),
    [("kader_a", 200), ("staff_a", 200), ("dinkes_1", 200)]
    + [("kader_b", 404), ("staff_b", 404), ("dinkes_2", 404)],
)
def test_f5_of_another_area_is_404(login, october, user, status):
    assert login(user).get(reverse("kader_f5", args=[october.pk]), {"bulan": "2026-10"}).status_code == status


def test_f5_page_is_a_fixed_number_of_queries(login, october, django_assert_num_queries):
    client = login("kader_a")
    with django_assert_num_queries(12):
        page = client.get(reverse("kader_f5", args=[october.pk]), {"bulan": "2026-10"})
    html = page.content.decode()
    assert "Sri (meja 1), Ani (meja 2)" in html and "Kader bertugas belum dicatat." in html
    assert "Tenaga kesehatan: Bd. Rina (Bidan), Yudi (Tenaga gizi)" in html
    assert "Tenaga kesehatan: belum dicatat." in html and "(2 kader, 2 tenaga kesehatan)" in html
    assert login("kader_a").get(reverse("kader_f5", args=[october.pk]), {"bulan": "x"}).status_code == 200
