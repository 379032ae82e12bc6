"""Helpers shared by the benchmark scripts (run through bench/run.sh)."""

import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "posyandu.settings")


def setup():
    import django

    django.setup()


def cpu_reference() -> str:
    """How fast this machine's CPU is right now, so figures of different days can be compared
    (a shared virtual machine's speed varies): a pure-Python loop of 10 million additions."""
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return f"CPU reference: 10 million Python additions in {time.perf_counter() - start:.2f} s"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(values_ms: list[float]) -> str:
    if not values_ms:  # under overload every request may fail: say so rather than crash
        return "none completed"
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(workers: int = 2):
    """The app on gunicorn (sync workers) on a free port, stopped on leaving; yields the port."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "posyandu.wsgi", "--workers", str(workers), "--bind",
         f"127.0.0.1:{port}", "--access-logfile", "/dev/null", "--error-logfile", "-", "--timeout", "120"],
        cwd=ROOT,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)
