"""seed_district and seed_demo generate pregnancies with outcomes, consistent with the rules."""

import io

import pytest
from django.core.management import call_command

from kader.tests.conftest import ensure_defaults
from pembinaan.tests.conftest import ensure_default_instrument
from registry.models import Person
from visits import pregnancy_rules
from visits.models import AncContact, Outcome, PostnatalContact, Pregnancy, TdDose


def check_episodes(babies: bool):
    open_ = Pregnancy.objects.filter(hasil="").select_related("ibu")
    assert open_.exists()
    assert all(e.ibu.hpht == e.hpht for e in open_)  # the open episode is what the registry shows
    assert Pregnancy.objects.filter(hasil=Outcome.LAHIR_HIDUP).exists()
    born = Pregnancy.objects.filter(hasil=Outcome.LAHIR_HIDUP, bayi__isnull=False).select_related(
        "bayi", "ibu"
    )
    assert born.exists() == babies  # the district's children are not born on their mother's date
    assert all(e.bayi.tanggal_lahir == e.tanggal_hasil == e.ibu.tanggal_persalinan for e in born)
    assert all(e.bayi.household_id == e.ibu.household_id for e in born)
    for contact in AncContact.objects.select_related("kehamilan"):
        episode = contact.kehamilan
        assert episode.hpht <= contact.tanggal and (
            episode.tanggal_hasil is None or contact.tanggal <= episode.tanggal_hasil
        )
    assert all(
        n.tanggal >= n.kehamilan.tanggal_hasil for n in PostnatalContact.objects.select_related("kehamilan")
    )
    for person_id in TdDose.objects.values_list("person_id", flat=True).distinct():
        doses = list(
            TdDose.objects.filter(person_id=person_id).order_by("dosis").values_list("dosis", flat=True)
        )
        assert pregnancy_rules.td_status(doses) == len(doses)  # given in order, never a gap


def test_seed_district_generates_pregnancies_with_outcomes(db):
    args = ["--puskesmas", "2", "--posyandu", "4", "--households", "60", "--months", "3", "--seed", "7"]
    call_command("seed_district", *args, stdout=io.StringIO())
    check_episodes(babies=False)


@pytest.mark.django_db(transaction=True)
def test_seed_demo_generates_pregnancies_kek_with_mt_and_contacts(settings):
    settings.DEBUG = True
    ensure_default_instrument()  # data migrations' rows, emptied by an earlier transactional test
    ensure_defaults()
    call_command("seed_demo", stdout=io.StringIO())
    check_episodes(babies=True)
    assert Pregnancy.objects.filter(mt__isnull=False).exists()
    assert PostnatalContact.objects.exists() and AncContact.objects.exists()
    assert Person.objects.filter(kehamilan__isnull=False).exists()
