"""seed_demo fills the home-visit list: every reason appears in every Posyandu, one is closed.
(build_visits is left out: it takes minutes and adds no reason the home-visit cases lack.)"""

import datetime as dt

import pytest

from common.db import refresh_planner_statistics
from registry import demo
from registry.models import Posyandu
from visits import home_visit_selectors as hvs
from visits.demo_home_visits import build_home_visit_cases
from visits.models import HomeVisitOutcome

TODAY = dt.date(2026, 11, 16)


@pytest.mark.django_db
def test_demo_puts_someone_on_the_list_for_every_reason():
    demo.build_demo(seed=2026, today=TODAY)
    build_home_visit_cases(today=TODAY)
    refresh_planner_statistics()
    for posyandu in Posyandu.objects.all():
        codes = {found.kode for found in hvs.found_reasons([posyandu.pk], TODAY)}
        # 16 November is outside the vitamin A rounds' sweeping months (Feb–Mar, Aug–Sep)
        assert codes == set(hvs.PROVIDERS) - {"vitamin_a"}, posyandu.nama
    closed = HomeVisitOutcome.objects.filter(kode="neonatal_kn", bulan=dt.date(2026, 11, 1))
    assert closed.count() == Posyandu.objects.count()
