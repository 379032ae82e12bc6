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

from reports import services, tasks
from reports.models import RecapKind
from reports.period import Month

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
