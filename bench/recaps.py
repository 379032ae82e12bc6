"""Recap builds on the generated district: wall time and peak memory of the Kab/Kota recap and of
one Puskesmas recap, and the ratio to a lower bound that computes the same figures as one raw SQL
statement and writes the same cells with openpyxl's write-only mode.

    bash bench/run.sh recaps
    python bench/recaps.py check [YYYY-MM [KODE]]   # the lower bound's figures against the recap's

Each build runs in its own process, so its peak RSS is its own.
"""

import json
import resource
import subprocess
import sys
import time

from benchlib import ROOT, cpu_reference, setup
from recap_lower_bound import lower_bound_params, lower_bound_sql


def lower_bound_figures(kab_kota, month):
    """The one statement's rows: [(Puskesmas name or None for the total, PosyanduMonth)] and the
    area's SKDN by sex and age band."""
    from django.db import connection

    from reports.imunisasi import ANTIGENS
    from reports.sections import PosyanduMonth
    from reports.selectors import BAND_KEYS
    from reports.skdn import Skdn

    with connection.cursor() as cursor:
        cursor.execute(lower_bound_sql(ANTIGENS), lower_bound_params(kab_kota, month))
        names = [c.name for c in cursor.description]
        rows = cursor.fetchall()
    result = []
    for row in rows:
        figures = PosyanduMonth.empty()
        for name, value in zip(names[1:-1], row[1:-1], strict=True):
            section, field, *antigen = name.split("__")
            if antigen:
                figures.imunisasi.dosis[antigen[0]] = value
            else:
                setattr(getattr(figures, section), field, value)
        result.append((row[0], figures))
    stored = json.loads(rows[-1][-1] or "{}")  # Django's connection leaves jsonb as text
    bands = {key: Skdn() for key in BAND_KEYS}  # a band without any balita reads 0, as in the recap
    bands |= {(key[0], int(key[1:])): Skdn(*counts) for key, counts in stored.items()}
    return result, bands


def build(kind: str) -> None:
    """Child process: build one recap and print its wall time and peak RSS."""
    setup()
    from registry.models import KabKota, Puskesmas
    from reports import services
    from reports.models import RecapKind
    from reports.period import Month
    from visits.models import Visit

    month = Month.of(Visit.objects.latest("tanggal").tanggal).previous
    start = time.perf_counter()
    if kind == "lower":
        lower_bound(KabKota.objects.get(kode="1899"), month)
    else:
        area = (
            KabKota.objects.get(kode="1899")
            if kind == "kabkota"
            else Puskesmas.objects.filter(nama__startswith="Puskesmas Uji").first()
        )
        recap, _ = services.mark_requested(kind=RecapKind.KABKOTA if kind == "kabkota" else RecapKind.PUSKESMAS,
                                           area=area, month=month)  # fmt: skip
        services.build(recap.pk)
    seconds = time.perf_counter() - start
    print(f"{seconds:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}")


def lower_bound(kab_kota, month) -> None:
    """The same figures from one SQL statement, written to the same cells (write-only mode)."""
    from openpyxl import Workbook

    from reports.excel import SHEETS
    from reports.imunisasi_excel import BAND_SHEET, SKDN_FIELDS
    from reports.skdn import AGE_BANDS

    rows, bands = lower_bound_figures(kab_kota, month)
    book = Workbook(write_only=True)
    for name, columns in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append([f"Rekap Kab/Kota {kab_kota}: {name}"])
        sheet.append([f"Bulan {month}"])
        sheet.append([])
        sheet.append(["Puskesmas"] + [c.header for c in columns])
        for label, figures in rows:
            sheet.append([label or "Total"] + [c.value(figures) for c in columns])
    sheet = book.create_sheet(BAND_SHEET)
    sheet.append([f"Rekap Kab/Kota {kab_kota}: {BAND_SHEET}"])
    sheet.append([f"Bulan {month}"])
    sheet.append([])
    sheet.append(["Umur (bulan)", "Jenis kelamin"] + [h for h, _ in SKDN_FIELDS])
    for band, (low, high) in enumerate(AGE_BANDS):
        for sex in "LP":
            cell = bands[(sex, band)]
            sheet.append([f"{low}–{high}", sex] + [getattr(cell, attr) for _, attr in SKDN_FIELDS])
    book.save(ROOT / "media" / "lower-bound.xlsx")


