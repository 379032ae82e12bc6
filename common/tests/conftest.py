import datetime as dt

import pytest
import time_machine

PINNED = dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _pinned_clock():
    """Every test here runs on 15 November 2026: the walk's opening day (10 November) is recent."""
    with time_machine.travel(PINNED, tick=False):
        yield
