"""Report months (Django-free)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str, default: Month) -> Month:
        """'2026-11' → Month(2026, 11); anything else gives the default."""
        try:
            year, month = (int(part) for part in text.split("-"))
            return cls(year, month) if 1 <= month <= 12 and 2000 <= year <= 2100 else default
        except ValueError:
            return default

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def previous(self) -> Month:
        return self.shift(-1)

    @property
    def january(self) -> Month:
        return Month(self.year, 1)

    def __str__(self) -> str:
        return f"{BULAN[self.month - 1]} {self.year}"

    @property
    def key(self) -> str:
        return f"{self.year}-{self.month:02d}"


def month_choices(selected: Month, running: Month, count: int = 24) -> list[Month]:
    """The months a report offers, newest first: the running month and the `count` - 1 before
    it, and the selected month wherever it is."""
    months = [running.shift(-i) for i in range(count)]
    return months if selected in months else sorted([*months, selected], reverse=True)
