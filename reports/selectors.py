"""One selector per report section: SQL aggregations grouped by Posyandu for a month.

Each returns {posyandu_id: counts} in a fixed number of queries whatever the data size; rolling
up to desa, Puskesmas and Kab/Kota is addition of counts (reports.sections).
"""

from __future__ import annotations

import hashlib
from itertools import chain

from django.core.cache import cache
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils import timezone

from registry.lifecycle import Group, months_before
from registry.models import Person
from registry.selectors import counted_in_month_q
from visits import rules
from visits.growth.status import OVERWEIGHT_ABOVE, STUNTING_BELOW, UNDERWEIGHT_BELOW, WASTING_BELOW
from visits.models import Care, Counselling, Measurement, Referral, Visit
from visits.rules import BALITA_UNTIL_MONTHS

from . import imunisasi_selectors, sections, selectors_ibu, vital_selectors
from .attribution import counts_where_living, posyandu_at_month_end  # noqa: F401 (callers elsewhere)
from .counts import field_names
from .lifecycle_sql import completed_months, group_q
from .period import Month
from .skdn import AGE_BANDS, Skdn

CLOSED_MONTH_SECONDS = 600
NOT_FLAGGED = {name: ~Q(implausible__regex=rf"(^|;){name}(;|$)") for name in ("bbu", "pbu", "bbpb")}


def _by_posyandu(rows, key: str, section):
    return {row.pop(key): section(**row) for row in rows}


def balita_in_month(month: Month, person: str = "") -> Q:
    """Balita of the month (sasaran S): born by its last day and not yet BALITA_UNTIL_MONTHS
    (60) months old on its first day (balita 0–59 bulan, KMK ILP 2023 L1324). A child turning
    60 months during the month stays in. A child dead or gone before the month is not in it."""
    born = Q(
        **{
            f"{person}tanggal_lahir__lte": month.last,
            f"{person}tanggal_lahir__gt": months_before(month.first, BALITA_UNTIL_MONTHS),
        }
    )
    return born & counted_in_month_q(month.first, month.last, person)


def balita_counts(posyandu_ids, month: Month, fields=(), **annotations) -> dict[tuple, dict]:
    """{s, k} of the month's balita by (Posyandu at month end, *fields)."""
    balita = Person.objects.filter(balita_in_month(month)).annotate(**annotations)
    counts = {"s": Count("pk"), "k": Count("pk", filter=Q(buku_kia=True))}
    return counts_where_living(
        balita, person="", posyandu_ids=posyandu_ids, month=month, fields=fields, counts=counts
    )


def weighed_in_month(month: Month):
    """The one weighing of each child of S that counts this month (it has a KMS code: the later
    valid weighing), wherever it happened."""
    return (
        Measurement.objects.filter(visit__tanggal__range=(month.first, month.last))
        .exclude(kms="")
        .filter(balita_in_month(month, "visit__person__"))
    )


SKDN_WEIGHED = {
    "d": Count("pk"),
    **{code.lower(): Count("pk", filter=Q(kms=code)) for code in "NTOB"},
    "two_t": Count("pk", filter=Q(two_t=True)),
    "bgm": Count("pk", filter=Q(bgm=True)),
}
# Nutritional status of the children counted in D; implausible values left out.
GIZI = {
    "diukur_bbu": Count("pk", filter=Q(z_bbu__isnull=False) & NOT_FLAGGED["bbu"]),
    "underweight": Count("pk", filter=Q(z_bbu__lt=UNDERWEIGHT_BELOW) & NOT_FLAGGED["bbu"]),
    "diukur_pbu": Count("pk", filter=Q(z_pbu__isnull=False) & NOT_FLAGGED["pbu"]),
    "stunting": Count("pk", filter=Q(z_pbu__lt=STUNTING_BELOW) & NOT_FLAGGED["pbu"]),
    "diukur_bbpb": Count("pk", filter=Q(z_bbpb__isnull=False) & NOT_FLAGGED["bbpb"]),
    "wasting": Count("pk", filter=Q(z_bbpb__lt=WASTING_BELOW) & NOT_FLAGGED["bbpb"]),
    "overweight": Count("pk", filter=Q(z_bbpb__gt=OVERWEIGHT_ABOVE) & NOT_FLAGGED["bbpb"]),
}


