"""Enumerate every URL pattern of the project and fill its converters, for the no-5xx tests."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from registry.models import Relation
from reports.models import Recap, RecapKind
from tests.factories import make_household, make_person
from visits import services
from visits.models import Referral

CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
SKIPPED_PREFIXES = ("admin/",)  # Django's own admin: its parameters are Django's to parse
LOGOUT = "keluar/"
ROLES = ["kader_a", "staff_a", "dinkes_1", "admin", None]  # None: not logged in
HUGE = str(2**63)  # one past PostgreSQL's bigint
# Values that once reached int(), Decimal() or PostgreSQL unchecked.
GARBAGE = ["", "abc", "45", "-1", "²", "٣", "9" * 30, "1,5", "2026-13", "\x00", "<b>"]
PARAMS = ["meja", "posyandu", "puskesmas", "tahun", "bulan", "hari", "status", "q", "page", "indikator",
          "next", "person", "area", "version", "catatan", "pk", "id",
          # every other name a view reads from the request (grep request.GET / request.POST)
          "cari", "alasan", "kelompok", "tanggal", "tindakan", "kab_kota", "urut", "arah", "lengkap",
          "format", "per", "bukan_duplikat", "program_tambahan", "ke", "gravida"]  # fmt: skip


def routes() -> list[str]:
    """Every path() route, prefixes joined, with converters left in (e.g. "warga/<int:pk>/")."""

    def walk(patterns, prefix: str):
        for p in patterns:
            route = prefix + str(p.pattern)
            if route.startswith(SKIPPED_PREFIXES):
                continue
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, route)
            elif isinstance(p, URLPattern):
                yield route

    # Logging out ends the role's session: walked last, or every later request would be anonymous.
    return sorted(set(walk(get_resolver().url_patterns, "")), key=lambda route: (route == LOGOUT, route))


def fill(route: str, **values: str) -> str:
    """The URL of a route with each converter (by name) set to the given value."""
    return "/" + CONVERTER.sub(lambda m: values[m.group(2)], route)


@dataclass
class Ids:
    """Real ids by route prefix (objects of area A), and ids that match nothing."""

    real: dict[str, int]
    other_area: list[int]
    area: dict[str, str]  # valid area parameters, so that a garbage one is not masked by a 404
    missing: tuple[str, ...] = ("0", "99999999", HUGE, "9" * 40)

    def of(self, route: str) -> str:
        return str(next((pk for prefix, pk in self.real.items() if route.startswith(prefix)), 1))

    def urls(self, route: str) -> list[str]:
        """The route with its real id first, then other areas' and missing ids, and every meja."""
        if not CONVERTER.search(route):
            return ["/" + route]
        real = self.of(route)
        pks = [real, *map(str, self.other_area), *self.missing]
        urls = [fill(route, pk=pk, pid=pk, meja="2") for pk in pks]  # pid: a second id (lomba)
        if "<int:meja>" in route:
            urls += [fill(route, pk=real, meja=m) for m in ("1", "3", "4", "5", "0", "45", HUGE)]
        return urls


def populate(world) -> Ids:
    """A visit with a weighing, a referral and a recap in area A, so each route has a real id."""
    admin = world.users["admin"]
    household = make_household(world.a.posyandu)
    make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L")
    child = make_person(household, nik=None, tanggal_lahir=dt.date(2026, 1, 10))
    day = services.opening_day_open(posyandu=world.a.posyandu, tanggal=dt.date(2026, 11, 10), user=admin)
    visit = services.visit_register(person=child, opening_day=day, user=admin)
    services.record_save(visit=visit, meja=2, data={"berat_kg": Decimal("6.0"), "cara_ukur": 1}, user=admin,
                         version=None)  # fmt: skip
    referral, _ = Referral.objects.get_or_create(visit=visit, kode="uji", defaults={"alasan": "uji"})
    recap = Recap.objects.create(kind=RecapKind.PUSKESMAS, puskesmas=world.pkm_a, kab_kota=world.kab1,
                                 bulan=dt.date(2026, 10, 1))  # fmt: skip
    real = {"warga/": child.pk, "keluarga/": household.pk, "posyandu/": world.a.posyandu.pk,
            "laporan/posyandu/": world.a.posyandu.pk, "hari-buka/": day.pk, "kunjungan/": visit.pk,
            "rujukan/": referral.pk, "laporan/rekap/": recap.pk}  # fmt: skip
    area = {"posyandu": str(world.a.posyandu.pk), "puskesmas": str(world.pkm_a.pk)}
    return Ids(
        real=real, other_area=[world.c.person.pk, world.c.household.pk, world.c.posyandu.pk], area=area
    )


def client_for(world, role: str | None) -> Client:
    client = Client(raise_request_exception=False)
    if role:
        client.force_login(world.users[role])
    return client
