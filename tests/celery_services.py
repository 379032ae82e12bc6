"""Real Celery workers and Redis servers for the integration tests: a worker is a process of
its own on a broker of the test's choosing, and a Redis of the test's own can be stopped and
started without disturbing the other tests."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection
from kombu import pools

from posyandu.celery import app

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Worker:
    """`celery worker --pool=solo` in its own process; `log()` reads what it printed."""

    def __init__(self, broker: str, media: Path, **env: str):
        self.path = media / f"worker-{uuid.uuid4().hex[:8]}.log"
        self._log = open(self.path, "w+")  # noqa: SIM115 (closed in stop())
        env = os.environ | {"DATABASE_URL": database_url(), "CELERY_BROKER_URL": broker, "CELERY_EAGER": "0",
                            "MEDIA_ROOT": str(media)} | env  # fmt: skip
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "posyandu", "worker", "--pool=solo", "--loglevel=info",
             "--without-gossip", "--without-mingle", "-n", f"test-{uuid.uuid4().hex[:8]}@%h"],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def log(self) -> str:
        self._log.flush()
        return self.path.read_text()

    def kill(self) -> None:
        """kill -9: no warm shutdown, nothing acknowledged or given back to the queue."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self._log.close()


class RedisServer:
    """A Redis of the test's own on a free port, without persistence (like `make test`'s)."""

    def __init__(self):
        if not shutil.which("redis-server"):
            pytest.fail("redis-server is missing: run the suite with `make test`, which installs it")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        pytest.fail(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def sending_to(broker: str):
    """Tasks sent from the test process go to this broker instead of running eagerly."""
    app.conf.task_always_eager = False
    app.conf.broker_url = broker
    _reset_connections()
    try:
        yield
    finally:
        app.conf.task_always_eager = True
        _reset_connections()


def _reset_connections() -> None:
    # Celery keeps the app's connection pool, kombu a registry of pools by address: a broker
    # stopped or changed needs fresh ones.
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"waited {seconds} s for {what}")