def weighed_counts(posyandu_ids, month: Month, fields=(), counts=None, **annotations) -> dict[tuple, dict]:
    """D, N, T, O, B, 2T and BGM (or other `counts`) of the children weighed, by the Posyandu
    where each lives at the month's end (so D ⊆ S), and *fields."""
    counts = counts or SKDN_WEIGHED
    rows = weighed_in_month(month).annotate(**annotations)
    return counts_where_living(
        rows, person="visit__person__", posyandu_ids=posyandu_ids, month=month, fields=fields, counts=counts
    )


def skdn(*, posyandu_ids, month: Month) -> dict[int, Skdn]:
    """SKDN of each Posyandu: S, K and D alike count the children living there at the month's end
    (the sum of its age bands: _skdn_gizi_bands, the one definition)."""
    return _skdn_gizi_bands(list(posyandu_ids), month, gizi_too=False)[0]


def gizi(*, posyandu_ids, month: Month) -> dict[int, sections.Gizi]:
    """Nutritional status of the children counted in D, where they live; implausible values left out
    (the weighings' query alone: a page that shows only gizi needs no count of S)."""
    rows = weighed_counts(posyandu_ids, month, counts=GIZI)
    return {pid: sections.Gizi(**rows.get((pid,), {})) for pid in posyandu_ids}


def _visits(posyandu_ids, month: Month):
    return Visit.objects.filter(
        tanggal__range=(month.first, month.last), posyandu_id__in=posyandu_ids
    ).annotate(umur_bulan=completed_months("tanggal", "person__tanggal_lahir"))


def layanan(*, posyandu_ids, month: Month) -> dict[int, sections.Layanan]:
    in_month = {"visit__tanggal__range": (month.first, month.last), "visit__posyandu_id__in": posyandu_ids}
    care = (
        Care.objects.filter(**in_month)
        .values(posyandu_id=F("visit__posyandu_id"))
        .annotate(
            vitamin_a=Count("pk", filter=~Q(vitamin_a="")),
            imunisasi=Count("pk", filter=~Q(imunisasi=[])),
            obat_cacing=Count("pk", filter=Q(obat_cacing=True)),
            ttd=Count("pk", filter=Q(ttd_tablet__gt=0)),
        )
    )
    pmt = (
        Counselling.objects.filter(pmt=True, **in_month)
        .values(posyandu_id=F("visit__posyandu_id"))
        .annotate(n=Count("pk"))
    )
    result = {pid: sections.Layanan() for pid in posyandu_ids} | _by_posyandu(
        care, "posyandu_id", sections.Layanan
    )
    for row in pmt:
        result[row["posyandu_id"]].pmt = row["n"]
    return result


def rujukan(*, posyandu_ids, month: Month) -> dict[int, sections.Rujukan]:
    rows = (
        Referral.objects.filter(
            visit__tanggal__range=(month.first, month.last), visit__posyandu_id__in=posyandu_ids
        )
        .values(posyandu_id=F("visit__posyandu_id"))
        .annotate(
            dirujuk=Count("visit__person", distinct=True),
            alasan=Count("pk"),
            ditindaklanjuti=Count("pk", filter=Q(ditindaklanjuti_at__isnull=False)),
            dibatalkan=Count("pk", filter=Q(dibatalkan_at__isnull=False)),
        )
    )
    return {pid: sections.Rujukan() for pid in posyandu_ids} | _by_posyandu(
        rows, "posyandu_id", sections.Rujukan
    )


AGE_GROUPS = [
    Group.BAYI_BALITA,
    Group.ANAK_PRASEKOLAH,
    Group.USIA_SEKOLAH_REMAJA,
    Group.USIA_DEWASA,
    Group.LANSIA,
]
PTM_FROM_MONTHS = rules.PTM_FROM_YEARS * 12  # PTM screening counts people of 15 and over
ADULT_BP_FROM_MONTHS = rules.ADULT_BP_FROM_YEARS * 12  # under 18 the child tables apply (KMK ILP 2023 L3095)


