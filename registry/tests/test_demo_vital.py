"""seed_demo fills the vital-event screens: births with BBLR, a balita's and a maternal death,
a move out and a return."""

import datetime as dt

import pytest

from registry import demo, lifecycle
from registry.demo_vital import build_vital
from registry.models import Birth, Death, Departure

TODAY = dt.date(2026, 11, 16)


@pytest.mark.django_db
def test_demo_vital_events():
    # Without the (slow) demo visits: each death then falls 39 days before today.
    demo.build_demo(seed=2026, today=TODAY)
    assert build_vital(today=TODAY) == 8  # 3 births, 2 deaths, 2 departures, 1 return
    births = list(Birth.objects.all())
    assert len(births) == 3 and sum(b.bblr for b in births) == 2
    deaths = list(Death.objects.select_related("person"))
    assert any(lifecycle.completed_months(d.person.tanggal_lahir, d.tanggal) < 60 for d in deaths)
    assert [d.kematian_ibu for d in deaths].count(True) == 1
    assert Departure.objects.filter(aktif_kembali__isnull=True).count() == 1
    assert Departure.objects.filter(aktif_kembali__isnull=False).count() == 1
