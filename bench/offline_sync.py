"""The offline mode's figures (issue 15), on the generated district:

    bash bench/run.sh offline

1. sizes: the day's download ("Siapkan hari buka") of a Posyandu of about 300 people, raw and
   gzip-compressed as the server sends it; the offline app's first install (the app shell the
   service worker keeps: page, CSS, JS, manifest), gzip-compressed.
2. one phone syncing 100 offline visits (queue + meja 2 weighing each), timed on the server
   (offline.services.sync_batch in this process, no network), after another phone's batch of
   WARM_UP_VISITS: a server worker has served requests before (loaded the WHO tables, built its
   forms); that first batch in a new process is timed and printed apart.
3. 50 phones syncing at once on gunicorn (2 workers): each logs in beforehand (a few at a time)
   and fetches the CSRF token, then all post one batch of 10 visits at the same moment; errors
   (anything but 200 with every record saved, or no answer within 300 s) and p95 per batch.
"""

import gzip
import json
import os
import statistics
import threading
import time
import uuid
from pathlib import Path

from benchlib import ROOT, cpu_reference, gunicorn, percentile, setup, summary
from visit_load import Kader

PHONES, PER_PHONE, ONE_PHONE_VISITS, WARM_UP_VISITS = 50, 10, 100, 5
LOGINS_AT_ONCE = 4  # phones log in before the day, while there is signal: not all in the same second
setup()

from django.db.models import Count  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402

from offline import selectors, services, views  # noqa: E402
from offline.growth_data import engine_data  # noqa: E402
from registry.models import Person, Posyandu, Profile, Role  # noqa: E402
from visits.models import Visit  # noqa: E402


def kg_for(person: Person, today) -> str:
    years = (today - person.tanggal_lahir).days / 365.25
    return "9,5" if years < 5 else ("30" if years < 15 else "58,5")


def batch_for(people: list[Person], today) -> list[dict]:
    """The queue and a weighing of each, as the phone sends them: every field of the form, so
    the "cara ukur" select untouched is its first choice, 0 (tidak diketahui)."""
    records = []
    for p in people:
        records.append({"id": str(uuid.uuid4()), "jenis": "meja", "orang": p.pk, "tanggal": today.isoformat(),
                        "meja": 1})  # fmt: skip
        weighing = {"berat_kg": kg_for(p, today), "cara_ukur": "0"}
        records.append({"id": str(uuid.uuid4()), "jenis": "meja", "orang": p.pk, "tanggal": today.isoformat(),
                        "meja": 2, "versi": None, "data": weighing})  # fmt: skip
    return records


def unseen_today(posyandu: Posyandu, today, n: int) -> list[Person]:
    seen = Visit.objects.filter(opening_day__posyandu=posyandu, tanggal=today).values("person_id")
    return list(Person.objects.filter(household__posyandu=posyandu).exclude(pk__in=seen).order_by("pk")[:n])


def kader_profiles():
    return Profile.objects.filter(role=Role.KADER, user__username__startswith="bench.").select_related(
        "user", "posyandu"
    )


def sizes(profile: Profile) -> None:
    package = json.dumps(selectors.day_package(user=profile.user, posyandu=profile.posyandu)).encode()
    people = Person.objects.filter(household__posyandu=profile.posyandu).count()
    print(f"day's download, {profile.posyandu.nama} ({people} people): {len(package) / 1024:.0f} KB raw, "
          f"{len(gzip.compress(package)) / 1024:.0f} KB gzip")  # fmt: skip
    shell = views.app_shell(RequestFactory().get("/offline/")).content
    files = [ROOT / path.lstrip("/") for path in views.APP_SHELL if path.startswith("/static/")]
    files.append(ROOT / "static" / "js" / "sw.js")
    who = json.dumps(engine_data()).encode()
    total = len(gzip.compress(shell)) + sum(len(gzip.compress(f.read_bytes())) for f in files)
    total += len(gzip.compress(who))
    print(f"offline app first install ({len(files) + 2} files, WHO tables too): {total / 1024:.0f} KB gzip")


def warm_up(profile: Profile, today) -> None:
    """A first, small batch in this new process, as a server worker has synced before."""
    batch = batch_for(unseen_today(profile.posyandu, today, WARM_UP_VISITS), today)
    start = time.perf_counter()
    services.sync_batch(user=profile.user, posyandu=profile.posyandu, records=batch)
    print(f"first batch in a new process ({WARM_UP_VISITS} visits, another Posyandu): "
          f"{time.perf_counter() - start:.2f} s")  # fmt: skip


