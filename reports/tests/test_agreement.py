"""The monthly report page, the PWS page and both Excel recaps agree cell by cell for one month.

Each is read the way a user reads it (the page's HTML, the workbook's cells) and compared; the
data are the hand-made August 2026 of conftest plus a child of Posyandu A weighed in Puskesmas B
and a child of B weighed in Posyandu A2 (Melati)."""

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from registry.models import Relation
from reports import services, tasks
from reports.models import RecapKind
from reports.period import Month
from tests.factories import child_in, make_household, make_person, save
from visits import pregnancy_services
from visits import services as visit_services
from visits.models import Dose, Tempat

D = dt.date
AUG = Month(2026, 8)
SKDN_RATES = ["K/S", "D/S", "N/D", "N/D'", "BGM/D"]
PAGE_RATES = ["K/S (", "D/S (", "N/D (", "N/D′", "BGM/D"]
GIZI = [
    ("Stunting", "Diukur PB/TB", "% stunting"),
    ("Wasting", "Diukur BB/PB-TB", "% wasting"),
    ("Underweight", "Diukur BB/U", "% underweight"),
    ("Gizi lebih", "Diukur BB/PB-TB", "% gizi lebih"),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def district(august, child, weigh):
    w = august
    from_a = child(w.a.posyandu, D(2025, 2, 1))
    weigh(from_a, w.b.posyandu, D(2026, 8, 12), "7.0", tinggi_cm=65)  # lives in A, weighed in Puskesmas B
    from_b = child(w.b.posyandu, D(2024, 6, 1), sex="P")
    weigh(from_b, w.a2.posyandu, D(2026, 8, 20), "10.0")  # lives in B, weighed at Melati
    return w


def recap(kind, area):
    """Build a recap as the Celery task does; the path of its workbook."""
    built = services.build(tasks.request_recap(kind=kind, area=area, month=AUG)[0].pk)
    return settings.MEDIA_ROOT / built.file


def excel_shown(fraction) -> str:
    """What a 0.0% cell shows: the stored fraction rounded half-up (written here on its own, not
    through common.numbers)."""
    if fraction is None:
        return "–"
    shown = (Decimal(repr(fraction)) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{shown}".replace(".", ",") + "%"


def sheet_rows(path, sheet: str) -> dict[str, dict[str, object]]:
    """{row label: {header: value}} of one sheet; the label is the last non-empty label cell."""
    rows = list(load_workbook(path)[sheet].iter_rows(min_row=4, values_only=True))
    headers = rows[0]
    out = {}
    for row in rows[1:]:
        labels = [
            v for v, h in zip(row, headers, strict=True) if h in ("Desa/Kelurahan", "Posyandu", "Puskesmas")
        ]
        out[[v for v in labels if v][-1]] = dict(zip(headers, row, strict=True))
    return out


def report_page(client, posyandu) -> dict[str, object]:
    """The figures of the monthly report page as shown."""
    html = client.get(reverse("posyandu_report", args=[posyandu.pk]), {"bulan": "2026-08"}).content.decode()
    skdn_table = re.search(r'id="skdn">(.*?)</table>', html, re.S).group(1)
    counts = [int(v) for v in re.findall(r"<td>(\d+)</td>", skdn_table)]
    figures = dict(zip(["S", "K", "D", "N", "T", "O", "B", "2T", "BGM"], counts, strict=True))
    for header, label in zip(SKDN_RATES, PAGE_RATES, strict=True):
        figures[header] = re.search(rf"<td>{re.escape(label)}[^<]*</td><td[^>]*>([^<]+)</td>", html).group(1)
    for name, _, share in GIZI:
        cells = re.search(
            rf"<td>{name} [^<]*</td>" + r"<td[^>]*>(\d+)</td>" * 2 + r"<td[^>]*>([^<]+)</td>", html
        )
        figures[name], figures[f"{name} diukur"], figures[share] = int(cells[1]), int(cells[2]), cells[3]
    return figures


def pws_row(client, indicator: str, name: str) -> str:
    html = client.get(reverse("pws_dashboard"), {"bulan": "2026-08", "indikator": indicator}).content.decode()
    return re.search(rf"<td>{name}</td>\s*<td[^>]*>([^<]+)</td>", html).group(1)


def test_report_pws_and_both_recaps_agree_cell_by_cell(district, login):
    w = district
    pkm, kab = recap(RecapKind.PUSKESMAS, w.pkm_a), recap(RecapKind.KABKOTA, w.kab1)
    skdn, gizi = sheet_rows(pkm, "SKDN"), sheet_rows(pkm, "Status gizi")
    client = login("staff_a")
    checked = 0
    for posyandu in (w.a.posyandu, w.a2.posyandu):
        page = report_page(client, posyandu)
        row, grow = skdn[posyandu.nama], gizi[posyandu.nama]
        for header in ["S", "K", "D", "N", "T", "O", "B", "2T", "BGM"]:
            assert page[header] == row[header], (posyandu.nama, header)
        for header in SKDN_RATES:
            assert page[header] == excel_shown(row[header]), (posyandu.nama, header)
        for name, measured, share in GIZI:
            assert (page[name], page[f"{name} diukur"]) == (grow[name], grow[measured]), (posyandu.nama, name)
            assert page[share] == excel_shown(grow[share]), (posyandu.nama, share)
        assert page["D"] <= page["S"]
        checked += 1
    assert checked == 2
    # the child of A weighed in Puskesmas B is in Mawar's D; the child of B weighed at Melati is not
    assert (skdn["Mawar"]["S"], skdn["Mawar"]["D"], skdn["Melati"]["S"], skdn["Melati"]["D"]) == (8, 8, 1, 1)
    subtotal, total = skdn["Subtotal Desa A"], skdn["Total"]
    assert pws_row(client, "ds", "Desa A") == excel_shown(subtotal["D/S"]) == "100,0%"
    assert pws_row(client, "nd", "Desa A") == excel_shown(subtotal["N/D"]) == "33,3%"  # N 3 / D 9
    assert (
        pws_row(client, "stunting", "Desa A")
        == excel_shown(gizi["Subtotal Desa A"]["% stunting"])
        == "100,0%"
    )
    assert pws_row(client, "ds", "Total Puskesmas") == excel_shown(total["D/S"])
    for sheet in ["SKDN", "Status gizi", "Kunjungan", "Layanan", "Skrining PTM", "Rujukan", "KIA"]:
        assert sheet_rows(kab, sheet)["Puskesmas A"] == {
            "Puskesmas": "Puskesmas A",
            **{
                h: v
                for h, v in sheet_rows(pkm, sheet)["Total"].items()
                if h not in ("Desa/Kelurahan", "Posyandu")
            },
        }, sheet


IBU_HEADERS = ["KF1", "KF2", "KF3", "KF4", "KN1", "KN2", "KN3", "KEK mendapat MT", "Ibu hamil", "TTD >= 90"]


VITAMIN_A_COLUMNS = [
    ("biru", "Biru diberi", "Sasaran 6–11 bln", "% 6–11 bln"),
    ("merah", "Merah diberi", "Sasaran 12–59 bln", "% 12–59 bln"),
]


@pytest.fixture
def mothers_and_doses(district):
    """Mawar: Ani 90 TTD tablets and MT in August, Bunga 89, Citra delivered on 1 August (KF1,
    KN1); child X's MR1 on 5 August. Melati: Dewi 95 tablets. The `district` children give the
    vitamin A round its sasaran."""
    w, staff = district, district.users["staff_a"]
    mawar, melati = w.a.posyandu, w.a2.posyandu

    def woman(posyandu, nama, hpht, tablets):
        person = make_person(
            make_household(posyandu), nama=nama, hubungan=Relation.KEPALA, tanggal_lahir=D(1995, 1, 1)
        )
        values = {"hpht": hpht, "gravida": 1, "para": 0, "abortus": 0}
        episode = pregnancy_services.pregnancy_open(user=staff, ibu=person, values=values)
        person.refresh_from_db()
        for day, n in tablets:
            opening = visit_services.opening_day_open(posyandu=posyandu, tanggal=day, user=staff)
            save(
                visit_services.visit_register(person=person, opening_day=opening, user=staff),
                5,
                staff,
                ttd_tablet=n,
            )
        return episode

    ani = woman(mawar, "Ani", D(2026, 3, 1), [(D(2026, 6, 10), 60), (D(2026, 8, 10), 30)])
    pregnancy_services.mt_add(user=staff, kehamilan=ani, values={"tanggal": D(2026, 8, 5), "hari": 30})
    woman(mawar, "Bunga", D(2026, 4, 1), [(D(2026, 8, 12), 89)])
    woman(melati, "Dewi", D(2026, 2, 1), [(D(2026, 8, 12), 95)])
    citra = woman(mawar, "Citra", D(2025, 11, 20), [])
    outcome = {"hasil": "lahir_hidup", "tanggal_hasil": D(2026, 8, 1), "berat_lahir_gram": 3000}
    baby = {"nama": "Bayi Citra", "jenis_kelamin": "P", "berat_lahir_gram": 3000, "tempat": "rumah",
            "penolong": "bidan"}  # fmt: skip
    pregnancy_services.pregnancy_close(user=staff, kehamilan=citra, values=outcome, baby=baby)
    citra.refresh_from_db()
    for kind in ("KF1", "KN1"):
        pregnancy_services.postnatal_add(
            user=staff, kehamilan=citra, values={"jenis": kind, "tanggal": D(2026, 8, 2)}
        )
    x = child_in(mawar, nama="X", tanggal_lahir=D(2025, 9, 10))
    Dose.objects.create(
        person=x, antigen="MR1", tanggal=D(2026, 8, 5), tempat=Tempat.POSYANDU, recorded_by=staff
    )
    return w


def pregnancy_and_immunisation_on_page(client, posyandu) -> dict[str, object]:
    """The pregnancy and immunisation figures of the monthly report page as shown."""
    html = client.get(reverse("posyandu_report", args=[posyandu.pk]), {"bulan": "2026-08"}).content.decode()

    def cell(key):
        return re.search(rf'id="{key}">([^<]*)<', html).group(1)

    kf, kn = cell("ibu-kf").split(" / "), cell("ibu-kn").split(" / ")
    hamil, rest = cell("ibu-ttd-90").split(" / ")
    ttd_90, share = re.fullmatch(r"(\d+) \(([^)]+)\)", rest).groups()
    counts = [*kf, *kn, cell("ibu-kek-mt"), hamil, ttd_90]
    figures: dict[str, object] = dict(zip(IBU_HEADERS, map(int, counts), strict=True)) | {
        "% TTD >= 90": share
    }
    names = re.findall(
        r"<th>([^<]+)</th>", re.search(r'id="imunisasi-bulan">(.*?)</table>', html, re.S).group(1)
    )
    doses = re.findall(
        r"<td>(\d+)</td>", re.search(r'<tr id="dosis-antigen">(.*?)</tr>', html, re.S).group(1)
    )
    figures |= dict(zip(names, map(int, doses), strict=True))
    figures |= {"IDL": int(cell("imunisasi-idl")), "Baduta lengkap": int(cell("imunisasi-baduta"))}
    for band, given, target, rate in VITAMIN_A_COLUMNS:
        n, d, shown = re.fullmatch(r"(\d+) / (\d+) \(([^)]+)\)", cell(f"vita-{band}")).groups()
        figures |= {given: int(n), target: int(d), rate: shown}
    return figures


def test_pregnancy_and_immunisation_columns_agree_cell_by_cell(mothers_and_doses, login):
    w = mothers_and_doses
    pkm, kab = recap(RecapKind.PUSKESMAS, w.pkm_a), recap(RecapKind.KABKOTA, w.kab1)
    sheets = {name: sheet_rows(pkm, name) for name in ("Ibu hamil & nifas", "Imunisasi", "Vitamin A")}
    client = login("staff_a")
    rates = {"% TTD >= 90", "% 6–11 bln", "% 12–59 bln"}
    compared = 0
    for posyandu in (w.a.posyandu, w.a2.posyandu):
        page = pregnancy_and_immunisation_on_page(client, posyandu)
        for name, rows in sheets.items():
            for header, value in rows[posyandu.nama].items():
                if header in ("Desa/Kelurahan", "Posyandu"):
                    continue
                expected = excel_shown(value) if header in rates else value
                assert page[header] == expected, (posyandu.nama, name, header)
                compared += 1
    assert compared == 2 * (11 + 23 + 6)  # every new column of both Posyandu
    ibu = sheets["Ibu hamil & nifas"]
    # written by hand: Mawar Ani, Bunga, Citra pregnant in August, Ani at 90; Melati Dewi at 95
    assert [ibu["Mawar"][h] for h in ("KF1", "KN1", "KEK mendapat MT", "Ibu hamil", "TTD >= 90")] == [
        1,
        1,
        1,
        3,
        1,
    ]
    assert excel_shown(ibu["Mawar"]["% TTD >= 90"]) == "33,3%" and ibu["Melati"]["% TTD >= 90"] == 1.0
    assert ibu["Subtotal Desa A"]["TTD >= 90"] == 2 and excel_shown(ibu["Total"]["% TTD >= 90"]) == "50,0%"
    assert sheets["Imunisasi"]["Mawar"]["MR1"] == 1
    for sheet in sheets:
        assert sheet_rows(kab, sheet)["Puskesmas A"] == {
            "Puskesmas": "Puskesmas A",
            **{h: v for h, v in sheets[sheet]["Total"].items() if h not in ("Desa/Kelurahan", "Posyandu")},
        }, sheet
