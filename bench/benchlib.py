"""Helpers shared by the benchmark scripts (run through bench/run.sh)."""

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "posyandu.settings")


def setup():
    import django

    django.setup()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(values_ms: list[float]) -> str:
    return (f"p50 {percentile(values_ms, 50):.0f} ms, p95 {percentile(values_ms, 95):.0f} ms, "
            f"p99 {percentile(values_ms, 99):.0f} ms, mean {statistics.mean(values_ms):.0f} ms")  # fmt: skip


class QueryCounter:
    """Counts the SQL statements run inside the block (works whatever DEBUG is)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        from django.db import connection

        self._cm = connection.execute_wrapper(self)
        self._cm.__enter__()
        return self

    def __exit__(self, *exc):
        self._cm.__exit__(*exc)
