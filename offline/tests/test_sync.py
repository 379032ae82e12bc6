"""The sync endpoint: records made offline are applied by the real services, once."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from offline.models import SyncedRecord
from registry.models import Person
from tests.factories import make_household, save
from visits import services
from visits.growth.indices import LYING, ChildMeasurement, assess
from visits.models import Measurement, Visit

from .conftest import rid


def weigh(person, today, kg="8,6", cm="71,5", versi=None, id_=None):
    return {"id": id_ or rid(), "jenis": "meja", "orang": person if isinstance(person, str) else person.pk,
            "tanggal": today.isoformat(), "meja": 2, "versi": versi,
            "data": {"berat_kg": kg, "tinggi_cm": cm, "cara_ukur": "1"}}  # fmt: skip


def test_a_weighing_is_saved_with_the_servers_z_scores(send, baby, today):
    code, body = send([weigh(baby, today)])
    assert code == 200
    [answer] = body["results"]
    assert answer["status"] == "saved"
    stored = Measurement.objects.get(visit__person=baby)
    assert (float(stored.berat_kg), float(stored.tinggi_cm)) == (8.6, 71.5)
    expected = assess(ChildMeasurement("L", baby.tanggal_lahir, today, 8.6, 71.5, LYING))
    assert answer["hasil"]["z_bbu"] == pytest.approx(expected.z["bbu"])
    assert answer["hasil"]["z_bbu"] == stored.z_bbu
    assert answer["versi"] == 1


def test_the_same_batch_sent_twice_creates_nothing_twice(send, baby, today):
    batch = [{"id": rid(), "jenis": "meja", "orang": baby.pk, "tanggal": today.isoformat(), "meja": 1},
             weigh(baby, today)]  # fmt: skip
    first = send(batch)[1]["results"]
    second = send(batch)[1]["results"]
    assert first == second
    assert [a["status"] for a in first] == ["saved", "saved"]
    assert Visit.objects.filter(person=baby).count() == 1
    assert Measurement.objects.filter(visit__person=baby).get().version == 1
    assert SyncedRecord.objects.count() == 2


def test_an_impossible_weight_is_refused_beside_the_field_then_fixed_and_resent(send, baby, today):
    record = weigh(baby, today, kg="950")
    [answer] = send([record])[1]["results"]
    assert answer["status"] == "refused"
    assert "tidak mungkin" in answer["errors"]["berat_kg"][0]
    assert not Visit.objects.filter(person=baby).exists()  # nothing half-saved
    assert not SyncedRecord.objects.exists()
    record["data"]["berat_kg"] = "9,5"
    [answer] = send([record])[1]["results"]
    assert answer["status"] == "saved"
    assert Measurement.objects.get(visit__person=baby).berat_kg == pytest.approx(9.5)


def test_a_table_saved_on_the_server_since_is_a_conflict_the_kader_resolves(send, baby, today, world):
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=today, user=world.users["kader_a"])
    visit = services.visit_register(person=baby, opening_day=day, user=world.users["kader_a"])
    save(visit, 2, world.users["kader_a"], berat_kg=8.1, cara_ukur=1)
    record = weigh(baby, today, kg="8,6", versi=None)
    [answer] = send([record])[1]["results"]
    assert answer["status"] == "conflict"
    assert answer["server"]["berat_kg"] == "8.10"  # both versions: the server's, and the phone's own
    assert answer["versi"] == 1
    record["versi"] = answer["versi"]  # the kader keeps the phone's version
    [answer] = send([record])[1]["results"]
    assert answer["status"] == "saved"
    stored = Measurement.objects.get(visit=visit)
    assert (float(stored.berat_kg), stored.version) == (8.6, 2)


@pytest.mark.parametrize("queued", [True, False], ids=["after-meja-1", "weighing-alone"])
def test_a_table_sent_twice_for_a_visit_the_batch_made_is_a_conflict_not_a_second_record(send, baby, today,
                                                                                         queued):  # fmt: skip
    """The visit the batch made is saved without a lock or a look for its weighing; the second
    weighing of the same visit in the same batch still finds the first."""
    queue = [{"id": rid(), "jenis": "meja", "orang": baby.pk, "tanggal": today.isoformat(), "meja": 1}]
    batch = [*(queue if queued else []), weigh(baby, today, kg="8,1"), weigh(baby, today, kg="8,6")]
    answers = send(batch)[1]["results"]
    assert [a["status"] for a in answers] == ["saved"] * (1 + queued) + ["conflict"]
    assert answers[-1]["server"]["berat_kg"] == "8.10" and answers[-1]["versi"] == 1
    stored = Measurement.objects.get(visit__person=baby)
    assert (float(stored.berat_kg), stored.version) == (8.1, 1)
    assert SyncedRecord.objects.count() == 1 + queued  # the conflict is not stored: it may come again


def newcomer(household, nik=None, nama="Bayi Sari", lahir="2026-11-01", jk="P"):
    return {"id": rid(), "jenis": "orang", "kk": household,
            "data": {"nama": nama, "nik": nik or "", "jenis_kelamin": jk, "tanggal_lahir": lahir,
                     "hubungan": "anak"}}  # fmt: skip


def test_a_newcomer_and_their_visit_sent_twice_are_one_person_and_one_visit(send, world, today):
    household = make_household(world.a.posyandu)
    person = newcomer(household.pk, lahir=(today - dt.timedelta(days=20)).isoformat())
    batch = [person, {"id": rid(), "jenis": "meja", "orang": person["id"], "tanggal": today.isoformat(),
                      "meja": 1}, weigh(person["id"], today, kg="3,9", cm="53")]  # fmt: skip
    first = send(batch)[1]["results"]
    assert [a["status"] for a in first] == ["saved"] * 3
    assert send(batch)[1]["results"] == first
    sari = Person.objects.get(nama="Bayi Sari")
    assert first[0]["orang"] == sari.pk and sari.household == household
    assert Visit.objects.filter(person=sari).count() == 1
    # a later batch may still refer to the newcomer by the phone's id
    later = weigh(person["id"], today, kg="4,0", cm="53", versi=1)
    assert send([later])[1]["results"][0]["status"] == "saved"


def test_a_newcomer_in_a_new_household(send, world, today):
    record = newcomer({"no_kk": "", "alamat": "Jl. Baru 1", "rt": "1", "rw": "2"}, nama="Kepala Baru",
                      lahir="1991-02-03", jk="L")  # fmt: skip
    record["data"]["hubungan"] = "kepala"
    [answer] = send([record])[1]["results"]
    assert answer["status"] == "saved"
    person = Person.objects.get(pk=answer["orang"])
    assert person.household.posyandu == world.a.posyandu and person.household.alamat == "Jl. Baru 1"


def test_the_same_nik_from_two_phones_is_one_person_or_a_conflict(send, world):
    household = make_household(world.a.posyandu)
    nik = "1872014101260001"
    first = send([newcomer(household.pk, nik=nik, nama="Sari", lahir="2026-01-01")])[1]["results"][0]
    same = send([newcomer(household.pk, nik=nik, nama="sari ", lahir="2026-01-01")])[1]["results"][0]
    other = send([newcomer(household.pk, nik=nik, nama="Sinta", lahir="2026-01-01")])[1]["results"][0]
    assert first["status"] == same["status"] == "saved"
    assert same["orang"] == first["orang"] and same["sama"] is True
    assert other["status"] == "conflict" and other["server"]["nama"] == "Sari"
    assert Person.objects.filter(nik=nik).count() == 1


def test_a_newcomer_with_bad_details_is_refused_by_field(send, world):
    household = make_household(world.a.posyandu)
    [answer] = send([newcomer(household.pk, nik="123", nama="", lahir="kemarin")])[1]["results"]
    assert answer["status"] == "refused"
    assert set(answer["errors"]) >= {"nik", "nama", "tanggal_lahir"}
    assert not Person.objects.filter(household=household).exclude(hubungan="kepala").exists()


def test_records_of_a_newcomer_that_was_refused_wait(send, world, today):
    household = make_household(world.a.posyandu)
    person = newcomer(household.pk, nama="")
    answers = send([person, weigh(person["id"], today)])[1]["results"]
    assert [a["status"] for a in answers] == ["refused", "waiting"]
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("user", ["kader_b"])
def test_another_posyandus_person_or_household_is_refused(send, baby, today, world, user):
    answers = send([weigh(baby, today), newcomer(baby.household_id)], user=user)[1]["results"]
    assert [a["status"] for a in answers] == ["refused", "refused"]
    assert not Visit.objects.exists()


@pytest.mark.parametrize("user", ["staff_a", "dinkes_1", "admin"])
def test_only_kader_sync_and_prepare(login, user):
    client = login(user)
    assert client.post(reverse("offline_sync"), "{}", content_type="application/json").status_code == 403
    assert client.get(reverse("offline_prepare")).status_code == 403


def test_an_expired_session_answers_401_and_the_next_login_syncs(client, baby, today, world):
    body = json.dumps({"records": [weigh(baby, today)]})
    response = client.post(reverse("offline_sync"), body, content_type="application/json")
    assert response.status_code == 401 and response.json()["login"] == "/masuk/"
    client.force_login(world.users["kader_a"])
    response = client.post(reverse("offline_sync"), body, content_type="application/json")
    assert response.json()["results"][0]["status"] == "saved"


@pytest.mark.parametrize("body", ["", "[]", '{"records": 5}', "{bukan json", '{"records": [1, null, "x"]}',
                                  '{"records": [{"id": "not-a-uuid"}]}'])  # fmt: skip
def test_bad_input_never_gives_a_server_error(login, world, body):
    response = login("kader_a").post(reverse("offline_sync"), body, content_type="application/json")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert {a["status"] for a in response.json()["results"]} == {"refused"}


def test_a_form_post_is_refused_not_crashed(login, world):
    response = login("kader_a").post(reverse("offline_sync"), {"records": "x"})
    assert response.status_code == 400 and response.json()["error"] == "Kiriman harus JSON."


def test_odd_records_are_refused_not_crashed(send, baby, today):
    bad = [
        {**weigh(baby, today), "tanggal": "31-02-2026"},
        {**weigh(baby, today), "meja": 9},
        {**weigh(baby, today), "orang": "abc"},
        {**weigh(baby, today), "data": ["x"]},
        {**weigh(baby, today), "tanggal": (today + dt.timedelta(days=1)).isoformat()},
    ]
    answers = send(bad)[1]["results"]
    assert [a["status"] for a in answers] == ["refused"] * 5
    assert "tanggal" in answers[0]["errors"] and "tanggal" in answers[4]["errors"]


def test_a_batch_cut_halfway_resumes(send, baby, today, world):
    """The phone lost the connection after the server saved the first half: it sends the whole
    batch again; the saved half is answered from the record, the rest is applied."""
    other = make_household(world.a.posyandu)
    batch = [weigh(baby, today), newcomer(other.pk, nama="Dewi", lahir="2026-06-01")]
    send(batch[:1])
    answers = send(batch)[1]["results"]
    assert [a["status"] for a in answers] == ["saved", "saved"]
    assert Measurement.objects.count() == 1 and Person.objects.filter(nama="Dewi").count() == 1