def check(month_key: str = "", kode: str = "1899") -> None:
    """Print every recap column (per Puskesmas and total) whose lower-bound figure differs; exit 1
    if any does. The recap's rows come from reports.recaps.kabkota_rows, as services.build reads them."""
    setup()
    from registry.models import KabKota
    from reports import recaps
    from reports.excel import SHEETS
    from reports.imunisasi_excel import SKDN_FIELDS
    from reports.period import Month
    from visits.models import Visit

    kab = KabKota.objects.get(kode=kode)
    month = Month.parse(month_key, Month.of(Visit.objects.latest("tanggal").tanggal).previous)
    recap_rows, recap_bands = recaps.kabkota_rows(kab, month)
    lower_rows, lower_bands = lower_bound_figures(kab, month)
    labels = [(r.labels[0], label or "Total") for r, (label, _) in zip(recap_rows, lower_rows, strict=False)]
    differing = [] if len(recap_rows) == len(lower_rows) and all(a == b for a, b in labels) else [labels]
    for sheet, columns in SHEETS.items():
        for column in columns:
            pairs = [
                (r.labels[0], column.value(r.figures), column.value(f))
                for r, (_, f) in zip(recap_rows, lower_rows, strict=False)
            ]
            wrong = [pair for pair in pairs if pair[1] != pair[2]]
            if wrong:
                differing.append(f"{sheet} / {column.header}: {len(wrong)} rows differ, e.g. {wrong[:3]}")
    for key, cell in sorted(recap_bands.items()):
        for header, attr in SKDN_FIELDS:
            if getattr(cell, attr) != getattr(lower_bands[key], attr):
                differing.append(f"SKDN umur x JK {key} {header}: recap {getattr(cell, attr)}, "
                                 f"lower bound {getattr(lower_bands[key], attr)}")  # fmt: skip
    totals = recap_rows[-1].figures
    print(
        f"{kab} {month}: {len(recap_rows)} rows; total S {totals.skdn.s}, D {totals.skdn.d}, "
        f"visits {totals.kelompok.total}, doses {sum(totals.imunisasi.dosis.values())}, "
        f"vitamin A sasaran {totals.imunisasi.vita_biru_sasaran + totals.imunisasi.vita_merah_sasaran}"
    )
    columns = sum(len(c) for c in SHEETS.values())
    print("\n".join(map(str, differing)) or f"equal: all {columns} columns of {len(SHEETS)} sheets in every row, "
          f"and the {len(recap_bands) * len(SKDN_FIELDS)} cells of SKDN umur x JK")  # fmt: skip
    sys.exit(1 if differing else 0)


def run(kind: str) -> tuple[float, int]:
    out = subprocess.run([sys.executable, __file__, kind], capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(rss)


def scale_labels() -> dict[str, str]:
    """The recaps' labels with the generated district's real size."""
    setup()
    from registry.models import Posyandu, Puskesmas

    first = Puskesmas.objects.filter(nama__startswith="Puskesmas Uji").order_by("pk").first()
    in_kab = Posyandu.objects.filter(desa__kecamatan__kab_kota__kode="1899")
    return {
        "kabkota": f"Kab/Kota recap ({Puskesmas.objects.filter(kab_kota__kode='1899').count()} Puskesmas, "
        f"{in_kab.count()} Posyandu)",
        "puskesmas": f"Puskesmas recap ({in_kab.filter(desa__puskesmas=first).count()} Posyandu)",
    }


def main() -> None:
    (ROOT / "media").mkdir(exist_ok=True)
    print("command: bash bench/run.sh recaps")
    print(cpu_reference())
    labels = scale_labels()
    lower, lower_rss = run("lower")
    for kind, label in labels.items():
        seconds, rss = run(kind)
        print(f"{label}: {seconds:.2f} s, peak RSS {rss} MB")
    kab, _ = run("kabkota")
    print(f"lower bound (one raw SQL query + write-only openpyxl): {lower:.2f} s, peak RSS {lower_rss} MB")
    print(f"Kab/Kota recap (second build) / lower bound: {kab / lower:.1f}x")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "check":
        check(*sys.argv[2:4])
    elif len(sys.argv) > 1:
        build(sys.argv[1])
    else:
        main()
