"""Two kader save the first record of the same meja at the same moment, on two real database
connections: one saves, the other gets the conflict message with what they typed kept."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from registry.models import Role
from tests.factories import make_user
from visits import services
from visits.models import AuditEntry, Measurement


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("guard", ["visit row lock", "unique record alone"])
def test_two_kader_saving_the_first_weighing_at_once(
    world, balita, day_a, django_user_model, monkeypatch, guard
):
    kader_2 = make_user(django_user_model, "kader_a2", Role.KADER, posyandu=world.a.posyandu)
    visit = services.visit_register(person=balita, opening_day=day_a, user=world.users["kader_a"])
    both_arrived = threading.Barrier(2, timeout=10)
    if guard == "visit row lock":
        # Both requests reach the save together; the lock on the visit row makes one wait.
        real_lock = services._lock_visit

        def lock_after_both_arrived(visit, user):
            both_arrived.wait()
            return real_lock(visit, user)

        monkeypatch.setattr(services, "_lock_visit", lock_after_both_arrived)
    else:
        # Without the lock both find no record before either inserts: the unique visit decides.
        real_growth = services.apply_growth

        def growth_after_both_read(record, person):
            both_arrived.wait()
            return real_growth(record, person)

        monkeypatch.setattr(services, "_lock_visit", lambda visit, user: None)
        monkeypatch.setattr(services, "apply_growth", growth_after_both_read)
    url = reverse("visit_meja", args=[visit.pk, 2])
    responses = {}

    def post(user, kg):
        try:
            client = Client(raise_request_exception=False)
            client.force_login(user)
            responses[kg] = client.post(url, {"berat_kg": kg, "cara_ukur": "1", "version": ""})
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=args) for args in [(world.users["kader_a"], "9,1"),
                                                                      (kader_2, "9,4")]]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    codes = sorted(r.status_code for r in responses.values())
    assert codes == [200, 302]
    saved = Measurement.objects.get(visit=visit)
    winner = "9,1" if str(saved.berat_kg) == "9.10" else "9,4"
    loser = "9,4" if winner == "9,1" else "9,1"
    html = responses[loser].content.decode()
    assert f"baru saja disimpan oleh {saved.updated_by.username}" in html
    assert f'value="{loser}"' in html  # the loser's input is kept
    assert 'name="version" value="1"' in html  # saving again overwrites knowingly
    assert responses[winner].status_code == 302 and saved.version == 1
    assert AuditEntry.objects.filter(visit=visit, meja=2).count() == 1
