"""The recap benchmark's lower bound (bench/recaps.py): every figure of the Kab/Kota recap
(reports.services.build → reports.recaps.kabkota_rows: each sheet of reports.excel.SHEETS and the
sheet SKDN umur x JK) computed by one raw SQL statement, with the recap's definitions: the same
tables and rows, the same residence rule (a person counts where the household lived at the
month's end), the same exclusions of the dead and departed, the same age bands and limits (taken
from the rules modules, not copied). A CTE per group of figures, grouped by Posyandu, then summed
per Puskesmas and for the total in the same statement. `python bench/recaps.py check` proves the
figures equal.

What it leaves out, because the recap needs it only for a closed month: the snapshots of tutup
bulan (one small query; the generated district has none).
"""

NIFAS_KINDS = ("KF1", "KF2", "KF3", "KF4", "KN1", "KN2", "KN3")  # reports.ibu.NIFAS_KINDS


def _months(on: str, born: str) -> str:
    """Completed months from `born` to `on` in SQL (reports.lifecycle_sql.completed_months)."""
    part = lambda p, d: f"date_part('{p}', {d})::integer"  # noqa: E731
    return (f"(({part('year', on)} * 12 + {part('month', on)}) - ({part('year', born)} * 12 + "
            f"{part('month', born)}) - ({part('day', on)} < {part('day', born)})::integer)")  # fmt: skip


def _reached(born: str, months: str) -> str:
    """The first day a child born on `born` has completed `months` (immunisation_rules.age_reached):
    PostgreSQL clamps Jan 31 + 1 month to Feb 28; the rule then takes the day after."""
    later = f"({born} + make_interval(months => {months}))::date"
    return (
        f"(CASE WHEN date_part('day', {later}) = date_part('day', {born}) THEN {later} ELSE {later} + 1 END)"
    )


# Still counted in the month (registry.selectors.counted_in_month_q): not dead before its first
# day, not departed before it unless back by its last day.
COUNTED = """NOT EXISTS (SELECT 1 FROM registry_death x WHERE x.person_id = p.id AND x.tanggal < %(first)s)
    AND NOT EXISTS (SELECT 1 FROM registry_departure x WHERE x.person_id = p.id AND x.tanggal < %(first)s
                    AND (x.aktif_kembali IS NULL OR x.aktif_kembali > %(last)s))"""
# A balita of the month, S (reports.selectors.balita_in_month).
BALITA = f"p.tanggal_lahir <= %(last)s AND p.tanggal_lahir > %(cut)s AND {COUNTED}"
# The SKDN age band on the month's last day (reports.selectors.band_case).
BAND = """CASE WHEN p.tanggal_lahir > %(band0)s THEN 0 WHEN p.tanggal_lahir > %(band1)s THEN 1
    WHEN p.tanggal_lahir > %(band2)s THEN 2 WHEN p.tanggal_lahir > %(band3)s THEN 3 ELSE 4 END"""
# The 13 weighing counts of SKDN and gizi; implausible z-scores left out (reports.selectors).
OK = {name: f"m.implausible !~ '(^|;){name}(;|$)'" for name in ("bbu", "pbu", "bbpb")}
WEIGHED = f"""count(*) AS d, count(*) FILTER (WHERE m.kms = 'N') AS n,
    count(*) FILTER (WHERE m.kms = 'T') AS t, count(*) FILTER (WHERE m.kms = 'O') AS o,
    count(*) FILTER (WHERE m.kms = 'B') AS b,
    count(*) FILTER (WHERE m.two_t) AS two_t, count(*) FILTER (WHERE m.bgm) AS bgm,
    count(*) FILTER (WHERE m.z_bbu IS NOT NULL AND {OK["bbu"]}) AS diukur_bbu,
    count(*) FILTER (WHERE m.z_bbu < %(underweight)s AND {OK["bbu"]}) AS underweight,
    count(*) FILTER (WHERE m.z_pbu IS NOT NULL AND {OK["pbu"]}) AS diukur_pbu,
    count(*) FILTER (WHERE m.z_pbu < %(stunting)s AND {OK["pbu"]}) AS stunting,
    count(*) FILTER (WHERE m.z_bbpb IS NOT NULL AND {OK["bbpb"]}) AS diukur_bbpb,
    count(*) FILTER (WHERE m.z_bbpb < %(wasting)s AND {OK["bbpb"]}) AS wasting,
    count(*) FILTER (WHERE m.z_bbpb > %(overweight)s AND {OK["bbpb"]}) AS overweight"""
