"""Recap builds on the generated district: wall time and peak memory of the Kab/Kota recap and of
one Puskesmas recap, and the ratio to a lower bound that runs the aggregation as one raw SQL
query and writes the same number of cells with openpyxl's write-only mode.

    bash bench/run.sh recaps

Each build runs in its own process, so its peak RSS is its own.
"""

import resource
import subprocess
import sys
import time

from benchlib import ROOT, cpu_reference, setup

LOWER_BOUND_SQL = """
WITH s AS (
  SELECT h.posyandu_id, count(*) AS s, count(*) FILTER (WHERE p.buku_kia) AS k
  FROM registry_person p JOIN registry_household h ON h.id = p.household_id
  WHERE p.tanggal_lahir <= %(last)s AND p.tanggal_lahir > %(cut)s GROUP BY 1),
m AS (
  SELECT v.posyandu_id, count(*) AS d, count(*) FILTER (WHERE m.kms = 'N') AS n,
    count(*) FILTER (WHERE m.kms = 'T') AS t, count(*) FILTER (WHERE m.kms = 'O') AS o,
    count(*) FILTER (WHERE m.kms = 'B') AS b, count(*) FILTER (WHERE m.two_t) AS two_t,
    count(*) FILTER (WHERE m.bgm) AS bgm,
    count(*) FILTER (WHERE m.z_pbu IS NOT NULL AND m.implausible !~ '(^|;)pbu(;|$)') AS diukur_pbu,
    count(*) FILTER (WHERE m.z_pbu < -2 AND m.implausible !~ '(^|;)pbu(;|$)') AS stunting,
    count(*) FILTER (WHERE m.z_bbpb IS NOT NULL AND m.implausible !~ '(^|;)bbpb(;|$)') AS diukur_bbpb,
    count(*) FILTER (WHERE m.z_bbpb < -2 AND m.implausible !~ '(^|;)bbpb(;|$)') AS wasting,
    count(*) FILTER (WHERE m.z_bbu < -2 AND m.implausible !~ '(^|;)bbu(;|$)') AS underweight
  FROM visits_measurement m JOIN visits_visit v ON v.id = m.visit_id
  WHERE v.tanggal BETWEEN %(first)s AND %(last)s AND m.kms <> '' GROUP BY 1),
va AS (
  SELECT v.posyandu_id, ms.sistol, ms.diastol, ms.gula_darah, ms.lila_cm, c.kunjungan_anc, c.ttd_tablet,
    (date_part('year', age(v.tanggal, p.tanggal_lahir)) * 12 + date_part('month', age(v.tanggal, p.tanggal_lahir))) AS months,
    (p.jenis_kelamin = 'P' AND p.hpht <= v.tanggal AND p.hpht >= v.tanggal - 308
      AND (p.tanggal_persalinan IS NULL OR p.tanggal_persalinan < p.hpht)) AS hamil,
    (p.jenis_kelamin = 'P' AND p.tanggal_persalinan <= v.tanggal AND p.tanggal_persalinan >= v.tanggal - 731) AS nifas
  FROM visits_visit v JOIN registry_person p ON p.id = v.person_id
  LEFT JOIN visits_measurement ms ON ms.visit_id = v.id LEFT JOIN visits_care c ON c.visit_id = v.id
  WHERE v.tanggal BETWEEN %(first)s AND %(last)s),
v AS (
  SELECT posyandu_id, count(*) AS visits,
    count(*) FILTER (WHERE months < 60) AS balita, count(*) FILTER (WHERE months >= 60 AND months < 72) AS pra,
    count(*) FILTER (WHERE months >= 72 AND months < 216) AS remaja,
    count(*) FILTER (WHERE months >= 216 AND months < 720) AS dewasa, count(*) FILTER (WHERE months >= 720) AS lansia,
    count(*) FILTER (WHERE hamil) AS hamil, count(*) FILTER (WHERE nifas) AS nifas,
    count(*) FILTER (WHERE months >= 216 AND sistol IS NOT NULL) AS td,
    count(*) FILTER (WHERE months >= 216 AND (sistol >= 140 OR diastol >= 90)) AS hipertensi,
    count(*) FILTER (WHERE months >= 216 AND gula_darah >= 200) AS gula,
    count(*) FILTER (WHERE hamil AND lila_cm < 23.5) AS kek, count(*) FILTER (WHERE hamil AND kunjungan_anc >= 1) AS k1,
    count(*) FILTER (WHERE hamil AND kunjungan_anc >= 6) AS k6, count(*) FILTER (WHERE hamil AND ttd_tablet > 0) AS ttd
  FROM va GROUP BY 1),
r AS (
  SELECT v.posyandu_id, count(*) AS alasan, count(DISTINCT v.person_id) AS dirujuk,
    count(*) FILTER (WHERE r.ditindaklanjuti_at IS NOT NULL) AS ditindaklanjuti
  FROM visits_referral r JOIN visits_visit v ON v.id = r.visit_id
  WHERE v.tanggal BETWEEN %(first)s AND %(last)s GROUP BY 1)
SELECT d.puskesmas_id, s.s, s.k, m.d, m.n, m.t, m.o, m.b, m.two_t, m.bgm, m.diukur_pbu, m.stunting,
       m.diukur_bbpb, m.wasting, m.underweight, v.visits, v.balita, v.pra, v.remaja, v.dewasa, v.lansia,
       v.hamil, v.nifas, v.td, v.hipertensi, v.gula, v.kek, v.k1, v.k6, v.ttd, r.alasan, r.dirujuk, r.ditindaklanjuti
FROM registry_posyandu p JOIN registry_desa d ON d.id = p.desa_id
JOIN registry_kecamatan kc ON kc.id = d.kecamatan_id
LEFT JOIN s ON s.posyandu_id = p.id LEFT JOIN m ON m.posyandu_id = p.id
LEFT JOIN v ON v.posyandu_id = p.id LEFT JOIN r ON r.posyandu_id = p.id
WHERE kc.kab_kota_id = %(kab)s
"""


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
    from django.db import connection
    from openpyxl import Workbook

    from registry.lifecycle import months_before
    from reports.excel import SHEETS

    with connection.cursor() as cursor:
        cursor.execute(LOWER_BOUND_SQL, {"first": month.first, "last": month.last,
                                         "cut": months_before(month.first, 60), "kab": kab_kota.pk})  # fmt: skip
        rows = cursor.fetchall()
    by_puskesmas = {}
    for row in rows:
        sums = by_puskesmas.setdefault(row[0], [0] * (len(row) - 1))
        for i, value in enumerate(row[1:]):
            sums[i] += value or 0
    book = Workbook(write_only=True)
    for name, columns in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append([f"Rekap {kab_kota}: {name}"])
        sheet.append([f"Bulan {month}"])
        sheet.append([])
        sheet.append(["Puskesmas"] + [c.header for c in columns])
        for pid, sums in sorted(by_puskesmas.items()):
            sheet.append([pid] + [sums[i % len(sums)] for i in range(len(columns))])
    book.save(ROOT / "media" / "lower-bound.xlsx")


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
    if len(sys.argv) > 1:
        build(sys.argv[1])
    else:
        main()