def _age_group() -> Case:
    """The visit's age group index (AGE_GROUPS), computed once per row and grouped on."""
    whens = [When(group_q(group), then=Value(i)) for i, group in enumerate(AGE_GROUPS)]
    return Case(*whens, output_field=IntegerField())


def _visit_counts() -> dict[str, dict[str, Count]]:
    """Count expressions of the visit-based sections (age conditions come from the grouping)."""
    m = "measurement__"
    high_td = Q(**{f"{m}sistol__gte": rules.HYPERTENSION_SYSTOLIC}) | Q(
        **{f"{m}diastol__gte": rules.HYPERTENSION_DIASTOLIC}
    )
    adolescent = Q(umur_bulan__lt=ADULT_BP_FROM_MONTHS) & ~group_q(Group.IBU_HAMIL)
    systolic_1, diastolic_1 = rules.ADOLESCENT_HYPERTENSION_1
    high_td_adolescent = Q(**{f"{m}sistol__gte": systolic_1}) | Q(**{f"{m}diastol__gte": diastolic_1})
    high_td_ptm = high_td | (adolescent & high_td_adolescent)
    anemia = lambda below: Q(**{f"{m}hb__lt": below})  # noqa: E731
    # IMT = kg / m² ≥ limit  ⇔  kg ≥ limit · cm² / 10 000 (no division in SQL)
    obese = Q(
        **{f"{m}berat_kg__gte": rules.ADULT_OBESE_IMT / 10_000 * F(f"{m}tinggi_cm") * F(f"{m}tinggi_cm")}
    )
    hamil, nifas = group_q(Group.IBU_HAMIL), group_q(Group.IBU_NIFAS_MENYUSUI)
    low, high = rules.REMAJA_PUTRI_YEARS
    remaja_putri = Q(person__jenis_kelamin="P", umur_bulan__gte=low * 12, umur_bulan__lt=high * 12) & ~hamil
    anc = "care__kunjungan_anc__gte"
    n = lambda q: Count("pk", filter=q)  # noqa: E731
    return {
        "kelompok": {"total": Count("pk"), "ibu_hamil": n(hamil), "ibu_nifas_menyusui": n(nifas)},
        "skrining": {
            "dewasa_datang": Count("pk"),
            "td_diukur": n(Q(**{f"{m}sistol__isnull": False})),
            "hipertensi": n(high_td_ptm),
            "gula_diukur": n(Q(**{f"{m}gula_darah__isnull": False})),
            "gula_tinggi": n(Q(**{f"{m}gula_darah__gte": rules.GULA_DARAH_REFER})),
            "imt_diukur": n(Q(**{f"{m}berat_kg__isnull": False, f"{m}tinggi_cm__isnull": False})),
            "obesitas": n(obese),
            "terduga_tbc": n(Q(care__isnull=False) & ~Q(care__gejala_tbc=[])),
        },
        "kia": {
            "ibu_hamil_datang": n(hamil),
            "kek": n(hamil & Q(**{f"{m}lila_cm__lt": rules.KEK_LILA_BELOW})),
            "td_tinggi": n(hamil & high_td),
            "ttd": n(hamil & Q(care__ttd_tablet__gt=0)),
            "k1": n(hamil & Q(**{anc: 1})),
            "k4": n(hamil & Q(**{anc: 4})),
            "k6": n(hamil & Q(**{anc: 6})),
            "nifas_datang": n(nifas),
            "vitamin_a_nifas": n(nifas & Q(care__vitamin_a_nifas=True)),
            "hb_hamil_diperiksa": n(hamil & Q(**{f"{m}hb__isnull": False})),
            "anemia_hamil": n(hamil & anemia(rules.HB_ANEMIA_HAMIL_BELOW)),
            "hb_remaja_putri_diperiksa": n(remaja_putri & Q(**{f"{m}hb__isnull": False})),
            "anemia_remaja_putri": n(remaja_putri & anemia(rules.HB_ANEMIA_REMAJA_PUTRI_BELOW)),
        },
    }