SKDN = ["s", "k", "d", "n", "t", "o", "b", "two_t", "bgm"]
GIZI = ["diukur_bbu", "underweight", "diukur_pbu", "stunting", "diukur_bbpb", "wasting", "overweight"]
HAMIL = """p.jenis_kelamin = 'P' AND p.hpht <= v.tanggal AND (((p.tanggal_persalinan IS NULL
    OR p.tanggal_persalinan < p.hpht) AND p.hpht >= v.tanggal - %(max_hamil)s)
    OR (p.tanggal_persalinan > v.tanggal AND p.tanggal_persalinan >= p.hpht))"""
NIFAS = """p.jenis_kelamin = 'P' AND p.tanggal_persalinan <= v.tanggal
    AND p.tanggal_persalinan >= v.tanggal - %(menyusui)s
    AND NOT coalesce(p.hpht > p.tanggal_persalinan AND p.hpht <= v.tanggal, false)"""

LOWER_BOUND_SQL = f"""
WITH pos AS (  -- the Kab/Kota's Posyandu that have a Puskesmas (reports.recaps.kabkota_rows)
  SELECT p.id, d.puskesmas_id FROM registry_posyandu p JOIN registry_desa d ON d.id = p.desa_id
  JOIN registry_kecamatan kc ON kc.id = d.kecamatan_id
  WHERE kc.kab_kota_id = %(kab)s AND d.puskesmas_id IS NOT NULL),
home AS (  -- a household's Posyandu at the month's end: the one it left in its first move after
           -- that day, else its own (reports.attribution.posyandu_at_month_end)
  SELECT h.id, pos.id AS posyandu_id FROM registry_household h
  LEFT JOIN (SELECT DISTINCT ON (household_id) household_id, dari_posyandu_id FROM registry_householdmove
             WHERE tanggal > %(last)s ORDER BY household_id, tanggal, id) mv ON mv.household_id = h.id
  JOIN pos ON pos.id = coalesce(mv.dari_posyandu_id, h.posyandu_id)),
sk AS (  -- S and K by Posyandu at the month's end, sex and age band (balita_counts)
  SELECT hm.posyandu_id, p.jenis_kelamin AS sex, {BAND} AS band,
    count(*) AS s, count(*) FILTER (WHERE p.buku_kia) AS k
  FROM registry_person p JOIN home hm ON hm.id = p.household_id WHERE {BALITA} GROUP BY 1, 2, 3),
dn AS (  -- D, N, T, O, B, 2T, BGM and gizi of the month's weighings with a KMS code of those
         -- balita, by where they live, sex and band (weighed_counts)
  SELECT hm.posyandu_id, p.jenis_kelamin AS sex, {BAND} AS band, {WEIGHED}
  FROM visits_measurement m JOIN visits_visit v ON v.id = m.visit_id
  JOIN registry_person p ON p.id = v.person_id JOIN home hm ON hm.id = p.household_id
  WHERE v.tanggal BETWEEN %(first)s AND %(last)s AND m.kms <> '' AND {BALITA} GROUP BY 1, 2, 3),
cells AS (  -- both on one row per (Posyandu, sex, band): SKDN umur x JK
  SELECT * FROM sk FULL JOIN dn USING (posyandu_id, sex, band)),
skdn AS (  -- sheets SKDN and Status gizi: a Posyandu's SKDN is the sum of its bands
  SELECT posyandu_id, {", ".join(f"sum({c}) AS {c}" for c in SKDN + GIZI)} FROM cells GROUP BY 1),
bands AS (  -- sheet SKDN umur x JK: the area's bands
  SELECT jsonb_object_agg(sex || band, jsonb_build_array({", ".join(SKDN)})) AS bands FROM (
    SELECT sex, band, {", ".join(f"coalesce(sum({c}), 0) AS {c}" for c in SKDN)} FROM cells GROUP BY 1, 2) x),
layanan AS (  -- sheet Layanan: care given at visits of the month, where the visit was
  SELECT v.posyandu_id, count(*) FILTER (WHERE c.vitamin_a <> '') AS vitamin_a,
    count(*) FILTER (WHERE c.imunisasi <> '[]'::jsonb) AS imunisasi,
    count(*) FILTER (WHERE c.obat_cacing) AS obat_cacing, count(*) FILTER (WHERE c.ttd_tablet > 0) AS ttd
  FROM visits_care c JOIN visits_visit v ON v.id = c.visit_id JOIN pos ON pos.id = v.posyandu_id
  WHERE v.tanggal BETWEEN %(first)s AND %(last)s GROUP BY 1),
pmt AS (  -- sheet Layanan, PMT: counselling with PMT at visits of the month
  SELECT v.posyandu_id, count(*) AS pmt FROM visits_counselling c JOIN visits_visit v ON v.id = c.visit_id
  JOIN pos ON pos.id = v.posyandu_id
  WHERE c.pmt AND v.tanggal BETWEEN %(first)s AND %(last)s GROUP BY 1),
rujukan AS (  -- sheet Rujukan: referrals made at visits of the month
  SELECT v.posyandu_id, count(DISTINCT v.person_id) AS dirujuk, count(*) AS alasan,
    count(*) FILTER (WHERE r.ditindaklanjuti_at IS NOT NULL) AS ditindaklanjuti,
    count(*) FILTER (WHERE r.dibatalkan_at IS NOT NULL) AS dibatalkan
  FROM visits_referral r JOIN visits_visit v ON v.id = r.visit_id JOIN pos ON pos.id = v.posyandu_id
  WHERE v.tanggal BETWEEN %(first)s AND %(last)s GROUP BY 1),
va AS MATERIALIZED (  -- each visit of the month (not deleted) with the person's age and pregnancy
                      -- on its day, computed once a visit (inlined, every FILTER below recomputed them)
  SELECT v.posyandu_id, p.jenis_kelamin, m.sistol, m.diastol, m.gula_darah, m.berat_kg, m.tinggi_cm,
    m.lila_cm, m.hb, c.id AS care_id, c.gejala_tbc, c.ttd_tablet, c.kunjungan_anc, c.vitamin_a_nifas,
    {_months("v.tanggal", "p.tanggal_lahir")} AS months,
    {_months("v.tanggal", "p.tanggal_lahir")} >= %(ptm)s AS ptm,
    coalesce({HAMIL}, false) AS hamil, coalesce({NIFAS}, false) AS nifas
  FROM visits_visit v JOIN pos ON pos.id = v.posyandu_id JOIN registry_person p ON p.id = v.person_id
  LEFT JOIN visits_measurement m ON m.visit_id = v.id LEFT JOIN visits_care c ON c.visit_id = v.id
  WHERE v.dihapus_at IS NULL AND v.tanggal BETWEEN %(first)s AND %(last)s),
kunjungan AS (  -- sheets Kunjungan, Skrining PTM (ptm: 15 years and over) and KIA (visit_sections)
  SELECT posyandu_id, count(*) AS total, count(*) FILTER (WHERE hamil) AS ibu_hamil,
    count(*) FILTER (WHERE nifas) AS ibu_nifas_menyusui,
    count(*) FILTER (WHERE months >= 0 AND months < %(balita)s) AS bayi_balita,
    count(*) FILTER (WHERE months >= %(balita)s AND months < %(prasekolah)s) AS anak_prasekolah,
    count(*) FILTER (WHERE months >= %(prasekolah)s AND months < %(remaja)s) AS usia_sekolah_remaja,
    count(*) FILTER (WHERE months >= %(remaja)s AND months < %(lansia)s) AS usia_dewasa,
    count(*) FILTER (WHERE months >= %(lansia)s AND months < 100000) AS lansia,
    count(*) FILTER (WHERE ptm) AS dewasa_datang,
    count(*) FILTER (WHERE ptm AND sistol IS NOT NULL) AS td_diukur,
    count(*) FILTER (WHERE ptm AND (sistol >= %(sys)s OR diastol >= %(dia)s
      OR (months < %(adult_bp)s AND NOT hamil
          AND (sistol >= %(sys_remaja)s OR diastol >= %(dia_remaja)s)))) AS hipertensi,
    count(*) FILTER (WHERE ptm AND gula_darah IS NOT NULL) AS gula_diukur,
    count(*) FILTER (WHERE ptm AND gula_darah >= %(gula)s) AS gula_tinggi,
    count(*) FILTER (WHERE ptm AND berat_kg IS NOT NULL AND tinggi_cm IS NOT NULL) AS imt_diukur,
    count(*) FILTER (WHERE ptm AND berat_kg >= %(imt)s * tinggi_cm * tinggi_cm) AS obesitas,
    count(*) FILTER (WHERE ptm AND care_id IS NOT NULL
      AND NOT coalesce(gejala_tbc = '[]'::jsonb, false)) AS terduga_tbc,
    count(*) FILTER (WHERE hamil AND lila_cm < %(kek)s) AS kek,
    count(*) FILTER (WHERE hamil AND (sistol >= %(sys)s OR diastol >= %(dia)s)) AS td_tinggi,
    count(*) FILTER (WHERE hamil AND ttd_tablet > 0) AS ttd,
    count(*) FILTER (WHERE hamil AND kunjungan_anc >= 1) AS k1,
    count(*) FILTER (WHERE hamil AND kunjungan_anc >= 4) AS k4,
    count(*) FILTER (WHERE hamil AND kunjungan_anc >= 6) AS k6,
    count(*) FILTER (WHERE nifas AND vitamin_a_nifas) AS vitamin_a_nifas,
    count(*) FILTER (WHERE hamil AND hb IS NOT NULL) AS hb_hamil_diperiksa,
    count(*) FILTER (WHERE hamil AND hb < %(hb_hamil)s) AS anemia_hamil,
    count(*) FILTER (WHERE jenis_kelamin = 'P' AND months >= %(rp_low)s AND months < %(rp_high)s
      AND NOT hamil AND hb IS NOT NULL) AS hb_remaja_putri_diperiksa,
    count(*) FILTER (WHERE jenis_kelamin = 'P' AND months >= %(rp_low)s AND months < %(rp_high)s
      AND NOT hamil AND hb < %(hb_remaja)s) AS anemia_remaja_putri
  FROM va GROUP BY 1),
lahir AS (  -- sheet Lahir & mati: births of the month, where the child lives at its end (vital_counts)
  SELECT hm.posyandu_id, count(*) AS lahir, count(*) FILTER (WHERE b.berat_lahir_gram < %(bblr)s) AS bblr
  FROM registry_birth b JOIN registry_person p ON p.id = b.child_id JOIN home hm ON hm.id = p.household_id
  WHERE p.tanggal_lahir BETWEEN %(first)s AND %(last)s GROUP BY 1),
mati AS (  -- sheet Lahir & mati: deaths of the month by age in completed months, likewise
  SELECT hm.posyandu_id, count(*) AS mati,
    count(*) FILTER (WHERE {_months("x.tanggal", "p.tanggal_lahir")} < %(bayi)s) AS mati_bayi,
    count(*) FILTER (WHERE {_months("x.tanggal", "p.tanggal_lahir")} < %(balita)s) AS mati_balita,
    count(*) FILTER (WHERE x.kematian_ibu) AS mati_ibu
  FROM registry_death x JOIN registry_person p ON p.id = x.person_id JOIN home hm ON hm.id = p.household_id
  WHERE x.tanggal BETWEEN %(first)s AND %(last)s GROUP BY 1),
entri AS (  -- sheet Lahir & mati, Posyandu belum entri: a Posyandu with a visit of the month entered
  SELECT DISTINCT posyandu_id FROM visits_visit
  WHERE posyandu_id IN (SELECT id FROM pos) AND dihapus_at IS NULL
    AND tanggal BETWEEN %(first)s AND %(last)s),
nifas AS (  -- sheet Ibu hamil & nifas, KF1–KF4, KN1–KN3: contacts of the month, by the mother's
            -- household now (selectors_ibu.ibu_month)
  SELECT h.posyandu_id,
    {", ".join(f"count(*) FILTER (WHERE n.jenis = '{k}') AS {k.lower()}" for k in NIFAS_KINDS)}
  FROM visits_postnatalcontact n JOIN visits_pregnancy pg ON pg.id = n.kehamilan_id
  JOIN registry_person p ON p.id = pg.ibu_id JOIN registry_household h ON h.id = p.household_id
  JOIN pos ON pos.id = h.posyandu_id
  WHERE n.tanggal BETWEEN %(first)s AND %(last)s GROUP BY 1),
mt AS (  -- sheet Ibu hamil & nifas: pregnancies given MT in the month
  SELECT h.posyandu_id, count(DISTINCT f.kehamilan_id) AS kek_mt
  FROM visits_supplementaryfood f JOIN visits_pregnancy pg ON pg.id = f.kehamilan_id
  JOIN registry_person p ON p.id = pg.ibu_id JOIN registry_household h ON h.id = p.household_id
  JOIN pos ON pos.id = h.posyandu_id
  WHERE f.tanggal BETWEEN %(first)s AND %(last)s GROUP BY 1),
episode AS (  -- each pregnancy open in the month with its TTD tablets from HPHT to the month's end
              -- or its outcome (selectors_ibu._ttd_rows)
  SELECT h.posyandu_id, coalesce(sum(c.ttd_tablet) FILTER (WHERE v.dihapus_at IS NULL AND v.tanggal >= pg.hpht
    AND v.tanggal <= %(last)s AND (pg.tanggal_hasil IS NULL OR v.tanggal <= pg.tanggal_hasil)), 0) AS ttd
  FROM visits_pregnancy pg JOIN registry_person p ON p.id = pg.ibu_id
  JOIN registry_household h ON h.id = p.household_id
  JOIN pos ON pos.id = h.posyandu_id
  LEFT JOIN visits_visit v ON v.person_id = p.id LEFT JOIN visits_care c ON c.visit_id = v.id
  WHERE pg.hpht <= %(last)s AND (pg.tanggal_hasil IS NULL OR pg.tanggal_hasil >= %(first)s)
  GROUP BY pg.id, 1),
ttd AS (  -- sheet Ibu hamil & nifas: ibu hamil, TTD >= 90
  SELECT posyandu_id, count(*) AS hamil, count(*) FILTER (WHERE ttd >= %(ttd_target)s) AS ttd_90
  FROM episode GROUP BY 1),
dosis AS (  -- sheet Imunisasi: doses of the month per antigen, where the child lives at its end
  SELECT hm.posyandu_id, {{dose_columns}}
  FROM visits_dose x JOIN registry_person p ON p.id = x.person_id JOIN home hm ON hm.id = p.household_id
  WHERE x.tanggal BETWEEN %(first)s AND %(last)s GROUP BY 1),
series AS (  -- each child given an IDL or baduta dose this month: its doses and last date per series
  SELECT hm.posyandu_id, p.tanggal_lahir,
    count(*) FILTER (WHERE x.antigen = ANY(%(idl)s)) AS idl_n,
    max(x.tanggal) FILTER (WHERE x.antigen = ANY(%(idl)s)) AS idl_last,
    count(*) FILTER (WHERE x.antigen = ANY(%(baduta)s)) AS baduta_n,
    max(x.tanggal) FILTER (WHERE x.antigen = ANY(%(baduta)s)) AS baduta_last
  FROM visits_dose x JOIN registry_person p ON p.id = x.person_id JOIN home hm ON hm.id = p.household_id
  WHERE x.antigen = ANY(%(idl)s || %(baduta)s) AND x.person_id IN (SELECT person_id FROM visits_dose
    WHERE antigen = ANY(%(idl)s || %(baduta)s) AND tanggal BETWEEN %(first)s AND %(last)s)
  GROUP BY x.person_id, 1, 2),
lengkap AS (  -- sheet Imunisasi: IDL and baduta lengkap reached this month (series complete, the last
              -- dose in the month and before 12 / 24 months)
  SELECT posyandu_id, count(*) FILTER (WHERE idl_n = cardinality(%(idl)s) AND idl_last BETWEEN %(first)s
      AND %(last)s AND idl_last < {_reached("tanggal_lahir", "%(idl_months)s")}) AS idl,
    count(*) FILTER (WHERE baduta_n = cardinality(%(baduta)s) AND baduta_last BETWEEN %(first)s
      AND %(last)s AND baduta_last < {_reached("tanggal_lahir", "%(baduta_months)s")}) AS baduta_lengkap
  FROM series GROUP BY 1),
vita AS (  -- sheet Vitamin A, February and August only: children 6–59 months on the month's last
           -- day, counted in it, by their household now; given = a capsule at a visit of the month
  SELECT h.posyandu_id, count(*) FILTER (WHERE biru) AS vita_biru_sasaran,
    count(*) FILTER (WHERE biru AND diberi) AS vita_biru,
    count(*) FILTER (WHERE NOT biru) AS vita_merah_sasaran,
    count(*) FILTER (WHERE NOT biru AND diberi) AS vita_merah
  FROM (SELECT p.household_id, {_months("%(last)s::date", "p.tanggal_lahir")} < %(biru_until)s AS biru,
          EXISTS (SELECT 1 FROM visits_care c JOIN visits_visit v ON v.id = c.visit_id
            WHERE v.person_id = p.id AND v.tanggal BETWEEN %(first)s AND %(last)s
              AND v.dihapus_at IS NULL AND c.vitamin_a <> '') AS diberi
        FROM registry_person p WHERE %(vitamin_a_round)s AND p.tanggal_lahir <= %(vita_from)s
          AND p.tanggal_lahir > %(vita_until)s AND {COUNTED}) x
  JOIN registry_household h ON h.id = x.household_id JOIN pos ON pos.id = h.posyandu_id GROUP BY 1)
SELECT pk.nama, {{sum_columns}}, (SELECT bands FROM bands) AS bands
FROM registry_puskesmas pk LEFT JOIN pos ON pos.puskesmas_id = pk.id
LEFT JOIN skdn ON skdn.posyandu_id = pos.id LEFT JOIN layanan ON layanan.posyandu_id = pos.id
LEFT JOIN pmt ON pmt.posyandu_id = pos.id LEFT JOIN rujukan ON rujukan.posyandu_id = pos.id
LEFT JOIN kunjungan ON kunjungan.posyandu_id = pos.id LEFT JOIN lahir ON lahir.posyandu_id = pos.id
LEFT JOIN mati ON mati.posyandu_id = pos.id LEFT JOIN entri ON entri.posyandu_id = pos.id
LEFT JOIN nifas ON nifas.posyandu_id = pos.id LEFT JOIN mt ON mt.posyandu_id = pos.id
LEFT JOIN ttd ON ttd.posyandu_id = pos.id LEFT JOIN dosis ON dosis.posyandu_id = pos.id
LEFT JOIN lengkap ON lengkap.posyandu_id = pos.id LEFT JOIN vita ON vita.posyandu_id = pos.id
WHERE pk.kab_kota_id = %(kab)s
GROUP BY GROUPING SETS ((pk.id, pk.nama), ()) ORDER BY GROUPING(pk.id), pk.nama
"""


