"""The HB0 typed on a birth record is the child's HB0 dose: on the card, in DOFU and in the month's
dose counts, from the registry's birth page and from a pregnancy's outcome alike, and never twice."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from registry.models import Birth, Person, Relation
from reports.imunisasi_selectors import imunisasi_month
from reports.period import Month
from tests.factories import child_in, make_person
from visits import immunisation_selectors, pregnancy_services, services
from visits.models import Dose, Tempat

D = dt.date
pytestmark = pytest.mark.usefixtures("nov_15")  # today 15 November 2026
BIRTH = {"nama": "Bayi Ny. Sari", "nik": "", "jenis_kelamin": "P", "tanggal_lahir": "2026-11-10",
         "tempat": "fasyankes", "penolong": "bidan", "berat_lahir_gram": "3100",
         "tanggal_hb0": "2026-11-10"}  # fmt: skip


@pytest.fixture
def mother(world):
    return make_person(world.a.household, jenis_kelamin="P", tanggal_lahir=D(1996, 5, 5),
                       hubungan=Relation.SUAMI_ISTRI, nama="Sari")  # fmt: skip


def _born(login, mother, **changes) -> Person:
    response = login("kader_a").post(reverse("birth_new", args=[mother.pk]), {**BIRTH, **changes})
    assert response.status_code == 302
    return Birth.objects.get(mother=mother).child


def test_the_hb0_of_the_birth_page_is_a_dose_given_at_birth(world, login, mother):
    baby = _born(login, mother)
    dose = Dose.objects.get(person=baby)
    assert (dose.antigen, dose.tanggal, dose.tempat, dose.visit) == (
        "HB0",
        D(2026, 11, 10),
        "kelahiran",
        None,
    )
    page = login("kader_a").get(reverse("person_detail", args=[baby.pk])).content.decode()
    assert "Saat lahir (catatan kelahiran)" in page and "10-11-2026" in page


def test_the_card_dofu_and_the_months_dose_count_see_the_hb0_of_the_birth(world, login, mother):
    baby = _born(login, mother)
    card = immunisation_selectors.immunisation_card(baby, D(2026, 11, 15))
    assert "HB0" not in [row.antigen for row in card["rows"]]  # only doses not yet given are rows
    rows = immunisation_selectors.dofu(
        user=world.users["kader_a"], posyandu=world.a.posyandu, on=D(2026, 11, 15)
    )
    assert [(r.person, "HB0" in r.jatuh_tempo) for r in rows] == [(baby, False)]  # BCG, OPV1 still due
    counts = imunisasi_month(posyandu_ids=[world.a.posyandu.pk], month=Month(2026, 11))
    assert counts[world.a.posyandu.pk].dosis["HB0"] == 1


def test_without_an_hb0_date_no_dose_is_written_and_hb0_is_due(world, login, mother):
    baby = _born(login, mother, tanggal_hb0="")
    assert not Dose.objects.filter(person=baby).exists()
    rows = immunisation_selectors.dofu(
        user=world.users["kader_a"], posyandu=world.a.posyandu, on=D(2026, 11, 15)
    )
    assert "HB0" in rows[0].jatuh_tempo  # 5 days old: inside 0–7 days


def test_hb0_of_the_birth_is_not_given_again_at_meja_5_or_on_tambah_dosis(world, login, mother):
    baby = _born(login, mother)
    day = services.opening_day_open(
        posyandu=world.a.posyandu, tanggal=D(2026, 11, 15), user=world.users["kader_a"]
    )
    visit = services.visit_register(person=baby, opening_day=day, user=world.users["kader_a"])
    page = login("kader_a").post(reverse("visit_meja", args=[visit.pk, 5]), {"imunisasi": ["HB0"]})
    assert page.context["form"].errors["imunisasi"] == ["HB0 sudah diberikan pada 10-11-2026."]
    data = {"antigen": "HB0", "tanggal": "2026-11-12", "tempat": "posyandu"}
    page = login("kader_a").post(reverse("dose_add", args=[baby.pk]), data)
    assert page.context["form"].errors["antigen"] == ["HB0 sudah tercatat pada 10-11-2026."]
    assert Dose.objects.filter(person=baby, antigen="HB0").count() == 1


@pytest.mark.parametrize(
    ("hb0", "message"),
    [("2026-11-18", "Tanggal tidak boleh di masa depan."), ("2026-11-13", None)],
)
def test_an_hb0_outside_its_window_refuses_the_birth_beside_the_field_and_saves_nothing(
    login, mother, hb0, message
):
    # born 5 November: day 8 (13 November) is past HB0's 0–7 days (KMK ILP 2023 L1784–1786)
    data = {**BIRTH, "tanggal_lahir": "2026-11-05", "tanggal_hb0": hb0}
    page = login("kader_a").post(reverse("birth_new", args=[mother.pk]), data)
    assert page.status_code == 200
    errors = page.context["form"].errors["tanggal_hb0"]
    assert errors == [message or "HB0 hanya untuk umur 0–7 hari; anak ini 8 hari."]
    assert page.context["form"]["tanggal_hb0"].value() == hb0  # what was typed stays
    babies = Person.objects.filter(nama="Bayi Ny. Sari")
    assert (Birth.objects.count(), Dose.objects.count(), babies.count()) == (0, 0, 0)


def test_the_hb0_of_a_pregnancy_outcome_is_a_dose_too(world, login, mother):
    values = {"hpht": D(2026, 2, 1), "gravida": 1, "para": 0, "abortus": 0}
    episode = pregnancy_services.pregnancy_open(user=world.users["kader_a"], ibu=mother, values=values)
    data = {"hasil": "lahir_hidup", "tanggal_hasil": "2026-11-09", "nama_bayi": "Bayi Ny. Sari",
            "jenis_kelamin_bayi": "L", "berat_lahir_gram": "3000", "tempat_persalinan": "fasyankes",
            "penolong": "bidan", "tanggal_hb0": "2026-11-10"}  # fmt: skip
    assert login("kader_a").post(reverse("pregnancy_outcome", args=[episode.pk]), data).status_code == 302
    episode.refresh_from_db()
    dose = Dose.objects.get(person=episode.bayi)
    assert (dose.antigen, dose.tanggal, dose.tempat) == ("HB0", D(2026, 11, 10), "kelahiran")


def test_the_migration_copies_earlier_births_hb0_once(world):
    kader = world.users["kader_a"]
    old = child_in(world.a.posyandu, tanggal_lahir=D(2026, 3, 1))
    ticked = child_in(world.a.posyandu, tanggal_lahir=D(2026, 4, 1))
    for child in (old, ticked):
        Birth.objects.create(mother=world.a.person, child=child, tempat="rumah", penolong="bidan",
                             berat_lahir_gram=3000, tanggal_hb0=child.tanggal_lahir, oleh=kader)  # fmt: skip
    Dose.objects.create(person=ticked, antigen="HB0", tanggal=D(2026, 4, 3), tempat=Tempat.POSYANDU,
                        recorded_by=kader)  # fmt: skip
    importlib.import_module("visits.migrations.0011_hb0_doses_from_births").forwards(apps, None)
    doses = Dose.objects.order_by("person__tanggal_lahir").values_list("person", "tanggal", "tempat")
    assert list(doses) == [(old.pk, D(2026, 3, 1), "kelahiran"), (ticked.pk, D(2026, 4, 3), "posyandu")]