VISIT_SECTIONS = {"kelompok": sections.Kelompok, "skrining": sections.Skrining, "kia": sections.Kia}


def visit_sections(*, posyandu_ids, month: Month, only=tuple(VISIT_SECTIONS)) -> dict[str, dict[int, object]]:
    """Visits by life-cycle group, adult screening and the KIA figures, in one query over the
    month's visits grouped by Posyandu and age group (they share the joins to measurement and care)."""
    expressions = _visit_counts()
    wanted = {name: expressions[name] for name in only}
    columns = {
        f"{section}__{field}": expr for section, exprs in wanted.items() for field, expr in exprs.items()
    }
    ptm = Case(When(umur_bulan__gte=PTM_FROM_MONTHS, then=Value(1)), default=Value(0))
    rows = (
        _visits(posyandu_ids, month)
        .annotate(age_group=_age_group(), ptm=ptm)
        .values("posyandu_id", "age_group", "ptm")
    )
    result = {name: {pid: VISIT_SECTIONS[name]() for pid in posyandu_ids} for name in wanted}
    for row in rows.annotate(**columns).order_by():
        pid, age_group, in_ptm = row.pop("posyandu_id"), row.pop("age_group"), row.pop("ptm")
        if "kelompok" in wanted and age_group is not None:
            target = result["kelompok"][pid]
            name = AGE_GROUPS[age_group].value
            setattr(target, name, getattr(target, name) + row["kelompok__total"])
        for key, value in row.items():
            section, field = key.split("__", 1)
            if section == "skrining" and not in_ptm:
                continue
            target = result[section][pid]
            setattr(target, field, getattr(target, field) + value)
    return result


def kelompok(*, posyandu_ids, month: Month) -> dict[int, sections.Kelompok]:
    """Visits by life-cycle group (a person in two groups counts in both)."""
    return visit_sections(posyandu_ids=posyandu_ids, month=month, only=("kelompok",))["kelompok"]


def skrining(*, posyandu_ids, month: Month) -> dict[int, sections.Skrining]:
    """People of 15 and over screened for PTM, and suspects found."""
    return visit_sections(posyandu_ids=posyandu_ids, month=month, only=("skrining",))["skrining"]


def kia(*, posyandu_ids, month: Month) -> dict[int, sections.Kia]:
    """The KIA figures a Posyandu sees."""
    return visit_sections(posyandu_ids=posyandu_ids, month=month, only=("kia",))["kia"]


def closed_month_cached(section, *, posyandu_ids, month: Month, today=None):
    """A section's figures, cached for CLOSED_MONTH_SECONDS when the month is over.

    Dashboards show up to 12 months; past months change only by corrections, so a correction
    reaches them within the cache time. The running month is always computed."""
    today = today or timezone.localdate()
    ids = sorted(posyandu_ids)
    if month >= Month.of(today):
        return section(posyandu_ids=ids, month=month)
    digest = hashlib.sha1(",".join(map(str, ids)).encode()).hexdigest()
    key = f"report:{section.__name__}:{month.key}:{digest}"
    return cache.get_or_set(key, lambda: section(posyandu_ids=ids, month=month), CLOSED_MONTH_SECONDS)


def posyandu_month(*, posyandu_ids, month: Month) -> dict[int, sections.PosyanduMonth]:
    """Every section for each Posyandu: the monthly report, the recaps and the dashboards."""
    return posyandu_month_and_bands(posyandu_ids=posyandu_ids, month=month)[0]