# Where each figure of the recap's sheets comes from: (section of reports.sections, CTE, its
# columns); "column:field" where the section's field has another name.
FIGURES = [
    ("skdn", "skdn", SKDN),
    ("gizi", "skdn", GIZI),
    ("kelompok", "kunjungan", ["total", "ibu_hamil", "ibu_nifas_menyusui", "bayi_balita", "anak_prasekolah",
                               "usia_sekolah_remaja", "usia_dewasa", "lansia"]),
    ("layanan", "layanan", ["vitamin_a", "imunisasi", "obat_cacing", "ttd"]),
    ("layanan", "pmt", ["pmt"]),
    ("skrining", "kunjungan", ["dewasa_datang", "td_diukur", "hipertensi", "gula_diukur", "gula_tinggi",
                               "imt_diukur", "obesitas", "terduga_tbc"]),
    ("rujukan", "rujukan", ["dirujuk", "alasan", "ditindaklanjuti", "dibatalkan"]),
    ("kia", "kunjungan", ["ibu_hamil:ibu_hamil_datang", "kek", "td_tinggi", "ttd", "k1", "k4", "k6",
                          "ibu_nifas_menyusui:nifas_datang", "vitamin_a_nifas", "hb_hamil_diperiksa",
                          "anemia_hamil", "hb_remaja_putri_diperiksa", "anemia_remaja_putri"]),
    ("vital", "lahir", ["lahir", "bblr"]),
    ("vital", "mati", ["mati_bayi", "mati_balita", "mati_ibu", "mati"]),
    ("ibu", "nifas", [kind.lower() for kind in NIFAS_KINDS]),
    ("ibu", "mt", ["kek_mt"]),
    ("ibu", "ttd", ["hamil", "ttd_90"]),
    ("imunisasi", "lengkap", ["idl", "baduta_lengkap"]),
    ("imunisasi", "vita", ["vita_biru_sasaran", "vita_biru", "vita_merah_sasaran", "vita_merah"]),
]  # fmt: skip


