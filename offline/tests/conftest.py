import datetime as dt
import json
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from registry.models import Relation
from tests.factories import make_household, make_person


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def baby(world, today):
    """A boy of 300 days in Posyandu A, in a household headed by his father."""
    household = make_household(world.a.posyandu)
    make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L", tanggal_lahir=dt.date(1990, 1, 1))
    return make_person(household, nama="Bima", nik=None, jenis_kelamin="L",
                       tanggal_lahir=today - dt.timedelta(days=300))  # fmt: skip


@pytest.fixture
def send(login):
    """POST a batch as kader_a (or `user`); the decoded answer and the status code."""

    def post(records, user="kader_a"):
        client = login(user)
        response = client.post(reverse("offline_sync"), json.dumps({"records": records}),
                               content_type="application/json")  # fmt: skip
        return response.status_code, response.json()

    return post


def rid() -> str:
    return str(uuid.uuid4())
