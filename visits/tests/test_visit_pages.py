"""The opening-day pages as a kader uses them, and their query counts."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import make_household, make_person, save
from visits import services, vitamin_a_selectors
from visits.models import Measurement, OpeningDay, Visit


@pytest.fixture
def kader(login):
    return login("kader_a")


def test_kader_opens_today_and_adds_a_person_found_by_name(kader, world, balita, today):
    response = kader.post(reverse("opening_day_list"), {"posyandu": world.a.posyandu.pk})
    day = OpeningDay.objects.get(posyandu=world.a.posyandu, tanggal=today)
    assert response.url == reverse("opening_day_detail", args=[day.pk])
    found = kader.get(reverse("opening_day_detail", args=[day.pk]), {"q": "nabila", "meja": "1"})
    assert list(found.context["candidates"]) == [balita]
    kader.post(reverse("opening_day_detail", args=[day.pk]), {"person": balita.pk})
    assert Visit.objects.filter(opening_day=day, person=balita).count() == 1
    again = kader.get(reverse("opening_day_detail", args=[day.pk]), {"q": "nabila"})
    assert list(again.context["candidates"]) == []  # already in the queue


def test_meja_1_neither_finds_nor_queues_the_dead_or_departed(kader, world, balita, day_a):
    """registry.selectors.present_on_q on the opening day: a death or a move on or before it."""
    from registry.models import Death

    Death.objects.create(person=balita, tanggal=day_a.tanggal, tempat="rumah", sebab="demam",
                         oleh=world.users["kader_a"])  # fmt: skip
    found = kader.get(reverse("opening_day_detail", args=[day_a.pk]), {"q": "nabila", "meja": "1"})
    assert list(found.context["candidates"]) == []
    refused = kader.post(reverse("opening_day_detail", args=[day_a.pk]), {"person": balita.pk})
    assert refused.status_code == 404
    assert not Visit.objects.filter(person=balita).exists()


def test_meja_2_shows_only_the_childs_fields_and_goes_to_meja_3(kader, world, balita, day_a):
    visit = services.visit_register(person=balita, opening_day=day_a, user=world.users["kader_a"])
    page = kader.get(reverse("visit_meja", args=[visit.pk, 2]))
    assert list(page.context["form"].fields) == [
        "berat_kg",
        "tinggi_cm",
        "cara_ukur",
        "lingkar_kepala_cm",
        "lila_cm",
    ]
    response = kader.post(
        reverse("visit_meja", args=[visit.pk, 2]),
        {"berat_kg": "9,1", "tinggi_cm": "75,5", "cara_ukur": "1", "version": ""},
    )
    assert response.url == reverse("visit_meja", args=[visit.pk, 3])
    meja3 = kader.get(response.url).content.decode()
    assert "Berat badan normal" in meja3 and "B: baru pertama ditimbang" in meja3
    assert 'class="growth-chart"' in meja3


@pytest.mark.parametrize("meja", [0, 6, 9])
def test_a_meja_that_does_not_exist_is_not_found(kader, world, balita, day_a, meja):
    visit = services.visit_register(person=balita, opening_day=day_a, user=world.users["kader_a"])
    assert kader.get(reverse("visit_meja", args=[visit.pk, meja])).status_code == 404
    assert kader.post(reverse("visit_meja", args=[visit.pk, meja]), {"berat_kg": "9"}).status_code == 404


def test_impossible_value_keeps_what_was_typed(kader, world, balita, day_a):
    visit = services.visit_register(person=balita, opening_day=day_a, user=world.users["kader_a"])
    response = kader.post(
        reverse("visit_meja", args=[visit.pk, 2]), {"berat_kg": "80", "tinggi_cm": "75,5", "cara_ukur": "1"}
    )
    html = response.content.decode()
    assert "Berat badan 80 kg tidak mungkin" in html
    assert 'value="80"' in html and 'value="75,5"' in html
    assert not Measurement.objects.filter(visit=visit).exists()


def test_stale_form_shows_the_conflict_and_keeps_the_input(kader, world, balita, day_a):
    visit = services.visit_register(person=balita, opening_day=day_a, user=world.users["kader_a"])
    save(visit, 2, world.users["staff_a"], berat_kg=9, cara_ukur=1)
    response = kader.post(
        reverse("visit_meja", args=[visit.pk, 2]), {"berat_kg": "8,5", "cara_ukur": "1", "version": ""}
    )
    html = response.content.decode()
    assert "baru saja disimpan oleh staff_a" in html and 'value="8,5"' in html


def test_home_visit_list_shows_sasaran_not_seen_this_month(kader, world, balita, today):
    def listed():
        rows = kader.get(reverse("home_visit_list"), {"alasan": "belum_datang"}).context["rows"]
        return [row.person for row in rows]

    assert balita in listed()
    kader.post(reverse("home_visit_list"), {"posyandu": world.a.posyandu.pk, "person": balita.pk})
    assert Visit.objects.get(person=balita).jenis == "rumah"
    assert balita not in listed()


def test_person_page_shows_kms_history_and_immunisations(kader, world, balita, visit_factory, today):
    visit = visit_factory(balita, today)
    save(visit, 2, world.users["kader_a"], berat_kg=9, cara_ukur=1)
    save(visit, 5, world.users["kader_a"], imunisasi=["MR1"], vitamin_a="merah", obat_cacing=True)
    html = kader.get(reverse("person_detail", args=[balita.pk])).content.decode()
    assert 'class="growth-chart"' in html
    assert "<td>MR1</td><td>sudah</td>" in html and "Vitamin A Merah" in html and "Obat cacing" in html
    assert "<td>B</td>" in html


def _busy_day(world, today, people: int):
    user = world.users["admin"]
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=today, user=user)
    for i in range(people):
        household = make_household(world.a.posyandu)
        person = make_person(household, tanggal_lahir=today - dt.timedelta(days=300 + i))
        visit = services.visit_register(person=person, opening_day=day, user=user)
        save(visit, 2, user, berat_kg=8, cara_ukur=1)
    return day


@pytest.mark.parametrize(
    ("page", "queries"),
    [("opening_day_detail", 5), ("referral_list", 4), ("home_visit_list", 16), ("opening_day_list", 5)],
)
def test_pages_use_a_constant_number_of_queries(
    login, world, today, page, queries, django_assert_num_queries
):
    day = _busy_day(world, today, 12)
    client = login("admin")
    target = reverse(page, args=[day.pk]) if page == "opening_day_detail" else reverse(page)
    if page == "home_visit_list" and vitamin_a_selectors.in_sweep(today):
        queries += 1  # the vitamin A sweep asks only in a round month and the month after
    with django_assert_num_queries(queries):
        assert client.get(target).status_code == 200


def test_pregnant_woman_meja_3_shows_gestation_kek_and_referral(kader, world, day_a, today):
    household = make_household(world.a.posyandu)
    mother = make_person(household, hubungan="kepala", tanggal_lahir=dt.date(1998, 5, 1),
                         hpht=today - dt.timedelta(weeks=20, days=3))  # fmt: skip
    visit = services.visit_register(person=mother, opening_day=day_a, user=world.users["kader_a"])
    form = kader.get(reverse("visit_meja", args=[visit.pk, 2])).context["form"]
    assert list(form.fields)[:5] == ["berat_kg", "lila_cm", "sistol", "diastol", "hb"]
    save(visit, 2, world.users["kader_a"], berat_kg=52, lila_cm=22.5, sistol=110, diastol=70)
    html = kader.get(reverse("visit_meja", args=[visit.pk, 3])).content.decode()
    assert "20 minggu" in html and "trimester 2" in html
    assert "KEK" in html and "Ibu hamil KEK: LiLA 22,5 cm &lt; 23,5 cm" in html


def test_queue_of_a_past_day_shows_the_age_on_that_day(kader, world, balita, visit_factory, today):
    visit = visit_factory(balita, today - dt.timedelta(days=90))  # 425 days old today, 335 then
    html = kader.get(reverse("opening_day_detail", args=[visit.opening_day_id])).content.decode()
    assert f"{balita.umur_on(visit.tanggal)} ·" in html and balita.umur_on(visit.tanggal) != balita.umur
