"""The dose history as users meet it: "Tambah dosis" refusals beside the field, doses ticked at
meja 5, the card on the person page, the DOFU list of a hand-made Posyandu, and access by area."""

import datetime as dt

import pytest
from django.urls import reverse

from registry.models import Person
from tests.factories import child_in, save
from visits import immunisation_selectors, services
from visits.models import Dose, Tempat

D = dt.date
pytestmark = pytest.mark.usefixtures("nov_15")  # visits/tests/conftest.py


def given(person, user, **doses):
    for antigen, tanggal in doses.items():
        Dose.objects.create(person=person, antigen=antigen.replace("_", "-"), tanggal=tanggal,
                            tempat=Tempat.BUKU_KIA, recorded_by=user)  # fmt: skip


def test_a_dose_copied_from_the_buku_kia_is_saved(world, login):
    baby = child_in(world.a.posyandu, tanggal_lahir=D(2026, 8, 1))
    page = login("kader_a").post(
        reverse("dose_add", args=[baby.pk]), {"antigen": "BCG", "tanggal": "2026-08-20", "tempat": "buku_kia"}
    )
    assert page.status_code == 302
    dose = Dose.objects.get(person=baby)
    assert (dose.antigen, dose.tanggal, dose.tempat, dose.visit) == ("BCG", D(2026, 8, 20), "buku_kia", None)
    card = login("kader_a").get(reverse("person_detail", args=[baby.pk])).content.decode()
    assert "Disalin dari Buku KIA" in card and "20-08-2026" in card


@pytest.mark.parametrize(
    "antigen, tanggal, field, message",
    [
        ("BCG", "2026-07-31", "tanggal", "Tanggal sebelum tanggal lahir anak (01-08-2026)."),
        ("BCG", "2026-11-16", "tanggal", "Tanggal tidak boleh sesudah hari ini."),
        ("OPV2", "2026-10-01", "tanggal", "OPV2 harus sesudah OPV1 (05-10-2026)."),
        ("MR1", "2026-11-10", "tanggal", "MR1 hanya untuk umur 9–23 bulan; anak ini 3 bulan."),
        ("OPV1", "2026-10-06", "antigen", "OPV1 sudah tercatat pada 05-10-2026."),
        ("", "2026-10-06", "antigen", "Pilih jenis imunisasi."),
        ("BCG", "31-02-2026", "tanggal", "Tanggal tidak dikenali."),
    ],
)
def test_an_impossible_dose_is_refused_beside_the_field_and_nothing_is_saved(
    world, login, antigen, tanggal, field, message
):
    baby = child_in(world.a.posyandu, tanggal_lahir=D(2026, 8, 1))
    given(baby, world.users["kader_a"], OPV1=D(2026, 10, 5))
    data = {"antigen": antigen, "tanggal": tanggal, "tempat": "fasyankes"}
    page = login("kader_a").post(reverse("dose_add", args=[baby.pk]), data)
    assert page.status_code == 200
    assert page.context["form"].errors[field] == [message]
    assert page.context["form"]["tanggal"].value() == tanggal  # what was typed stays
    assert list(Dose.objects.filter(person=baby).values_list("antigen", flat=True)) == ["OPV1"]


@pytest.mark.parametrize(
    "user, status",
    [("kader_b", 404), ("staff_b", 404), ("dinkes_2", 404), ("dinkes_1", 403), ("staff_a", 200)],
)
def test_tambah_dosis_is_refused_outside_the_area_and_to_read_only_roles(world, login, user, status):
    baby = child_in(world.a.posyandu, tanggal_lahir=D(2026, 8, 1))
    assert login(user).get(reverse("dose_add", args=[baby.pk])).status_code == status
    data = {"antigen": "BCG", "tanggal": "2026-08-20", "tempat": "buku_kia"}
    login(user).post(reverse("dose_add", args=[baby.pk]), data)
    assert Dose.objects.filter(person=baby).count() == (1 if status == 200 else 0)


def test_doses_ticked_at_meja_5_become_dose_rows_and_unticking_removes_them(world):
    baby = child_in(world.a.posyandu, tanggal_lahir=D(2026, 9, 1))
    day = services.opening_day_open(
        posyandu=world.a.posyandu, tanggal=D(2026, 11, 10), user=world.users["kader_a"]
    )
    visit = services.visit_register(person=baby, opening_day=day, user=world.users["kader_a"])
    care = save(visit, 5, world.users["kader_a"], imunisasi=["OPV2", "DPT-HB-Hib1"])
    rows = Dose.objects.filter(person=baby).order_by("antigen")
    assert [(d.antigen, d.tanggal, d.tempat, d.visit_id) for d in rows] == [
        ("DPT-HB-Hib1", D(2026, 11, 10), "posyandu", visit.pk),
        ("OPV2", D(2026, 11, 10), "posyandu", visit.pk),
    ]
    services.record_save(visit=visit, meja=5, data={"imunisasi": ["OPV2"]}, user=world.users["kader_a"],
                         version=care.version)  # fmt: skip
    assert list(Dose.objects.filter(person=baby).values_list("antigen", flat=True)) == ["OPV2"]


