"""Format 5 (F5) of the Sistem Informasi Posyandu for one Posyandu and month: births and deaths,
visitors per life-cycle group, and who served at each opening day (kader bertugas per meja and
the health workers, nakes, present).
It lives with the kader because the attendance does; the figures come from reports."""

from __future__ import annotations

from dataclasses import dataclass

from registry.models import Posyandu
from reports import selectors as report_selectors
from reports.period import Month
from reports.sections import Kelompok
from reports.vital import Vital
from reports.vital_selectors import vital_counts
from visits.models import OpeningDay

from .models import Attendance, NakesHadir
from .selectors import attendance_for_days, nakes_for_days


@dataclass
class DayServed:
    day: OpeningDay
    kader: list[Attendance]
    nakes: list[NakesHadir]


@dataclass
class F5:
    posyandu: Posyandu
    month: Month
    vital: Vital
    kelompok: Kelompok
    days: list[DayServed]

    @property
    def kader_hadir(self) -> int:
        """Different kader on duty in the month."""
        return len({row.kader_id for day in self.days for row in day.kader})

    @property
    def nakes_hadir(self) -> int:
        """Different health workers present in the month (the same name and profession)."""
        return len({(row.nama.casefold(), row.profesi) for day in self.days for row in day.nakes})


def f5_month(*, posyandu: Posyandu, month: Month) -> F5:
    """The caller has scoped `posyandu`. Five queries whatever the size of the month."""
    days = list(
        OpeningDay.objects.filter(posyandu=posyandu, tanggal__range=(month.first, month.last)).order_by(
            "tanggal"
        )
    )
    ids = [day.pk for day in days]
    served, nakes = attendance_for_days(ids), nakes_for_days(ids)
    return F5(
        posyandu=posyandu,
        month=month,
        vital=vital_counts(posyandu_ids=[posyandu.pk], month=month)[posyandu.pk],
        kelompok=report_selectors.kelompok(posyandu_ids=[posyandu.pk], month=month)[posyandu.pk],
        days=[DayServed(day, served.get(day.pk, []), nakes.get(day.pk, [])) for day in days],
    )