def posyandu_month_and_bands(
    *, posyandu_ids, month: Month
) -> tuple[dict[int, sections.PosyanduMonth], dict[int, Bands]]:
    """posyandu_month(), and each Posyandu's SKDN by sex and age band (skdn_by_sex_and_band):
    both come from the same two queries over the balita and their weighings (a recap needs both)."""
    ids = list(posyandu_ids)
    skdn_of, gizi_of, bands = _skdn_gizi_bands(ids, month)
    parts = {
        "skdn": skdn_of,
        "gizi": gizi_of,
        "layanan": layanan(posyandu_ids=ids, month=month),
        "rujukan": rujukan(posyandu_ids=ids, month=month),
        **visit_sections(posyandu_ids=ids, month=month),
        "vital": vital_selectors.vital_counts(posyandu_ids=ids, month=month),
        "ibu": selectors_ibu.ibu_month(posyandu_ids=ids, month=month),
        "imunisasi": imunisasi_selectors.imunisasi_month(posyandu_ids=ids, month=month),
    }
    figures = {
        pid: sections.PosyanduMonth(**{name: part[pid] for name, part in parts.items()}) for pid in ids
    }
    return figures, bands


Bands = dict[tuple[str, int], Skdn]  # SKDN by (sex, age band index)


BAND_KEYS = [(sex, band) for sex in "LP" for band in range(len(AGE_BANDS))]


def skdn_by_sex_and_band(*, posyandu_ids, month: Month) -> Bands:
    """S, K, D, N, T, 2T, O, B by sex and age band (0–5, 6–11, 12–23, 24–35, 36–59 months) as
    on the desa recap forms; the age is taken on the month's last day (at most 59 months)."""
    return sum_bands(_skdn_gizi_bands(list(posyandu_ids), month, gizi_too=False)[2].values())


def sum_bands(parts) -> Bands:
    """Bands of several Posyandu added up (plain integers: a district has 2,400 × 10 of them)."""
    names = field_names(Skdn)
    total = {key: dict.fromkeys(names, 0) for key in BAND_KEYS}
    for part in parts:
        for key, cell in part.items():
            row = total[key]
            for name in names:
                row[name] += getattr(cell, name)
    return {key: Skdn(**row) for key, row in total.items()}


def _skdn_gizi_bands(ids: list[int], month: Month, gizi_too: bool = True):
    """SKDN and gizi of each Posyandu and its SKDN by sex and age band, from a query over the
    month's balita and one over their weighings, grouped by Posyandu, sex and band (each age
    band holds every balita, so a Posyandu's SKDN is the sum of its bands)."""
    fields = ("jenis_kelamin", "band")
    balita = balita_counts(ids, month, fields, band=band_case(month))
    weighed = weighed_counts(
        ids, month, fields, counts={**SKDN_WEIGHED, **(GIZI if gizi_too else {})},
        band=band_case(month, "visit__person__"), jenis_kelamin=F("visit__person__jenis_kelamin"),
    )  # fmt: skip
    cells: dict[tuple, dict[str, int]] = {}  # (pid, sex, band) and (pid,): counts
    for key, figures in chain(balita.items(), weighed.items()):
        cell, total = cells.setdefault(key, {}), cells.setdefault(key[:1], {})
        for name, value in figures.items():
            cell[name] = cell.get(name, 0) + value
            total[name] = total.get(name, 0) + value

    def made(section, key: tuple):
        counted = cells.get(key, {})
        return section(**{name: counted.get(name, 0) for name in field_names(section)})

    skdn_of = {pid: made(Skdn, (pid,)) for pid in ids}
    gizi_of = {pid: made(sections.Gizi, (pid,)) for pid in ids}
    bands = {pid: {key: made(Skdn, (pid, *key)) for key in BAND_KEYS} for pid in ids}
    return skdn_of, gizi_of, bands


def band_case(month: Month, prefix: str = "") -> Case:
    """The age band index of a birth date on the month's last day."""
    whens = [
        When(**{f"{prefix}tanggal_lahir__gt": months_before(month.last, high + 1)}, then=Value(i))
        for i, (_, high) in enumerate(AGE_BANDS)
    ]
    return Case(*whens, default=Value(len(AGE_BANDS) - 1), output_field=IntegerField())


def skdn_months(*, posyandu_ids, months: list[Month]) -> dict[Month, dict[int, Skdn]]:
    """SKDN of each Posyandu in each of `months`: four queries a month, whatever the data size."""
    return {month: skdn(posyandu_ids=posyandu_ids, month=month) for month in months}