def test_meja_5_refuses_a_dose_already_copied_from_the_buku_kia(world, login):
    baby = child_in(world.a.posyandu, tanggal_lahir=D(2026, 8, 1))
    given(baby, world.users["kader_a"], OPV1=D(2026, 8, 3))
    day = services.opening_day_open(
        posyandu=world.a.posyandu, tanggal=D(2026, 11, 15), user=world.users["kader_a"]
    )
    visit = services.visit_register(person=baby, opening_day=day, user=world.users["kader_a"])
    page = login("kader_a").post(reverse("visit_meja", args=[visit.pk, 5]), {"imunisasi": ["OPV1"]})
    assert page.context["form"].errors["imunisasi"] == ["OPV1 sudah diberikan pada 03-08-2026."]


OPENING = D(2026, 12, 10)


@pytest.fixture
def dofu_posyandu(world):
    """Posyandu A on 10 December 2026, children written by hand with their expected list."""
    k = world.users["kader_a"]
    ani = child_in(world.a.posyandu, nama="Ani", tanggal_lahir=D(2026, 10, 10))  # 2 months
    given(ani, k, HB0=D(2026, 10, 10), BCG=D(2026, 10, 20), OPV1=D(2026, 10, 20))
    budi = child_in(world.a.posyandu, nama="Budi", tanggal_lahir=D(2026, 5, 10))  # 7 months
    given(budi, k, HB0=D(2026, 5, 10), BCG=D(2026, 5, 20), OPV1=D(2026, 5, 20), OPV2=D(2026, 7, 10),
          DPT_HB_Hib1=D(2026, 7, 10), RV1=D(2026, 7, 10), PCV1=D(2026, 7, 10))  # fmt: skip
    citra = child_in(world.a.posyandu, nama="Citra", tanggal_lahir=D(2026, 11, 5))  # nothing due
    given(citra, k, HB0=D(2026, 11, 5), BCG=D(2026, 11, 5), OPV1=D(2026, 11, 5))
    child_in(world.a.posyandu, nama="Dedi", tanggal_lahir=D(2026, 9, 20))  # no dose at all
    child_in(world.a.posyandu, nama="Eka", tanggal_lahir=D(2024, 11, 1))  # 25 months: not baduta
    child_in(world.b.posyandu, nama="Fajar", tanggal_lahir=D(2026, 9, 20))  # another Posyandu
    return world.a.posyandu


DOFU_BY_HAND = {
    # OPV2, DPT-HB-Hib1, RV1, PCV1 fall due at 2 months, on 10 December itself
    "Ani": (["OPV2", "DPT-HB-Hib1", "RV1", "PCV1"], []),
    # the 3- and 4-month doses fell due on 10 August and 10 September
    "Budi": ([], ["OPV3", "DPT-HB-Hib2", "RV2", "PCV2", "IPV1"]),
    # BCG and OPV1 due from birth (81 days ago); the 2-month doses from 20 November (20 days);
    # HB0 is past its 0–7 day window and is not listed
    "Dedi": (["DPT-HB-Hib1", "RV1", "PCV1"], ["BCG", "OPV1"]),
}


def test_dofu_list_equals_the_list_written_by_hand(world, login, dofu_posyandu, django_assert_num_queries):
    client = login("kader_a")
    # session, user with profile and area, the Posyandu; the children; their doses
    with django_assert_num_queries(5):
        page = client.get(reverse("dofu_list", args=[dofu_posyandu.pk]), {"tanggal": "2026-12-10"})
    rows = {row.person.nama: (row.jatuh_tempo, row.terlambat) for row in page.context["rows"]}
    assert rows == DOFU_BY_HAND
    assert page.context["on"] == OPENING


def test_dofu_defaults_to_the_next_opening_day_and_a_bad_date_is_ignored(world, login, dofu_posyandu):
    client = login("staff_a")
    assert client.get(reverse("dofu_list", args=[dofu_posyandu.pk])).context["on"] == D(2026, 12, 10)
    page = client.get(reverse("dofu_list", args=[dofu_posyandu.pk]), {"tanggal": "2026-13-45"})
    assert page.status_code == 200 and page.context["on"] == D(2026, 12, 10)


@pytest.mark.parametrize("user", ["kader_b", "staff_b", "dinkes_2"])
def test_dofu_of_another_area_is_404(world, login, user):
    assert login(user).get(reverse("dofu_list", args=[world.a.posyandu.pk])).status_code == 404


def test_overdue_people_for_home_visits_give_the_reason(dofu_posyandu):
    people = immunisation_selectors.immunisation_overdue_people([dofu_posyandu.pk], OPENING)
    names = dict(Person.objects.values_list("pk", "nama"))
    assert sorted((names[pk], reason) for pk, reason in people) == [
        ("Budi", "Imunisasi terlambat: OPV3, DPT-HB-Hib2, RV2, PCV2, IPV1"),
        ("Dedi", "Imunisasi terlambat: BCG, OPV1"),
    ]
