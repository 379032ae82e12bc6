"""Visit entry under load: gunicorn (2 workers) on PostgreSQL with the generated district, and
50 simulated kader, each in its own Posyandu, weighing children for 60 seconds.

    bash bench/run.sh load

Each kader logs in before the day (a few at a time, as phones do when the village hall opens:
a login hashes the password on purpose, and 50 at the same second would queue for seconds on 2
workers; the logins are timed and reported apart), then, all together for 60 s, repeatedly opens
meja 2 of a child in today's queue (GET) and submits the weight and length (POST, the visit
entry measured here), waiting 1–3 s before each child as a kader on a phone does. (Until
2026-11-28 the first child came without the wait: 50 GETs in the same millisecond, whose queue
on 2 workers made most of the slowest 5%; no village hall synchronises its kader so.) Reports
throughput, p50/p95/p99 latency and errors (anything but the expected status).
"""

import http.client
import random
import re
import threading
import time
import urllib.parse

from benchlib import cpu_reference, gunicorn, setup, summary

KADER, SECONDS = 50, 60
LOGINS_AT_ONCE = 4
setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.utils import timezone  # noqa: E402

from devdata.district import PASSWORD  # noqa: E402
from registry.models import Person, Profile, Role  # noqa: E402
from visits import services  # noqa: E402


def prepare() -> list[tuple[str, list[int]]]:
    """Today's opening day for 50 Posyandu, with their balita in the queue: (kader, visit ids)."""
    today = timezone.localdate()
    plan = []
    kader = Profile.objects.filter(role=Role.KADER, user__username__startswith="bench.").select_related(
        "user", "posyandu"
    )
    for profile in kader.order_by("posyandu_id")[:KADER]:
        day = services.opening_day_open(posyandu=profile.posyandu, tanggal=today, user=profile.user)
        children = Person.objects.filter(household__posyandu=profile.posyandu, nama__startswith="Balita")[:40]
        visits = [services.visit_register(person=c, opening_day=day, user=profile.user).pk for c in children]
        plan.append((profile.user.username, visits))
    return plan


class Kader(threading.Thread):
    def __init__(self, port: int, username: str, visits: list[int], seed: int, *,
                 logins: threading.Semaphore | None = None,
                 ready: threading.Barrier | None = None):  # fmt: skip
        super().__init__(daemon=True)
        self.port, self.username, self.visits = port, username, visits
        self.logins, self.ready = logins or threading.Semaphore(KADER), ready
        self.rng = random.Random(seed)
        self.cookies: dict[str, str] = {}
        self.posts: list[float] = []
        self.gets: list[float] = []
        self.login_ms: list[float] = []
        self.errors: list[str] = []

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, float]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": "127.0.0.1"}
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urllib.parse.urlencode(form)
            headers |= {"Content-Type": "application/x-www-form-urlencoded",
                        "Referer": f"http://127.0.0.1:{self.port}{path}"}  # fmt: skip
        start = time.perf_counter()
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - start) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        conn.close()
        return response.status, text, elapsed

    def log_in(self) -> int:
        with self.logins:
            self.request("GET", "/masuk/")
            form = {"username": self.username, "password": PASSWORD}
            status, _, elapsed = self.request("POST", "/masuk/", form)
            self.login_ms.append(elapsed)
            return status

    def run(self) -> None:
        status = None
        try:
            status = self.log_in()
        except Exception as error:  # noqa: BLE001 (a benchmark counts every failure)
            self.errors.append(repr(error))
        if self.ready is not None:
            self.ready.wait()  # the day starts for everyone at once
        try:
            if status != 302:
                self.errors.append(f"login {status}")
                return
            deadline = time.monotonic() + SECONDS
            while time.monotonic() < deadline:
                # Before each child, the first too: 50 kader do not tap in the same millisecond.
                time.sleep(self.rng.uniform(1, 3))
                if time.monotonic() < deadline:
                    self.weigh_one(self.rng.choice(self.visits))
        except Exception as error:  # noqa: BLE001 (a benchmark counts every failure)
            self.errors.append(repr(error))

    def weigh_one(self, visit: int) -> None:
        path = f"/kunjungan/{visit}/meja/2/"
        status, page, elapsed = self.request("GET", path)
        self.gets.append(elapsed)
        version = re.search(r'name="version" value="(\d*)"', page)
        if status != 200 or version is None:
            self.errors.append(f"GET {status}")
            return
        weight = f"{self.rng.uniform(7, 16):.1f}".replace(".", ",")
        length = f"{self.rng.uniform(65, 105):.1f}".replace(".", ",")
        form = {"berat_kg": weight, "tinggi_cm": length, "cara_ukur": "0", "version": version.group(1)}
        status, _, elapsed = self.request("POST", path, form)
        self.posts.append(elapsed)
        if status != 302:
            self.errors.append(f"POST {status}")


def main() -> None:
    plan = prepare()
    logins, ready = threading.Semaphore(LOGINS_AT_ONCE), threading.Barrier(len(plan))
    with gunicorn() as port:
        kader = [
            Kader(port, username, visits, seed, logins=logins, ready=ready)
            for seed, (username, visits) in enumerate(plan)
        ]
        for k in kader:
            k.start()
        for k in kader:
            k.join()
    posts = [t for k in kader for t in k.posts]
    gets = [t for k in kader for t in k.gets]
    errors = [e for k in kader for e in k.errors]
    print("command: bash bench/run.sh load")
    print(cpu_reference())
    users = get_user_model().objects.count()
    print(f"{len(kader)} kader for {SECONDS} s on gunicorn (2 workers), {users} users")
    print(f"visit entries (POST meja 2): {len(posts)} = {len(posts) / SECONDS:.1f}/s; {summary(posts)}")
    print(f"opening meja 2 (GET): {len(gets)}; {summary(gets)}")
    logins_ms = [t for k in kader for t in k.login_ms]
    print(f"logins before the day, {LOGINS_AT_ONCE} at a time (not in the figures above): "
          f"{summary(logins_ms)}")  # fmt: skip
    print(f"errors: {len(errors)} {errors[:5]}")


if __name__ == "__main__":
    main()