def lower_bound_sql(antigens: list[str]) -> str:
    """LOWER_BOUND_SQL with a column per antigen and the per-Puskesmas sums of every figure."""
    sums = [
        f'coalesce(sum({cte}.{column}), 0)::bigint AS "{section}__{field or column}"'
        for section, cte, columns in FIGURES
        for column, _, field in (c.partition(":") for c in columns)
    ]
    sums.append('count(pos.id) FILTER (WHERE entri.posyandu_id IS NULL) AS "vital__belum_entri"')
    sums += [f'coalesce(sum(dosis."{a}"), 0)::bigint AS "imunisasi__dosis__{a}"' for a in antigens]
    doses = ", ".join(f"count(*) FILTER (WHERE x.antigen = '{a}') AS \"{a}\"" for a in antigens)
    return LOWER_BOUND_SQL.replace("{dose_columns}", doses).replace("{sum_columns}", ",\n  ".join(sums))


def lower_bound_params(kab_kota, month) -> dict:
    """The same limits the recap's selectors take from the rules modules."""
    from registry.lifecycle import BBLR_BELOW_GRAM, RULES, months_before
    from reports.selectors import ADULT_BP_FROM_MONTHS, PTM_FROM_MONTHS
    from reports.skdn import AGE_BANDS
    from reports.vital_selectors import BAYI_UNTIL_MONTHS
    from visits import immunisation_rules as imm
    from visits import rules
    from visits.growth import status
    from visits.pregnancy_rules import TTD_TARGET_TABLETS
    from visits.service_windows import VITAMIN_A, VITAMIN_A_MONTHS

    bands = {f"band{i}": months_before(month.last, high + 1) for i, (_, high) in enumerate(AGE_BANDS[:-1])}
    return {"kab": kab_kota.pk, "first": month.first, "last": month.last, **bands,
            "cut": months_before(month.first, rules.BALITA_UNTIL_MONTHS),
            "underweight": status.UNDERWEIGHT_BELOW, "stunting": status.STUNTING_BELOW,
            "wasting": status.WASTING_BELOW, "overweight": status.OVERWEIGHT_ABOVE,
            "balita": RULES.balita_until_months, "prasekolah": RULES.prasekolah_until_months,
            "remaja": RULES.remaja_until_years * 12, "lansia": RULES.lansia_from_years * 12,
            "ptm": PTM_FROM_MONTHS, "adult_bp": ADULT_BP_FROM_MONTHS, "bayi": BAYI_UNTIL_MONTHS,
            "max_hamil": RULES.max_pregnancy_days, "menyusui": RULES.menyusui_days,
            "sys": rules.HYPERTENSION_SYSTOLIC, "dia": rules.HYPERTENSION_DIASTOLIC,
            "sys_remaja": rules.ADOLESCENT_HYPERTENSION_1[0],
            "dia_remaja": rules.ADOLESCENT_HYPERTENSION_1[1],
            "gula": rules.GULA_DARAH_REFER, "imt": rules.ADULT_OBESE_IMT / 10_000,
            "kek": rules.KEK_LILA_BELOW,
            "hb_hamil": rules.HB_ANEMIA_HAMIL_BELOW, "hb_remaja": rules.HB_ANEMIA_REMAJA_PUTRI_BELOW,
            "rp_low": rules.REMAJA_PUTRI_YEARS[0] * 12, "rp_high": rules.REMAJA_PUTRI_YEARS[1] * 12,
            "bblr": BBLR_BELOW_GRAM, "ttd_target": TTD_TARGET_TABLETS,
            "idl": list(imm.IDL), "baduta": list(imm.BADUTA),
            "idl_months": imm.IDL_BEFORE_MONTHS, "baduta_months": imm.BADUTA_BEFORE_MONTHS,
            "vitamin_a_round": month.month in VITAMIN_A_MONTHS,
            "biru_until": VITAMIN_A["biru"][1],
            "vita_from": months_before(month.last, VITAMIN_A["biru"][0]),
            "vita_until": months_before(month.last, VITAMIN_A["merah"][1])}  # fmt: skip
