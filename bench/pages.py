"""Page latency on the generated district: the PWS dashboard, the monthly Posyandu report (SKDN),
a person's page with 12 months of data and the home-visit list (Puskesmas staff and kader);
p50/p95 over 50 requests each and the query count.

    bash bench/run.sh pages

Requests go through Django's test client in this process (no network), on PostgreSQL.
"""

import time

from benchlib import QueryCounter, cpu_reference, setup, summary

setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from registry.models import Person, Profile, Role  # noqa: E402
from visits.models import Measurement  # noqa: E402

REQUESTS = 50


def measure(client: Client, label: str, url: str, params: dict | None = None) -> None:
    cache.clear()
    start = time.perf_counter()
    with QueryCounter() as cold_queries:
        response = client.get(url, params)  # cold: nothing cached
    cold = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (label, response.status_code)
    with QueryCounter() as queries:
        client.get(url, params)
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url, params)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label}: {summary(times)}; {queries.count} queries (first request, cache empty: "
          f"{cold:.0f} ms, {cold_queries.count} queries)")  # fmt: skip


def home_visits(client: Client, who: str) -> None:
    """Kunjungan rumah of the user's first Posyandu: the open reasons (the page as it opens) and
    all of them, closed included."""
    url = reverse("home_visit_list")
    measure(client, f"Kunjungan rumah, {who} (belum ditutup)", url)
    measure(client, f"Kunjungan rumah, {who} (semua)", url, {"status": "semua"})


def main() -> None:
    staff = (
        Profile.objects.filter(role=Role.PUSKESMAS, user__username__startswith="bench.")
        .select_related("user")
        .first()
    )
    kader = (
        Profile.objects.filter(role=Role.KADER, user__username__startswith="bench.")
        .select_related("user")
        .first()
    )
    client = Client()
    client.force_login(staff.user)
    month = Measurement.objects.latest("visit__tanggal").visit.tanggal.strftime("%Y-%m")
    print("command: bash bench/run.sh pages")
    print(cpu_reference())
    measure(
        client, "PWS dashboard D/S (12 months)", reverse("pws_dashboard"), {"indikator": "ds", "bulan": month}
    )
    measure(client, "PWS dashboard K1 (count)", reverse("pws_dashboard"), {"indikator": "k1", "bulan": month})
    home_visits(client, "Puskesmas staff")
    client.force_login(kader.user)
    measure(client, "Monthly Posyandu report (SKDN)", reverse("posyandu_report", args=[kader.posyandu_id]),
            {"bulan": month})  # fmt: skip
    child = (
        Person.objects.filter(household__posyandu=kader.posyandu_id, nama__startswith="Balita")
        .order_by("-tanggal_lahir")
        .last()
    )
    visits = Measurement.objects.filter(visit__person=child).count()
    measure(client, f"Person page ({visits} weighings)", reverse("person_detail", args=[child.pk]))
    home_visits(client, "kader")
    print(f"users: {get_user_model().objects.count()}, people: {Person.objects.count()}")


if __name__ == "__main__":
    main()
