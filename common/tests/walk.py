"""Enumerate every URL pattern of the project and fill its converters, for the no-5xx tests."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from inovasi.models import Donor, DonorKind, Innovation, InnovationKind, Programme
from kader.models import Kader
from pembinaan.models import Assessor, Criterion, Round
from pembinaan.tests.conftest import ensure_default_instrument
from registry.models import Relation
from reports.models import Recap, RecapKind
from tests.factories import make_household, make_person
from visits import services
from visits.models import Referral
from visits.pregnancy_services import pregnancy_open

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
    elsewhere: dict[str, int] = field(default_factory=dict)  # the same kinds in area C (Kab/Kota 2)

    def of(self, route: str, ids: dict[str, int] | None = None) -> str:
        ids = self.real if ids is None else ids
        return str(next((pk for prefix, pk in ids.items() if route.startswith(prefix)), 1))

    def urls(self, route: str) -> list[str]:
        """The route with its real id first, then other areas' and missing ids, and every meja."""
        if not CONVERTER.search(route):
            return ["/" + route]
        real, pid = self.of(route), str(self.real["pid"])
        urls = [fill(route, pk=real, pid=pid, meja="2")]
        urls += [fill(route, pk=pk, pid=pk, meja="2") for pk in [*map(str, self.other_area), *self.missing]]
        if "<int:meja>" in route:
            urls += [fill(route, pk=real, pid=pid, meja=m) for m in ("1", "3", "4", "5", "0", "45", HUGE)]
        return urls

    def url_elsewhere(self, route: str) -> str:
        """The route filled with area C's object of the same kind."""
        return fill(route, pk=self.of(route, self.elsewhere), pid=str(self.elsewhere["pid"]), meja="2")


def objects_in(world, area, puskesmas, kab_kota) -> dict[str, int]:
    """A visit with a weighing, a referral, a pregnancy, a kader, an orang tua asuh programme,
    an innovation, a lomba round and a recap in `area`: the id each route prefix takes (the
    more specific prefix first)."""
    admin = world.users["admin"]
    household = make_household(area.posyandu)
    make_person(household, hubungan=Relation.KEPALA, jenis_kelamin="L")
    ibu = make_person(household, hubungan=Relation.SUAMI_ISTRI, tanggal_lahir=dt.date(1995, 5, 1))
    child = make_person(household, nik=None, tanggal_lahir=dt.date(2026, 1, 10))
    day = services.opening_day_open(posyandu=area.posyandu, tanggal=dt.date(2026, 11, 10), user=admin)
    visit = services.visit_register(person=child, opening_day=day, user=admin)
    services.record_save(visit=visit, meja=2, data={"berat_kg": Decimal("6.0"), "cara_ukur": 1}, user=admin,
                         version=None)  # fmt: skip
    referral, _ = Referral.objects.get_or_create(visit=visit, kode="uji", defaults={"alasan": "uji"})
    recap = Recap.objects.create(kind=RecapKind.PUSKESMAS, puskesmas=puskesmas, kab_kota=kab_kota,
                                 bulan=dt.date(2026, 10, 1))  # fmt: skip
    pregnancy = pregnancy_open(user=admin, ibu=ibu, values={"hpht": dt.date(2026, 6, 1), "gravida": 1,
                                                            "para": 0, "abortus": 0})  # fmt: skip
    kader = Kader.objects.create(posyandu=area.posyandu, nama="Kader Walk")
    donor = Donor.objects.create(puskesmas=puskesmas, nama="Donatur Walk", jenis=DonorKind.PERORANGAN)
    programme = Programme.objects.create(posyandu=area.posyandu, nama="Asuh Walk", mulai=dt.date(2026, 6, 1))
    innovation = Innovation.objects.create(
        posyandu=area.posyandu, jenis=InnovationKind.KELAS, nama="Kelas Walk", mulai=dt.date(2026, 6, 1)
    )
    ensure_default_instrument()
    instrument = Criterion.objects.values_list("instrument_id", flat=True)[0]
    lomba = Round.objects.create(
        nama="Lomba Walk", tahun=2026, puskesmas=puskesmas, dibuat_oleh=admin, instrument_id=instrument
    )
    posyandu = area.posyandu.pk
    return {
        "warga/": child.pk, "keluarga/": household.pk, "posyandu/": posyandu, "laporan/posyandu/": posyandu,
        "hari-buka/": day.pk, "kunjungan-rumah/": child.pk, "kunjungan/": visit.pk, "rujukan/": referral.pk,
        "laporan/rekap/": recap.pk, "kehamilan/": pregnancy.pk, "kader/posyandu/": posyandu,
        "kader/": kader.pk, "strata/posyandu/": posyandu, "inovasi/donatur/": donor.pk,
        "inovasi/program/": programme.pk, "inovasi/posyandu/": posyandu, "inovasi/": innovation.pk,
        "penilaian/": lomba.pk, "pid": posyandu,
    }  # fmt: skip


def populate(world) -> Ids:
    """Objects of every kind in area A (the roles' own) and in area C (another Kab/Kota)."""
    real = objects_in(world, world.a, world.pkm_a, world.kab1)
    Assessor.objects.create(round_id=real["penilaian/"], user=world.users["staff_a"])  # the score forms
    elsewhere = objects_in(world, world.c, world.pkm_c, world.kab2)
    area = {"posyandu": str(world.a.posyandu.pk), "puskesmas": str(world.pkm_a.pk)}
    return Ids(
        real=real,
        other_area=[world.c.person.pk, world.c.household.pk, world.c.posyandu.pk],
        area=area,
        elsewhere=elsewhere,
    )


def client_for(world, role: str | None) -> Client:
    client = Client(raise_request_exception=False)
    if role:
        client.force_login(world.users[role])
    return client
