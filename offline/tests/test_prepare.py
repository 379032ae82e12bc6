"""Siapkan hari buka: the day's data for the kader's own Posyandu only, compact and gzipped."""

import datetime as dt
import gzip
import json

from django.urls import reverse

from registry.models import AccessLog
from tests.factories import child_in, make_household, make_person, save
from visits import services


def package(client) -> dict:
    response = client.get(reverse("offline_prepare"))
    assert response.status_code == 200
    return response.json()


def test_only_the_kaders_own_posyandu_is_sent(login, world, today):
    child = child_in(world.a.posyandu, nama="Anak Mawar", tanggal_lahir=today - dt.timedelta(days=400))
    child_in(world.a2.posyandu, nama="Anak Melati")  # same Puskesmas, another Posyandu
    child_in(world.b.posyandu, nama="Anak Anggrek")
    data = package(login("kader_a"))
    names = {row[1] for row in data["orang"]}
    assert "Anak Mawar" in names and not names & {"Anak Melati", "Anak Anggrek", "Kepala Melati"}
    row = next(r for r in data["orang"] if r[0] == child.pk)
    person = dict(zip(data["cols"]["orang"], row, strict=True))
    assert person["grup"] == ["bayi_balita"] and person["lahir"] == child.tanggal_lahir.isoformat()
    meja2 = data["form"][person["form"][0]]
    weight = next(f for f in meja2 if f["f"] == "berat_kg")
    assert (weight["k"], weight["u"], weight["lo"], weight["hi"]) == ("n", "kg", 0.5, 40.0)
    assert data["posyandu"]["id"] == world.a.posyandu.pk and data["tanggal"] == today.isoformat()


def test_nik_and_no_kk_are_masked(login, world):
    data = package(login("kader_a"))
    head = next(r for r in data["orang"] if r[0] == world.a.person.pk)
    assert head[5] == world.a.person.nik[:4] + "••••••••" + world.a.person.nik[-4:]
    assert all("••••" in kk[1] for kk in data["kk"])


def test_last_weighings_doses_and_todays_versions_are_sent(login, world, today):
    kader = world.users["staff_a"]  # last month's visit may be past a kader's correction window
    child = child_in(world.a.posyandu, tanggal_lahir=today - dt.timedelta(days=200))
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=10)
    for day, kg in [(last_month, 7.0), (today, 7.4)]:
        opening = services.opening_day_open(posyandu=world.a.posyandu, tanggal=day, user=kader)
        visit = services.visit_register(person=child, opening_day=opening, user=kader)
        save(visit, 2, kader, berat_kg=kg)
    save(visit, 5, kader, imunisasi=["BCG"])
    data = package(login("kader_a"))
    assert [w[1:3] for w in data["timbang"] if w[0] == child.pk] == [
        [last_month.isoformat(), 7.0], [today.isoformat(), 7.4]]  # fmt: skip
    assert data["imunisasi"][str(child.pk)] == {"BCG": today.isoformat()}
    assert [visit.pk, child.pk, 1, None, 1] in data["kunjungan"]


def test_the_download_is_gzipped(login, world):
    client = login("kader_a")
    response = client.get(reverse("offline_prepare"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["posyandu"]["id"] == world.a.posyandu.pk


def test_queries_do_not_grow_with_the_posyandu(login, world, today, django_assert_num_queries):
    client = login("kader_a")
    client.get(reverse("offline_prepare"))  # the session's first touch is written once
    # session, user with profile and area, day, people, households, weighings, weighed before,
    # doses, visits, the access log entry
    with django_assert_num_queries(10):
        client.get(reverse("offline_prepare"))
    household = make_household(world.a.posyandu)
    for n in range(15):
        child = make_person(household, nama=f"Warga tambahan {n}", nik=None,
                            tanggal_lahir=today - dt.timedelta(days=100 + 30 * n))  # fmt: skip
        day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=today, user=world.users["kader_a"])
        save(services.visit_register(person=child, opening_day=day, user=world.users["kader_a"]), 2,
             world.users["kader_a"], berat_kg=6.0)  # fmt: skip
    with django_assert_num_queries(10):
        client.get(reverse("offline_prepare"))


def test_the_download_is_logged_as_an_export_of_the_posyandu(login, world):
    package(login("kader_a"))
    entry = AccessLog.objects.get()
    assert (entry.user, entry.action, entry.posyandu_id) == (
        world.users["kader_a"],
        "ekspor",
        world.a.posyandu.pk,
    )
    assert entry.keterangan == "Siapkan hari buka (data tanpa sinyal)"
