"""A woman registered offline and marked pregnant: the "kehamilan" record goes through the form
and service of *Catat kehamilan baru*, with the same refusals beside the same fields."""

import datetime as dt

import pytest

from registry.models import Person
from tests.factories import make_household, make_person
from visits.models import Pregnancy

from .conftest import rid


def newcomer(born: dt.date, sex: str = "P", household=None) -> dict:
    return {"id": rid(), "jenis": "orang", "kk": household.pk if household else {"alamat": "Jl. Mawar 3"},
            "data": {"nama": "Rina", "nik": "", "jenis_kelamin": sex, "tanggal_lahir": born.isoformat(),
                     "hubungan": "kepala"}}  # fmt: skip


def pregnancy(person: dict, hpht: dt.date, gravida="1", para="0", abortus="0") -> dict:
    data = {"hpht": hpht.isoformat(), "gravida": gravida, "para": para, "abortus": abortus}
    return {"id": rid(), "jenis": "kehamilan", "orang": person["id"], "data": data}


def test_a_newcomer_marked_pregnant_gets_her_episode(send, world, today):
    woman = newcomer(dt.date(2000, 5, 1))
    hpht = today - dt.timedelta(days=70)
    code, body = send([woman, pregnancy(woman, hpht, gravida="3", para="1", abortus="1")])
    assert code == 200
    assert [a["status"] for a in body["results"]] == ["saved", "saved"]
    rina = Person.objects.get(nama="Rina")
    episode = Pregnancy.objects.get(ibu=rina)
    assert (episode.hpht, episode.gravida, episode.para, episode.abortus) == (hpht, 3, 1, 1)
    assert rina.hpht == hpht  # the life-cycle groups read it: she is an ibu hamil
    assert body["results"][1]["kehamilan"] == episode.pk


def test_the_pregnancy_sent_in_a_later_batch_finds_its_newcomer(send, world, today):
    woman = newcomer(dt.date(2000, 5, 1))
    send([woman])
    [answer] = send([pregnancy(woman, today - dt.timedelta(days=30))])[1]["results"]
    assert answer["status"] == "saved"
    assert Pregnancy.objects.get().ibu.nama == "Rina"


def aged(years: int, on: dt.date) -> dt.date:
    """A birth date `years` (and 10 days) before `on`."""
    return on - dt.timedelta(days=round(years * 365.25) + 10)


@pytest.mark.parametrize(
    ("years", "sex", "hpht_days_ago", "gpa", "field", "message"),
    [
        # completed years on the HPHT: pregnancy only for women of 10–54, as online
        (9, "P", 30, ("1", "0", "0"), "hpht", "Umur 9 tahun"),
        (55, "P", 30, ("1", "0", "0"), "hpht", "Umur 55 tahun"),
        (30, "L", 30, ("1", "0", "0"), "hpht", "hanya untuk perempuan"),
        (30, "P", -1, ("1", "0", "0"), "hpht", "masa depan"),
        (30, "P", 30, ("2", "1", "1"), "gravida", "Hamil ke- harus lebih"),
        (30, "P", 30, ("", "0", "0"), "gravida", "kehamilan ke berapa"),
        (30, "P", 30, ("1", "x", "0"), "para", ""),
    ],
)
def test_a_pregnancy_the_online_form_refuses_is_refused_beside_its_field(
    send, world, today, years, sex, hpht_days_ago, gpa, field, message
):
    hpht = today - dt.timedelta(days=hpht_days_ago)
    woman = newcomer(aged(years, hpht), sex)
    record = pregnancy(woman, hpht, *gpa)
    answers = send([woman, record])[1]["results"]
    assert answers[0]["status"] == "saved" and answers[1]["status"] == "refused"
    assert message in answers[1]["errors"][field][0]
    assert not Pregnancy.objects.exists()
    assert Person.objects.get(nama="Rina").hpht is None  # nothing half-saved


def test_a_second_open_pregnancy_is_refused(send, world, today):
    woman = newcomer(dt.date(1995, 1, 1))
    send([woman, pregnancy(woman, today - dt.timedelta(days=60))])
    [answer] = send([pregnancy(woman, today - dt.timedelta(days=20))])[1]["results"]
    assert answer["status"] == "refused"
    assert "masih hamil" in answer["errors"]["hpht"][0]
    assert Pregnancy.objects.count() == 1


def test_a_pregnancy_of_a_person_elsewhere_is_refused(send, world, today):
    other = make_person(make_household(world.b.posyandu), tanggal_lahir=dt.date(1995, 1, 1))
    record = {"id": rid(), "jenis": "kehamilan", "orang": other.pk,
              "data": {"hpht": (today - dt.timedelta(days=20)).isoformat(), "gravida": "1", "para": "0",
                       "abortus": "0"}}  # fmt: skip
    [answer] = send([record])[1]["results"]
    assert answer["status"] == "refused"
    assert not Pregnancy.objects.exists()
