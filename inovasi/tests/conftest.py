import datetime as dt
import functools

import pytest

from inovasi import services
from reports.tests import conftest as report_fixtures

D = dt.date
child, weigh = report_fixtures.child, report_fixtures.weigh  # the reports tests' fixtures


@pytest.fixture
def programme(world):
    """An orang tua asuh programme at Posyandu Mawar (A), funded by a donor of Puskesmas A."""
    staff = world.users["staff_a"]
    donor = services.donor_create(user=staff, puskesmas=world.pkm_a, nama="PT Maju Jaya", jenis="perusahaan")
    prog = services.programme_create(
        user=staff, posyandu=world.a.posyandu, nama="Asuh Mawar", mulai=D(2026, 6, 1)
    )
    services.pledge_add(
        user=staff, programme=prog, donor=donor, per_bulan=500_000, bulan=6, mulai=D(2026, 6, 1)
    )
    return prog


@pytest.fixture
def thin_child(world, child, weigh):
    """A boy of Mawar weighed 8,0 kg on 10 July and 10 August 2026 (T; BB/U < −2), then gaining
    (September 8,6 kg N, October 9,6 kg N and BB/U above −2 SD again)."""
    kid = child(world.a.posyandu, D(2025, 1, 15), name="Bima Sakti")
    for day, kg in [
        (D(2026, 7, 10), "8.0"),
        (D(2026, 8, 10), "8.0"),
        (D(2026, 9, 10), "8.6"),
        (D(2026, 10, 10), "9.6"),
    ]:
        weigh(kid, world.a.posyandu, day, kg)
    return kid


def feed(world, enrolment, menu: str = "Bubur", dimakan: bool = True):
    """One PMT portion on 20 August 2026, given by the Posyandu's kader."""
    return services.delivery_record(
        user=world.users["kader_a"], enrolment=enrolment, tanggal=D(2026, 8, 20), menu=menu, porsi=1,
        diberikan_oleh="Kader Sari", dimakan=dimakan,
    )  # fmt: skip


@pytest.fixture
def enrolled(world, programme, thin_child):
    """The thin child enrolled on 10 August with one PMT (not eaten), Rp900.000 in from the donor,
    Rp250.000 out for the child, and a door prize at Mawar from 1 August."""
    staff = world.users["staff_a"]
    enrolment = services.enrol(user=staff, programme=programme, person=thin_child, mulai=D(2026, 8, 10))
    donor = programme.pledges.get().donor
    cash = functools.partial(services.ledger_add, user=staff, programme=programme)
    cash(tanggal=D(2026, 8, 1), arah="masuk", jumlah=900_000, sumber="donatur", donor=donor)
    cash(tanggal=D(2026, 8, 20), arah="keluar", jumlah=250_000, enrolment=enrolment)
    feed(world, enrolment, menu="Telur dan nasi", dimakan=False)
    innovation = services.innovation_create(
        user=staff,
        posyandu=world.a.posyandu,
        jenis="door_prize",
        nama="Door prize bulanan",
        mulai=D(2026, 8, 1),
    )
    return {"programme": programme, "donor": donor, "enrolment": enrolment, "innovation": innovation}
