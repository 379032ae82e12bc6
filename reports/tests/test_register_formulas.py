"""A name typed as a formula stays text in the registers' Excel files (issue 11 item 12): the
cell is typed as a string, so a spreadsheet never runs it."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import child_in, make_person

FORMULA = '=HYPERLINK("http://evil.example","klik")'


def cells_holding(sheet, text):
    return [cell for row in sheet.iter_rows() for cell in row if cell.value == text]


@pytest.mark.parametrize("url_name", ["register_balita", "register_wus"])
def test_a_formula_like_name_is_written_as_text(login, world, url_name):
    child = child_in(world.a.posyandu, nama=FORMULA, tanggal_lahir=dt.date(2026, 1, 15))
    make_person(child.household, nama=FORMULA, jenis_kelamin="P", tanggal_lahir=dt.date(1995, 5, 1))
    url = reverse(url_name, args=[world.a.posyandu.pk])
    response = login("kader_a").get(url, {"tahun": "2026", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    found = cells_holding(sheet, FORMULA)
    assert found and {cell.data_type for cell in found} == {"s"}
