import datetime as dt

from registry.schedule import Schedule, ScheduleKind


def test_fixed_date_each_month():
    assert Schedule(ScheduleKind.TANGGAL, day_of_month=10).date_in(2026, 2) == dt.date(2026, 2, 10)


def test_second_tuesday():
    # November 2026 starts on a Sunday: Tuesdays are 3, 10, 17, 24.
    schedule = Schedule(ScheduleKind.HARI, week_of_month=2, weekday=1)
    assert schedule.date_in(2026, 11) == dt.date(2026, 11, 10)
    assert str(schedule) == "Selasa minggu ke-2"


def test_first_weekday_that_is_the_first_of_the_month():
    # 1 December 2026 is a Tuesday.
    assert Schedule(ScheduleKind.HARI, week_of_month=1, weekday=1).date_in(2026, 12) == dt.date(2026, 12, 1)


def test_next_opening_rolls_into_next_month_and_year():
    schedule = Schedule(ScheduleKind.TANGGAL, day_of_month=10)
    assert schedule.next_on_or_after(dt.date(2026, 12, 10)) == dt.date(2026, 12, 10)
    assert schedule.next_on_or_after(dt.date(2026, 12, 11)) == dt.date(2027, 1, 10)
