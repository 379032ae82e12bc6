"""Hari buka (opening day) schedules of a Posyandu (Django-free).

A Posyandu opens once a month, either on a fixed date ("setiap tanggal 10") or on the n-th
weekday ("Selasa minggu ke-2").
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass

WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WEEKDAY_CHOICES = list(enumerate(WEEKDAYS))


class ScheduleKind(enum.StrEnum):
    TANGGAL = "tanggal"
    HARI = "hari"

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(cls.TANGGAL.value, "Tanggal tetap"), (cls.HARI.value, "Hari tertentu")]


@dataclass(frozen=True)
class Schedule:
    kind: ScheduleKind
    day_of_month: int | None = None
    week_of_month: int | None = None
    weekday: int | None = None

    def date_in(self, year: int, month: int) -> dt.date:
        """The opening date in a month."""
        if self.kind == ScheduleKind.TANGGAL:
            assert self.day_of_month is not None  # each kind comes with its own fields
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, min(self.day_of_month, last))
        assert self.weekday is not None and self.week_of_month is not None
        first = dt.date(year, month, 1)
        offset = (self.weekday - first.weekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (self.week_of_month - 1))

    def next_on_or_after(self, day: dt.date) -> dt.date:
        this_month = self.date_in(day.year, day.month)
        if this_month >= day:
            return this_month
        year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        return self.date_in(year, month)

    def __str__(self) -> str:
        if self.kind == ScheduleKind.TANGGAL:
            return f"Setiap tanggal {self.day_of_month}"
        assert self.weekday is not None
        return f"{WEEKDAYS[self.weekday]} minggu ke-{self.week_of_month}"
