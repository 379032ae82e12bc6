"""Two phones syncing at the same moment, on two real database connections."""

import json
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from offline import apply
from registry.models import Person, Role
from tests.factories import make_household, make_user

from .conftest import rid


def _post_all(users_and_batches):
    answers = {}

    def post(n, user, records):
        try:
            client = Client(raise_request_exception=False)
            client.force_login(user)
            response = client.post(reverse("offline_sync"), json.dumps({"records": records}),
                                   content_type="application/json")  # fmt: skip
            answers[n] = (response.status_code, response.json())
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n, *args)) for n, args in enumerate(users_and_batches)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return answers


@pytest.mark.django_db(transaction=True)
def test_one_baby_registered_on_two_phones_at_once_is_one_person(world, django_user_model, monkeypatch):
    kader_2 = make_user(django_user_model, "kader_a2", Role.KADER, posyandu=world.a.posyandu)
    household = make_household(world.a.posyandu)
    both_checked = threading.Barrier(2, timeout=10)
    real_save = apply.registry_services.household_save

    def save_after_both_checked(**kwargs):
        both_checked.wait()  # both phones found no one with this NIK
        return real_save(**kwargs)

    monkeypatch.setattr(apply.registry_services, "household_save", save_after_both_checked)

    def baby():
        return [{"id": rid(), "jenis": "orang", "kk": household.pk,
                 "data": {"nama": "Putri", "nik": "1872014101260007", "jenis_kelamin": "P",
                          "tanggal_lahir": "2026-01-01", "hubungan": "anak"}}]  # fmt: skip

    answers = _post_all([(world.users["kader_a"], baby()), (kader_2, baby())])
    results = [answers[n][1]["results"][0] for n in (0, 1)]
    assert [r["status"] for r in results] == ["saved", "saved"]
    assert results[0]["orang"] == results[1]["orang"]
    assert Person.objects.filter(nik="1872014101260007").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_batch_sent_on_two_connections_at_once_is_applied_once(world):
    household = make_household(world.a.posyandu)
    batch = [{"id": rid(), "jenis": "orang", "kk": household.pk,
              "data": {"nama": "Dimas", "jenis_kelamin": "L", "tanggal_lahir": "2026-03-01",
                       "hubungan": "anak"}}]  # fmt: skip
    kader = world.users["kader_a"]
    answers = _post_all([(kader, batch), (kader, batch)])
    assert answers[0][1] == answers[1][1]
    assert Person.objects.filter(nama="Dimas").count() == 1
