"""The README's first command, `make run`, on the embedded default: SQLite, Celery eager.

Runs scripts/run.sh as a user would (with no DATABASE_URL or broker), then logs in as a demo
kader over HTTP and opens the people list.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from registry.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.smoke


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def quickstart(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"}}
    env.update(SQLITE_PATH=str(tmp_path / "db.sqlite3"), PORT=str(port))
    with open(tmp_path / "run.log", "w+") as log:
        process = subprocess.Popen(
            ["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(base, process, log)
            yield base, log
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


def _wait_for(base: str, process, log, seconds: int = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"scripts/run.sh stopped:\n{log.read()}")
        try:
            urllib.request.urlopen(f"{base}/masuk/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail("the quick start did not serve within the time limit")


def test_quick_start_serves_demo_data_on_sqlite(quickstart, tmp_path):
    base, log = quickstart
    assert (tmp_path / "db.sqlite3").exists()
    log.seek(0)
    output = log.read()
    assert "kader.mawar" in output and "dinkes" in output and DEMO_PASSWORD in output
    assert "DEMO: data contoh" in output  # make run says it is a demo, before anything else

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_page = opener.open(f"{base}/masuk/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    form = {"username": "kader.mawar", "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token}
    request = urllib.request.Request(
        f"{base}/masuk/", data=urllib.parse.urlencode(form).encode(), headers={"Referer": f"{base}/masuk/"}
    )
    landing = opener.open(request)
    assert landing.url.startswith(f"{base}/hari-buka/")  # the kader lands on the day's work
    assert "Posyandu Mawar" in landing.read().decode()
    html = opener.open(f"{base}/warga/").read().decode()
    assert "warga ditemukan" in html and "Posyandu Mawar" in html
    assert opener.open(f"{base}/static/vendor/bootstrap/bootstrap.min.css").status == 200
    # the kader's lists on SQLite too (the home-visit reasons used PostgreSQL's DISTINCT ON)
    for path in ("/kunjungan-rumah/", "/kunjungan-rumah/?status=semua", "/rujukan/", "/offline/"):
        assert opener.open(f"{base}{path}").status == 200, path
