"""The kader's day without friction: an empty meja 2 refused, a wrong queue entry removed,
a past opening day opened, the queue searched, the landing page, referral follow-up."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from registry.models import Relation
from reports.period import Month
from reports.selectors import kelompok
from tests.factories import make_household, make_person, save
from visits import selectors, services
from visits.models import AuditEntry, OpeningDay, Referral, Visit

TODAY = dt.date(2026, 11, 15)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def family(world):
    """Siti (mother, wife of the head) and her son Bima, 10 months old on TODAY."""
    household = make_household(world.a.posyandu)
    make_person(household, nama="Joko", hubungan=Relation.KEPALA, jenis_kelamin="L")
    siti = make_person(household, nama="Siti Aminah", hubungan=Relation.SUAMI_ISTRI, jenis_kelamin="P")
    bima = make_person(household, nama="Bima", hubungan=Relation.ANAK, jenis_kelamin="L", nik=None,
                       tanggal_lahir=dt.date(2026, 1, 10))  # fmt: skip
    return siti, bima


@pytest.fixture
def day(world):
    return services.opening_day_open(posyandu=world.a.posyandu, tanggal=TODAY, user=world.users["kader_a"])


def queue(day, family, world):
    return [services.visit_register(person=p, opening_day=day, user=world.users["kader_a"]) for p in family]


def test_meja_2_with_no_measurement_is_refused(login, world, family, day):
    visit = queue(day, family, world)[1]
    response = login("kader_a").post(reverse("visit_meja", args=[visit.pk, 2]), {"cara_ukur": "1"})
    assert "Isi paling sedikit satu ukuran" in response.content.decode()
    visit.refresh_from_db()
    assert visit.meja2_at is None and not hasattr(visit, "measurement")


def test_meja_2_with_only_impossible_values_gets_their_messages_not_the_empty_one(login, world, family, day):
    visit = queue(day, family, world)[1]
    data = {"cara_ukur": "1", "berat_kg": "120", "tinggi_cm": "300"}
    html = login("kader_a").post(reverse("visit_meja", args=[visit.pk, 2]), data).content.decode()
    assert "Isi paling sedikit satu ukuran" not in html
    assert html.count("tidak mungkin; periksa lagi") == 2  # beside both fields
    assert 'value="120"' in html and 'value="300"' in html  # what was typed is kept


def test_a_wrong_queue_entry_is_removed_audited_and_counts_nowhere(login, world, family, day):
    siti_visit, bima_visit = queue(day, family, world)
    response = login("kader_a").post(reverse("visit_remove", args=[siti_visit.pk]))
    assert response.status_code == 302
    removed = Visit.all_objects.get(pk=siti_visit.pk)
    assert removed.dihapus_oleh == world.users["kader_a"] and removed.dihapus_at is not None
    entry = AuditEntry.objects.get(visit=removed)
    assert (entry.meja, entry.after, entry.user) == (1, {"antrean": "dihapus"}, world.users["kader_a"])
    assert [v.pk for v in selectors.day_queue(day=day)] == [bima_visit.pk]
    listed = selectors.opening_days(user=world.users["kader_a"]).get(pk=day.pk)
    assert listed.jumlah == 1
    counted = kelompok(posyandu_ids=[world.a.posyandu.pk], month=Month(2026, 11))[world.a.posyandu.pk]
    assert (counted.total, counted.bayi_balita, counted.usia_dewasa) == (1, 1, 0)  # Bima only
    assert login("kader_a").get(reverse("visit_detail", args=[siti_visit.pk])).status_code == 404


def test_removed_person_can_join_the_queue_again(world, family, day):
    siti_visit, _ = queue(day, family, world)
    services.visit_remove(visit=siti_visit, user=world.users["kader_a"])
    assert family[0] in selectors.queue_candidates(user=world.users["kader_a"], day=day, q="Siti")[0]
    again = services.visit_register(person=family[0], opening_day=day, user=world.users["kader_a"])
    assert again.pk != siti_visit.pk and Visit.objects.filter(opening_day=day).count() == 2


def test_a_person_with_something_recorded_is_not_removed(login, world, family, day):
    _, bima_visit = queue(day, family, world)
    save(bima_visit, 2, world.users["kader_a"], berat_kg=8, cara_ukur=1)
    response = login("kader_a").post(reverse("visit_remove", args=[bima_visit.pk]), follow=True)
    assert "sudah dilayani" in response.content.decode()
    assert Visit.objects.filter(pk=bima_visit.pk).exists()


def test_a_removed_visit_takes_no_record(world, family, day):
    _, bima_visit = queue(day, family, world)
    services.visit_remove(visit=bima_visit, user=world.users["kader_a"])
    with pytest.raises((services.QueueError, PermissionDenied)):
        save(bima_visit, 2, world.users["kader_a"], berat_kg=8, cara_ukur=1)


def test_removal_is_refused_to_dinkes_and_another_area(login, world, family, day):
    siti_visit, _ = queue(day, family, world)
    assert login("dinkes_1").post(reverse("visit_remove", args=[siti_visit.pk])).status_code == 403
    assert login("kader_b").post(reverse("visit_remove", args=[siti_visit.pk])).status_code == 404
    assert Visit.objects.filter(pk=siti_visit.pk).exists()


@pytest.mark.parametrize(
    ("tanggal", "opened"),
    [("2026-11-15", True), ("2026-10-16", True), ("2026-10-15", False), ("2026-11-16", False)],
)
def test_a_past_opening_day_within_30_days_can_be_opened(login, world, tanggal, opened):
    response = login("kader_a").post(
        reverse("opening_day_list"), {"posyandu": world.a.posyandu.pk, "tanggal": tanggal}
    )
    assert OpeningDay.objects.filter(tanggal=tanggal).exists() is opened
    if not opened:
        html = response.content.decode()
        assert "30 hari" in html or "masa depan" in html
        assert f'value="{tanggal}"' in html  # what was typed is kept


def test_opening_another_areas_posyandu_is_refused(login, world):
    response = login("kader_a").post(reverse("opening_day_list"), {"posyandu": world.b.posyandu.pk})
    assert response.status_code == 200 and "Pilih Posyandu dari daftar" in response.content.decode()
    assert not OpeningDay.objects.exists()


@pytest.mark.parametrize("meja", ["2", "3", "4", "5"])
def test_queue_search_at_meja_2_to_5_and_the_mothers_name(login, world, family, day, meja):
    queue(day, family, world)
    page = login("kader_a").get(reverse("opening_day_detail", args=[day.pk]), {"meja": meja, "cari": "bim"})
    assert [v.person.nama for v in page.context["queue"]] == ["Bima"]
    html = page.content.decode()
    assert "ibu: Siti Aminah" in html and "Cari di antrean hari ini" in html


def test_queue_page_queries_stay_constant(login, world, day, django_assert_num_queries):
    client = login("kader_a")
    for n in range(6):
        household = make_household(world.a.posyandu)
        make_person(household, nama=f"Ibu {n}", hubungan=Relation.KEPALA)
        child = make_person(household, nama=f"Anak {n}", tanggal_lahir=dt.date(2025, 5, 1))
        services.visit_register(person=child, opening_day=day, user=world.users["kader_a"])
    url = reverse("opening_day_detail", args=[day.pk])
    with django_assert_num_queries(5) as first:
        client.get(url, {"meja": "2"})
    household = make_household(world.a.posyandu)
    services.visit_register(person=make_person(household), opening_day=day, user=world.users["kader_a"])
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url, {"meja": "2"})


@pytest.mark.parametrize(
    ("meja", "recorded", "queries"), [(2, False, 3), (2, True, 3), (4, False, 3), (5, True, 4)]
)
def test_a_meja_page_reads_its_record_with_the_visit(login, world, family, day, meja, recorded, queries,
                                                     django_assert_num_queries):  # fmt: skip
    """Session, user with profile and area, the visit with its person, day and this meja's record;
    meja 5 also reads the earlier doses."""
    kader = world.users["kader_a"]
    _, bima = family
    visit = services.visit_register(person=bima, opening_day=day, user=kader)
    if recorded:
        save(visit, meja, kader, **({2: {"berat_kg": 8.4}, 5: {"catatan": "sehat"}}[meja]))
    client = login("kader_a")
    with django_assert_num_queries(queries):
        page = client.get(reverse("visit_meja", args=[visit.pk, meja])).content.decode()
    assert ('value="8,40"' in page) == (recorded and meja == 2)
    assert ("sehat" in page) == (recorded and meja == 5)


def test_a_meja_page_shows_the_age_on_the_visit_day_as_the_day_list_does(login, world, family):
    """Bima, born 10 January 2026: 9 months on 20 October, 10 months today (15 November)."""
    kader = world.users["kader_a"]
    _, bima = family
    earlier = services.opening_day_open(posyandu=world.a.posyandu, tanggal=dt.date(2026, 10, 20), user=kader)
    visit = services.visit_register(person=bima, opening_day=earlier, user=kader)
    client = login("kader_a")
    listed = client.get(reverse("opening_day_detail", args=[earlier.pk]), {"meja": "2"}).content.decode()
    assert "9 bulan" in listed
    for meja in (2, 3):
        page = client.get(reverse("visit_meja", args=[visit.pk, meja])).content.decode()
        assert "Laki-laki · 9 bulan" in page and "10 bulan" not in page


def test_kader_lands_on_the_day_or_on_buka_hari_ini(login, world):
    kader = login("kader_a")
    assert kader.get("/", follow=True).request["PATH_INFO"] == reverse("opening_day_list")
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=TODAY, user=world.users["kader_a"])
    assert kader.get("/", follow=True).request["PATH_INFO"] == reverse("opening_day_detail", args=[day.pk])


def test_dinkes_does_not_see_buka_hari_ini(login, world):
    html = login("dinkes_1").get(reverse("opening_day_list")).content.decode()
    assert "Buka hari ini" not in html
    assert "Buka hari ini" in login("kader_a").get(reverse("opening_day_list")).content.decode()


@pytest.fixture
def referral(world, family, day):
    siti_visit, _ = queue(day, family, world)
    save(siti_visit, 2, world.users["kader_a"], sistol=170, diastol=100)
    return Referral.objects.get(visit=siti_visit)


def test_referral_follow_up_records_the_outcome(login, referral):
    staff = login("staff_a")
    assert "Catat tindak lanjut" in staff.get(reverse("referral_list")).content.decode()
    outcome = {"dirujuk_ke": "Puskesmas A", "sampai": "true", "hasil": "Hipertensi, diberi obat",
               "rujuk_balik": "Kontrol TD di Posyandu bulan depan"}  # fmt: skip
    assert staff.post(reverse("referral_follow_up", args=[referral.pk]), outcome).status_code == 302
    referral.refresh_from_db()
    assert (referral.dirujuk_ke, referral.sampai, referral.hasil) == (
        "Puskesmas A", True, "Hipertensi, diberi obat",
    )  # fmt: skip
    assert referral.rujuk_balik == "Kontrol TD di Posyandu bulan depan"
    assert referral.ditindaklanjuti_at is not None


def test_referral_follow_up_without_place_is_refused_and_keeps_input(login, referral):
    response = login("staff_a").post(
        reverse("referral_follow_up", args=[referral.pk]), {"sampai": "false", "hasil": "belum"}
    )
    html = response.content.decode()
    assert "Isi tempat rujukan." in html and 'value="belum"' in html
    referral.refresh_from_db()
    assert referral.ditindaklanjuti_at is None


def test_meja_3_and_person_page_show_length_and_weight_for_length_charts(login, world, family, day):
    _, bima = family
    earlier = services.opening_day_open(posyandu=world.a.posyandu, tanggal=dt.date(2026, 10, 20),
                                        user=world.users["kader_a"])  # fmt: skip
    first = services.visit_register(person=bima, opening_day=earlier, user=world.users["kader_a"])
    save(first, 2, world.users["kader_a"], berat_kg=8, tinggi_cm=70, cara_ukur=1)
    visit = services.visit_register(person=bima, opening_day=day, user=world.users["kader_a"])
    save(visit, 2, world.users["kader_a"], berat_kg=8.4, tinggi_cm=71.5, cara_ukur=1)
    kader = login("kader_a")
    for page in (reverse("visit_meja", args=[visit.pk, 3]), reverse("person_detail", args=[bima.pk])):
        html = kader.get(page).content.decode()
        assert html.count('class="growth-chart"') == 3
        assert "menurut umur</text>" in html and "(PB/U, TB/U) · laki-laki" in html
        assert "(BB/PB) · laki-laki" in html  # 10 months old: length, not height
        assert "<title>15-11-2026: 71,5 cm</title>" in html and "<title>20-10-2026: 8,0 kg</title>" in html


def test_dinkes_sees_the_values_of_meja_2_but_no_form(login, world, family, day):
    _, bima_visit = queue(day, family, world)
    save(bima_visit, 2, world.users["kader_a"], berat_kg=8.35, cara_ukur=1)
    html = login("dinkes_1").get(reverse("visit_meja", args=[bima_visit.pk, 2])).content.decode()
    assert "Simpan meja 2" not in html and 'name="berat_kg"' not in html
    assert '<th scope="row">Berat badan (kg)</th><td>8,35</td>' in html
    assert '<th scope="row">Cara ukur</th><td>Berbaring (PB)</td>' in html


def test_meja_1_search_says_when_more_people_match_than_it_shows(login, world, day):
    household = make_household(world.a.posyandu)
    for n in range(21):
        make_person(household, nama=f"Budi {n:02d}", hubungan=Relation.ANAK)
    page = login("kader_a").get(reverse("opening_day_detail", args=[day.pk]), {"q": "Budi"}).content.decode()
    assert page.count("Tambah ke antrean") == 20
    assert "Lebih dari 20 warga cocok" in page
    make_person(household, nama="Budiman", hubungan=Relation.ANAK)
    found, more = selectors.queue_candidates(user=world.users["kader_a"], day=day, q="Budim")
    assert ([p.nama for p in found], more) == (["Budiman"], False)
