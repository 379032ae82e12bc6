"""The monthly report's month selector offers the running month and moves both ways."""

import datetime as dt

import time_machine
from django.urls import reverse

from reports.period import Month, month_choices

NOW = dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC)


def test_choices_start_at_the_running_month_and_keep_an_older_selection():
    running = Month(2026, 11)
    assert month_choices(Month(2026, 10), running)[:2] == [Month(2026, 11), Month(2026, 10)]
    assert len(month_choices(Month(2026, 10), running)) == 24
    assert month_choices(Month(2026, 10), running)[-1] == Month(2024, 12)
    old = month_choices(Month(2020, 3), running)
    assert old[-1] == Month(2020, 3) and len(old) == 25


@time_machine.travel(NOW, tick=False)
def test_report_page_offers_the_running_month_and_previous_and_next(login, world):
    url = reverse("posyandu_report", args=[world.a.posyandu.pk])
    html = login("kader_a").get(url).content.decode()  # default: last month, October
    assert '<option value="2026-11">November 2026</option>' in html
    assert '<option value="2026-10" selected>Oktober 2026</option>' in html
    assert 'href="?bulan=2026-09"' in html and 'href="?bulan=2026-11"' in html
    running = login("kader_a").get(url, {"bulan": "2026-11"}).content.decode()
    assert '<option value="2026-11" selected>' in running
    assert 'href="?bulan=2026-10"' in running and 'href="?bulan=2026-12"' not in running  # not past today


@time_machine.travel(NOW, tick=False)
def test_january_moves_back_to_december_of_the_year_before(login, world):
    url = reverse("posyandu_report", args=[world.a.posyandu.pk])
    html = login("kader_a").get(url, {"bulan": "2026-01"}).content.decode()
    assert 'href="?bulan=2025-12"' in html and 'href="?bulan=2026-02"' in html
