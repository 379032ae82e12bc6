"""The inovasi index (three lists) and the donor's Excel report cost the same number of queries
with one programme, donor and innovation as with four of each (issue 12: exact counts on every
list and export)."""

import datetime as dt
from io import BytesIO

from openpyxl import load_workbook

from inovasi import services

D = dt.date


def _more(world, enrolled, n: int):
    """`n` more donors, each pledging to a new programme of Mawar, and `n` more innovations."""
    staff = world.users["staff_a"]
    for i in range(n):
        donor = services.donor_create(
            user=staff, puskesmas=world.pkm_a, nama=f"Donatur {i}", jenis="perorangan"
        )
        prog = services.programme_create(
            user=staff, posyandu=world.a.posyandu, nama=f"Asuh {i}", mulai=D(2026, 7, 1)
        )
        services.pledge_add(
            user=staff, programme=prog, donor=donor, per_bulan=100_000, bulan=3, mulai=D(2026, 7, 1)
        )
        services.pledge_add(
            user=staff,
            programme=prog,
            donor=enrolled["donor"],
            per_bulan=50_000,
            bulan=3,
            mulai=D(2026, 7, 1),
        )
        services.innovation_create(
            user=staff, posyandu=world.a.posyandu, jenis="kelas", nama=f"Kelas {i}", mulai=D(2026, 8, 1)
        )


def _cells(response) -> set:
    book = load_workbook(BytesIO(response.content))
    return {cell.value for sheet in book for row in sheet.iter_rows() for cell in row}


def test_the_index_and_the_donor_export_use_a_fixed_number_of_queries(
    login, world, enrolled, django_assert_num_queries
):
    client = login("staff_a")
    export = f"/inovasi/donatur/{enrolled['donor'].pk}/excel/"
    client.get("/inovasi/")  # session and caches warmed
    pages, exports = [], []
    for _ in range(2):
        with django_assert_num_queries(5):  # session, user with profile and area; the three lists
            pages.append(client.get("/inovasi/").content.decode())
        # donor, pledges, enrolments, money in, weighings, PMT, ledger, the Posyandu of the header
        with django_assert_num_queries(10):
            exports.append(_cells(client.get(export)))
        _more(world, enrolled, 3)
    assert "Asuh Mawar" in pages[0] and "Asuh 2" not in pages[0] and "Kelas 2" not in pages[0]
    assert all(name in pages[1] for name in ("Asuh 2", "Donatur 2", "Kelas 2"))
    # Janji donasi of PT Maju Jaya: 500.000 × 6 months, then + 3 programmes × 50.000 × 3 months
    assert 3_000_000 in exports[0] and 3_450_000 in exports[1] and 3_450_000 not in exports[0]
