"""Excel recaps with openpyxl: a sheet per indicator group, a row per Posyandu (with desa
subtotals) or per Puskesmas, and a total row. Frozen headers, widths, number formats, and the
month and area in each sheet's title."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from common.cells import xlsx_cell
from visits import rules

from .imunisasi import ANTIGENS
from .period import Month
from .sections import PosyanduMonth

COUNT, PERCENT = "#,##0", "0.0%"
TD = f"{rules.HYPERTENSION_SYSTOLIC}/{rules.HYPERTENSION_DIASTOLIC}"
HEADER_ROW = 4


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[PosyanduMonth], float | int | None]
    format: str = COUNT


def counts(section: str, spec: str) -> list[Column]:
    """Count columns from "Header=attribute, ..." of one section."""
    pairs = [item.rsplit("=", 1) for item in spec.split(", ")]
    return [Column(header, lambda r, a=attr: getattr(getattr(r, section), a)) for header, attr in pairs]


def share(header: str, section: str, numerator: str, denominator: str) -> Column:
    """The exact fraction numerator / denominator in a 0.0% cell (empty without a denominator);
    the spreadsheet rounds it half-up for display, like the pages (common.numbers)."""

    def value(r: PosyanduMonth) -> float | None:
        counts = getattr(r, section)
        n, d = getattr(counts, numerator), getattr(counts, denominator)
        return n / d if d else None

    return Column(header, value, PERCENT)


SHEETS: dict[str, list[Column]] = {
    "SKDN": counts("skdn", "S=s, K=k, D=d, N=n, T=t, O=o, B=b, 2T=two_t, BGM=bgm")
    + [
        share("K/S", "skdn", "k", "s"),
        share("D/S", "skdn", "d", "s"),
        share("N/D", "skdn", "n", "d"),
        share("N/D'", "skdn", "n", "d_prime"),
        share("BGM/D", "skdn", "bgm", "d"),
    ],
    "Status gizi": counts("gizi", "Diukur PB/TB=diukur_pbu, Stunting=stunting")
    + [share("% stunting", "gizi", "stunting", "diukur_pbu")]
    + counts("gizi", "Diukur BB/PB-TB=diukur_bbpb, Wasting=wasting")
    + [share("% wasting", "gizi", "wasting", "diukur_bbpb")]
    + counts("gizi", "Diukur BB/U=diukur_bbu, Underweight=underweight")
    + [share("% underweight", "gizi", "underweight", "diukur_bbu")]
    + counts("gizi", "Gizi lebih=overweight")
    + [share("% gizi lebih", "gizi", "overweight", "diukur_bbpb")],
    "Kunjungan": counts(
        "kelompok",
        "Ibu hamil=ibu_hamil, Nifas/menyusui=ibu_nifas_menyusui, Bayi/balita=bayi_balita, "
        "Prasekolah=anak_prasekolah, Sekolah/remaja=usia_sekolah_remaja, Dewasa=usia_dewasa, Lansia=lansia, "
        "Jumlah kunjungan=total",
    ),
    "Layanan": counts(
        "layanan", "Vitamin A=vitamin_a, Imunisasi=imunisasi, Obat cacing=obat_cacing, TTD=ttd, PMT=pmt"
    ),
    "Skrining PTM": counts("skrining", "Datang usia >= 15=dewasa_datang, TD diukur=td_diukur")
    + [share("% TD diukur", "skrining", "td_diukur", "dewasa_datang")]
    + counts(
        "skrining",
        f"Hipertensi=hipertensi, Gula diperiksa=gula_diukur, GDS >= {rules.GULA_DARAH_REFER}=gula_tinggi, "
        "IMT diukur=imt_diukur, Obesitas=obesitas, Terduga TBC=terduga_tbc",
    ),
    "Rujukan": counts(
        "rujukan",
        "Orang dirujuk=dirujuk, Alasan rujukan=alasan, Ditindaklanjuti=ditindaklanjuti, "
        "Dibatalkan=dibatalkan",
    )
    + [share("% ditindaklanjuti", "rujukan", "ditindaklanjuti", "alasan")],
    "KIA": counts(
        "kia",
        f"Ibu hamil datang=ibu_hamil_datang, KEK=kek, TD >= {TD}=td_tinggi, TTD=ttd, K1=k1, K4=k4, K6=k6, "
        "Nifas datang=nifas_datang, Vitamin A nifas=vitamin_a_nifas, Hb ibu hamil=hb_hamil_diperiksa, "
        "Ibu hamil anemia=anemia_hamil, Hb remaja putri=hb_remaja_putri_diperiksa, "
        "Remaja putri anemia=anemia_remaja_putri",
    ),
    "Lahir & mati": counts("vital", "Lahir=lahir, BBLR=bblr")
    + [share("% BBLR", "vital", "bblr", "lahir")]
    + counts(
        "vital",
        "Mati bayi=mati_bayi, Mati balita=mati_balita, Mati ibu=mati_ibu, Semua kematian=mati, "
        "Posyandu belum entri=belum_entri",
    ),  # fmt: skip
    "Ibu hamil & nifas": counts(
        "ibu",
        "KF1=kf1, KF2=kf2, KF3=kf3, KF4=kf4, KN1=kn1, KN2=kn2, KN3=kn3, KEK mendapat MT=kek_mt, "
        "Ibu hamil=hamil, TTD >= 90=ttd_90",
    )
    + [share("% TTD >= 90", "ibu", "ttd_90", "hamil")],
    "Imunisasi": [Column(a, lambda r, a=a: r.imunisasi.dosis[a]) for a in ANTIGENS]
    + counts("imunisasi", "IDL=idl, Baduta lengkap=baduta_lengkap"),
    "Vitamin A": counts("imunisasi", "Sasaran 6–11 bln=vita_biru_sasaran, Biru diberi=vita_biru")
    + [share("% 6–11 bln", "imunisasi", "vita_biru", "vita_biru_sasaran")]
    + counts("imunisasi", "Sasaran 12–59 bln=vita_merah_sasaran, Merah diberi=vita_merah")
    + [share("% 12–59 bln", "imunisasi", "vita_merah", "vita_merah_sasaran")],
}

BOLD = Font(bold=True)
SUBTOTAL_FILL = PatternFill("solid", fgColor="E2EFDA")
TOTAL_FILL = PatternFill("solid", fgColor="C6E0B4")


@dataclass(frozen=True)
class Row:
    labels: tuple[str | None, ...]  # e.g. (desa, posyandu) or (puskesmas,)
    figures: PosyanduMonth
    kind: str = "row"  # row, subtotal or total


def printable(text: str | None) -> str | None:
    """The text without the control characters openpyxl refuses (an area name holding a
    control character pasted from another program would otherwise fail the whole recap)."""
    return text if text is None else ILLEGAL_CHARACTERS_RE.sub("", text)


def write_workbook(title: str, area: str, month: Month, label_headers: list[str], rows: list[Row],
                   on_sheet: Callable[[int], None] = lambda done: None) -> Workbook:  # fmt: skip
    book = Workbook()
    book.remove(book.active)
    for done, (sheet_name, columns) in enumerate(SHEETS.items(), start=1):
        sheet = book.create_sheet(sheet_name)
        xlsx_cell(sheet, 1, 1, f"{title} {printable(area)}: {sheet_name}").font = Font(bold=True, size=13)
        sheet["A2"] = f"Bulan {month}"
        headers = label_headers + [c.header for c in columns]
        for col, header in enumerate(headers, start=1):
            cell = sheet.cell(HEADER_ROW, col, header)
            cell.font = BOLD
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for r, row in enumerate(rows, start=HEADER_ROW + 1):
            _write_row(sheet, r, row, columns, len(label_headers))
        sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, len(label_headers) + 1)
        for col in range(1, len(headers) + 1):
            sheet.column_dimensions[get_column_letter(col)].width = 24 if col <= len(label_headers) else 12
        on_sheet(done)
    return book


def _write_row(sheet, r: int, row: Row, columns: list[Column], label_count: int) -> None:
    for col, label in enumerate(row.labels, start=1):
        xlsx_cell(sheet, r, col, printable(label))
    for col, column in enumerate(columns, start=label_count + 1):
        cell = sheet.cell(r, col, column.value(row.figures))
        cell.number_format = column.format
    if row.kind != "row":
        for col in range(1, label_count + len(columns) + 1):
            sheet.cell(r, col).font = BOLD
            sheet.cell(r, col).fill = TOTAL_FILL if row.kind == "total" else SUBTOTAL_FILL
