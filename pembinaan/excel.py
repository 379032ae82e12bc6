"""The lomba workbooks: the ranking of a round and a Posyandu's evidence pack (openpyxl, cells
through common.cells so no typed name becomes a formula; shares as exact fractions in 0.0%)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from common.cells import xlsx_cell

PERCENT = "0.0%"


def _sheet(book, title: str, heading: str, headers: list[str]):
    sheet = book.create_sheet(title)
    xlsx_cell(sheet, 1, 1, heading).font = Font(bold=True, size=12)
    for col, header in enumerate(headers, start=1):
        xlsx_cell(sheet, 3, col, header).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(col)].width = 14 if col > 1 else 28
    sheet.freeze_panes = "A4"
    return sheet


def _rows(sheet, rows, formats: dict[int, str] | None = None) -> None:
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            cell = xlsx_cell(sheet, r, c, value)
            if formats and c in formats:
                cell.number_format = formats[c]


def _share(n: int, d: int) -> float | None:
    return n / d if d else None


def _bytes(book) -> bytes:
    del book["Sheet"]
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def ranking_workbook(round, criteria, rows) -> bytes:
    book = Workbook()
    headers = ["Posyandu", "Desa", "Puskesmas", "Peringkat", "Total (0–100)"] + [c.kode for c in criteria]
    sheet = _sheet(book, "Peringkat", f"Peringkat {round} · {round.area}", headers)
    _rows(
        sheet,
        [
            [
                r.posyandu.nama,
                r.posyandu.desa.nama,
                r.posyandu.desa.puskesmas.nama,
                r.rank,
                None if r.total is None else float(r.total),
            ]
            + [r.scores.get(c.kode) for c in criteria]
            for r in rows
        ],
        {5: "0.00"},
    )
    bobot = _sheet(
        book, "Kriteria", f"Instrumen: {round.instrument}", ["Kode", "Kelompok", "Kriteria", "Bobot"]
    )
    _rows(bobot, [[c.kode, c.kelompok, c.nama, c.bobot] for c in criteria])
    return _bytes(book)


def evidence_workbook(ev) -> bytes:
    book = Workbook()
    title = f"{ev.posyandu.nama} · {ev.round}"
    identity = _sheet(book, "Identitas", f"Berkas bukti {title}", ["Data", "Isi"])
    sk = ev.sk
    _rows(
        identity,
        [
            ["Posyandu", ev.posyandu.nama],
            ["Desa/Kelurahan", ev.posyandu.desa.nama],
            ["Puskesmas", ev.posyandu.desa.puskesmas.nama if ev.posyandu.desa.puskesmas else ""],
            ["Strata", ev.posyandu.get_strata_display()],
            ["Hari buka tahun ini", ev.opening_days],
            ["SK (skor penilai)", sk.skor if sk else "belum dinilai"],
            ["Catatan SK", sk.alasan if sk else ""],
            ["Jumlah kader aktif", len(ev.kader)],
            *[["Kader", name] for name in ev.kader],
        ],
    )
    scores = _sheet(
        book, "Skor", title, ["Kriteria", "Bobot", "Skor", "Nilai dari data", "Skor dari data", "Alasan"]
    )
    _rows(
        scores,
        [
            [
                c.nama,
                c.bobot,
                s.skor if s else None,
                s.nilai_data if s else "",
                s.skor_data if s else None,
                s.alasan if s else "",
            ]
            for c, s in ev.scores
        ],
    )
    skdn = _sheet(book, "SKDN", title, ["Bulan", "Buka", "S", "K", "D", "N", "K/S", "D/S", "N/D"])
    _rows(
        skdn,
        [
            [
                str(m.month),
                "ya" if m.opened else "tidak",
                m.skdn.s,
                m.skdn.k,
                m.skdn.d,
                m.skdn.n,
                _share(m.skdn.k, m.skdn.s),
                _share(m.skdn.d, m.skdn.s),
                _share(m.skdn.n, m.skdn.d),
            ]
            for m in ev.months
        ],
        {7: PERCENT, 8: PERCENT, 9: PERCENT},
    )
    cover = _sheet(
        book,
        "Cakupan",
        title,
        ["Bulan", "Vitamin A", "Imunisasi", "Obat cacing", "Dirujuk", "Ditindaklanjuti"],
    )
    _rows(
        cover,
        [
            [
                str(m.month),
                m.layanan.vitamin_a,
                m.layanan.imunisasi,
                m.layanan.obat_cacing,
                m.rujukan.dirujuk,
                m.rujukan.ditindaklanjuti,
            ]
            for m in ev.months
        ],
    )
    coach = _sheet(book, "Pembinaan", title, ["Tanggal", "Kriteria", "Kegiatan", "Tindak lanjut", "Status"])
    _rows(
        coach,
        [
            [c.tanggal, c.criterion.nama, c.kegiatan, c.tindak_lanjut, c.get_status_display()]
            for c in ev.coachings
        ],
    )
    return _bytes(book)