def one_phone(profile: Profile, today) -> None:
    people = unseen_today(profile.posyandu, today, ONE_PHONE_VISITS)
    batch = batch_for(people, today)
    backend = database_backend()
    start, app_cpu, db_cpu = time.perf_counter(), time.process_time(), cpu_seconds(backend)
    answers = services.sync_batch(user=profile.user, posyandu=profile.posyandu, records=batch)
    elapsed = time.perf_counter() - start
    app_cpu, db_cpu = time.process_time() - app_cpu, cpu_seconds(backend) - db_cpu
    saved = sum(a["status"] == "saved" for a in answers)
    refused = [a.get("errors") for a in answers if a["status"] != "saved"]
    print(f"one phone, {len(people)} offline visits ({len(batch)} records): {elapsed:.2f} s on the server, "
          f"{saved} saved; not saved: {refused[:3]}")  # fmt: skip
    print(f"  CPU used: app {app_cpu:.2f} s + PostgreSQL {db_cpu:.2f} s = {app_cpu + db_cpu:.2f} s "
          f"(the time on an idle machine, the two taking turns)")  # fmt: skip
    start = time.perf_counter()
    services.sync_batch(user=profile.user, posyandu=profile.posyandu, records=batch)
    print(f"the same batch again (all answered from SyncedRecord): {time.perf_counter() - start:.2f} s")


def database_backend() -> int:
    """The process id of this connection's PostgreSQL backend (on this machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc (Linux)."""
    fields = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Phone(Kader):
    """A kader's phone: logged in beforehand (while there is signal, a few phones at a time,
    `logins`), then sends its batch when `ready` lets all phones go at once."""

    def __init__(self, port: int, username: str, batch: list[dict], logins: threading.Semaphore,
                 ready: threading.Barrier):  # fmt: skip
        super().__init__(port, username, [], 0)
        self.batch, self.logins, self.ready = batch, logins, ready
        self.took: float | None = None

    def log_in(self) -> str:
        """The CSRF token for the sync, after logging in."""
        from devdata.district import PASSWORD

        with self.logins:
            self.request("GET", "/masuk/")
            status, _, _ = self.request("POST", "/masuk/", {"username": self.username, "password": PASSWORD})
            if status != 302:
                raise RuntimeError(f"login {status}")
            status, text, _ = self.request("GET", "/offline/sinkron/")
            return json.loads(text)["csrf"]

    def run(self) -> None:
        token = None
        try:
            token = self.log_in()
        except Exception as error:  # noqa: BLE001 (a benchmark counts every failure)
            self.errors.append(repr(error))
        self.ready.wait()
        if token is None:
            return
        try:
            self.took, answers = self.post(token)
            if any(a["status"] != "saved" for a in answers):
                self.errors.append(f"not saved: {[a['status'] for a in answers][:4]}")
        except Exception as error:  # noqa: BLE001
            self.errors.append(repr(error))

    def post(self, token: str) -> tuple[float, list]:
        import http.client

        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": "127.0.0.1",
                   "Content-Type": "application/json", "X-CSRFToken": token,
                   "Referer": f"http://127.0.0.1:{self.port}/offline/"}  # fmt: skip
        start = time.perf_counter()
        conn.request("POST", "/offline/sinkron/", body=json.dumps({"records": self.batch}), headers=headers)
        response = conn.getresponse()
        body = response.read()
        took = (time.perf_counter() - start) * 1000
        conn.close()
        if response.status != 200:
            raise RuntimeError(f"POST {response.status}")
        return took, json.loads(body)["results"]


def many_phones(profiles: list[Profile], today) -> None:
    plan = [(p.user.username, batch_for(unseen_today(p.posyandu, today, PER_PHONE), today)) for p in profiles]
    logins, ready = threading.Semaphore(LOGINS_AT_ONCE), threading.Barrier(len(plan) + 1)
    with gunicorn() as port:
        phones = [Phone(port, username, batch, logins, ready) for username, batch in plan]
        for phone in phones:
            phone.start()
        ready.wait()  # every phone logged in: all send their batch now
        start = time.perf_counter()
        for phone in phones:
            phone.join()
        wall = time.perf_counter() - start
    took = [p.took for p in phones if p.took is not None]
    errors = [e for p in phones for e in p.errors]
    print(f"{len(phones)} phones sending at once on gunicorn (2 sync workers; logged in before), "
          f"{PER_PHONE} visits each: all answered in {wall:.1f} s")  # fmt: skip
    if took:
        print(f"sync per batch: {summary(took)}; p95 {percentile(took, 95) / 1000:.2f} s, "
              f"mean {statistics.mean(took) / 1000:.2f} s")  # fmt: skip
    print(f"errors: {len(errors)} {errors[:5]}")


def main() -> None:
    today = timezone.localdate()
    profiles = list(kader_profiles().order_by("posyandu_id")[: PHONES + 1])
    sized = Posyandu.objects.filter(pk__in=[p.posyandu_id for p in profiles]).annotate(
        n=Count("households__members")
    )
    largest = max(sized, key=lambda p: p.n)
    print("command: bash bench/run.sh offline")
    print(cpu_reference())
    sizes(next(p for p in profiles if p.posyandu_id == largest.pk))
    # the one phone: a Posyandu with enough people not yet seen today (a database benchmarked
    # before has used up the first ones), away from the 50 phones' Posyandu
    n = ONE_PHONE_VISITS
    fresh = (
        p for p in kader_profiles().order_by("-posyandu_id") if len(unseen_today(p.posyandu, today, n)) == n
    )
    warm_up(next(fresh), today)
    one_phone(next(fresh), today)
    many_phones(profiles[1:], today)


if __name__ == "__main__":
    main()
