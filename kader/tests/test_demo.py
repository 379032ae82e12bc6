"""seed_demo fills every kader and strata screen: roster, attendance, assessments and TKK,
trainings, home visits, profiles, and strata that differ between Posyandu."""

import pytest
from django.utils import timezone

from kader import strata_selectors
from kader.demo import EARLIER_MONTHS, build_kader
from kader.models import Attendance, Kader, NakesHadir, PosyanduTahun, SkillAssessment, TkkAward, Training
from kader.tests.conftest import ensure_defaults
from registry import demo
from registry.models import Posyandu
from visits.models import OpeningDay, Visit, VisitKind


@pytest.mark.django_db
def test_the_demo_fills_the_kader_and_strata_screens():
    ensure_defaults()
    today = timezone.localdate()
    demo.build_demo(seed=2026, today=today)  # visits.demo.build_visits is left out: a minute
    assert build_kader(today=today, seed=2026) == Kader.objects.count()
    posyandu = list(Posyandu.objects.values_list("pk", flat=True))
    assert Kader.objects.filter(user__isnull=False).count() == len(posyandu)
    days = OpeningDay.objects.filter(posyandu_id__in=posyandu).count()
    assert Attendance.objects.values("opening_day").distinct().count() == days
    assert NakesHadir.objects.values("opening_day").distinct().count() == days  # the bidan, at least
    assert SkillAssessment.objects.exists() and TkkAward.objects.exists() and Training.objects.exists()
    assert Visit.objects.filter(jenis=VisitKind.RUMAH, created_by__kader__isnull=False).exists()
    assert PosyanduTahun.objects.count() == 2 * len(posyandu)
    figures = strata_selectors.year_values(posyandu, today.year, today)
    earlier = min(EARLIER_MONTHS, today.month - 1)  # none before January
    assert {v["hari_buka"] for v in figures.values()} == {0, earlier}  # at one Posyandu in three
