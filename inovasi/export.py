"""The donor report as an Excel workbook (openpyxl): children named by initials only."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from common.cells import xlsx_cell

from .eligibility import initials, labels

HEADERS = ["Anak/ibu (inisial)", "Posyandu", "Program", "Alasan masuk", "Mulai", "PMT diberikan",
           "PMT dimakan habis", "Kenaikan berat (g)", "N/(N+T)", "Alasan di akhir"]  # fmt: skip


def _row(row) -> list:
    e, outcome = row.enrolment, row.outcome
    end = "belum ditimbang" if outcome.reasons_end is None else labels(",".join(outcome.reasons_end))
    rate = None if outcome.n_rate is None else outcome.n_rate / 100
    return [initials(e.person.nama), str(e.programme.posyandu), e.programme.nama, labels(e.alasan), e.mulai,
            row.deliveries, row.eaten, outcome.gain_g, rate, end]  # fmt: skip


def donor_workbook(context: dict) -> bytes:
    donor = context["donor"]
    book = Workbook()
    sheet = book.active
    sheet.title = "Laporan donatur"
    xlsx_cell(sheet, 1, 1, f"Laporan orang tua asuh: {donor.nama} ({donor.puskesmas})").font = Font(bold=True)
    summary = [("Janji donasi (Rp)", context["pledged"]), ("Dana diterima (Rp)", context["given"]),
               ("Saldo program (Rp)", context["ledger"].saldo)]  # fmt: skip
    for i, (label, value) in enumerate(summary, start=2):
        xlsx_cell(sheet, i, 1, label)
        xlsx_cell(sheet, i, 2, value).number_format = "#,##0"
    for col, header in enumerate(HEADERS, start=1):
        xlsx_cell(sheet, 6, col, header).font = Font(bold=True)
    for r, row in enumerate(context["rows"], start=7):
        for col, value in enumerate(_row(row), start=1):
            cell = xlsx_cell(sheet, r, col, value)
            if col == 5:
                cell.number_format = "DD/MM/YYYY"
            if col == 9:
                cell.number_format = "0.0%"
    sheet.freeze_panes = "A7"
    for col, width in zip("ABCDEFGHIJ", [18, 18, 24, 36, 12, 10, 10, 12, 10, 36], strict=True):
        sheet.column_dimensions[col].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()
