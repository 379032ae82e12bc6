"""One selector per report section: SQL aggregations grouped by Posyandu for a month.

Each returns {posyandu_id: counts} in a fixed number of queries whatever the data size; rolling
up to desa, Puskesmas and Kab/Kota is addition of counts (reports.sections).
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import BigIntegerField, Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from registry.lifecycle import Group, months_before
from registry.models import HouseholdMove, Person
from visits.models import Care, Counselling, Measurement, Referral, Visit

from . import sections
from .lifecycle_sql import completed_months, group_q
from .period import Month
from .skdn import AGE_BANDS, Skdn

CLOSED_MONTH_SECONDS = 600
NOT_FLAGGED = {name: ~Q(implausible__regex=rf"(^|;){name}(;|$)") for name in ("bbu", "pbu", "bbpb")}


def _by_posyandu(rows, key: str, section):
    return {row.pop(key): section(**row) for row in rows}


def posyandu_at_month_end(month: Month) -> Coalesce:
    """The Posyandu a person's household belonged to on the month's last day: the Posyandu it
    left in its first move after that day, or else its Posyandu now."""
    moved_after = HouseholdMove.objects.filter(household=OuterRef("household"), tanggal__gt=month.last)
    first_move = moved_after.order_by("tanggal", "id").values("dari_posyandu")[:1]
    return Coalesce(Subquery(first_move), F("household__posyandu"), output_field=BigIntegerField())


def balita_in_month(month: Month) -> Q:
    """Balita of the month: born by its last day and not yet 60 months old on its first day."""
    return Q(tanggal_lahir__lte=month.last, tanggal_lahir__gt=months_before(month.first, 60))


def balita_of_posyandu(posyandu_ids, month: Month):
    """Balita of the month whose household was in one of the Posyandu at the month's end.

    The first filter narrows to households there now or that left one of them after the month
    (so the index on the household's Posyandu is used); the annotation then decides."""
    ids = list(posyandu_ids)
    there = Q(household__posyandu_id__in=ids) | Q(
        household__moves__dari_posyandu_id__in=ids, household__moves__tanggal__gt=month.last
    )
    return (
        Person.objects.filter(balita_in_month(month))
        .filter(pk__in=Person.objects.filter(there).values("pk"))
        .annotate(posyandu_id=posyandu_at_month_end(month))
        .filter(posyandu_id__in=ids)
    )


def skdn(*, posyandu_ids, month: Month) -> dict[int, Skdn]:
    sk = (
        balita_of_posyandu(posyandu_ids, month)
        .values("posyandu_id")
        .annotate(s=Count("pk"), k=Count("pk", filter=Q(buku_kia=True)))
    )
    weighed = (
        Measurement.objects.filter(
            visit__tanggal__range=(month.first, month.last), visit__posyandu_id__in=posyandu_ids
        )
        .exclude(kms="")  # the one weighing of the month that counts for the KMS
        .values(posyandu_id=F("visit__posyandu_id"))
        .annotate(
            d=Count("pk"),
            **{code.lower(): Count("pk", filter=Q(kms=code)) for code in "NTOB"},
            two_t=Count("pk", filter=Q(two_t=True)),
            bgm=Count("pk", filter=Q(bgm=True)),
        )
    )
    result = {pid: Skdn() for pid in posyandu_ids}
    for row in sk:
        result[row["posyandu_id"]].s, result[row["posyandu_id"]].k = row["s"], row["k"]
    for row in weighed:
        target = result[row.pop("posyandu_id")]
        for name, value in row.items():
            setattr(target, name, value)
    return result


def gizi(*, posyandu_ids, month: Month) -> dict[int, sections.Gizi]:
    rows = (
        Measurement.objects.filter(
            visit__tanggal__range=(month.first, month.last), visit__posyandu_id__in=posyandu_ids
        )
        .exclude(kms="")
        .values(posyandu_id=F("visit__posyandu_id"))
        .annotate(
            diukur_bbu=Count("pk", filter=Q(z_bbu__isnull=False) & NOT_FLAGGED["bbu"]),
            underweight=Count("pk", filter=Q(z_bbu__lt=-2) & NOT_FLAGGED["bbu"]),
            diukur_pbu=Count("pk", filter=Q(z_pbu__isnull=False) & NOT_FLAGGED["pbu"]),
            stunting=Count("pk", filter=Q(z_pbu__lt=-2) & NOT_FLAGGED["pbu"]),
            diukur_bbpb=Count("pk", filter=Q(z_bbpb__isnull=False) & NOT_FLAGGED["bbpb"]),
            wasting=Count("pk", filter=Q(z_bbpb__lt=-2) & NOT_FLAGGED["bbpb"]),
            overweight=Count("pk", filter=Q(z_bbpb__gt=2) & NOT_FLAGGED["bbpb"]),
        )
    )
    return {pid: sections.Gizi() for pid in posyandu_ids} | _by_posyandu(rows, "posyandu_id", sections.Gizi)


def _visits(posyandu_ids, month: Month):
    return Visit.objects.filter(
        tanggal__range=(month.first, month.last), posyandu_id__in=posyandu_ids
    ).annotate(umur_bulan=completed_months("tanggal", "person__tanggal_lahir"))


def kelompok(*, posyandu_ids, month: Month) -> dict[int, sections.Kelompok]:
    rows = (
        _visits(posyandu_ids, month)
        .values("posyandu_id")
        .annotate(total=Count("pk"), **{g.value: Count("pk", filter=group_q(g)) for g in Group})
    )
    return {pid: sections.Kelompok() for pid in posyandu_ids} | _by_posyandu(
        rows, "posyandu_id", sections.Kelompok
    )


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


def skrining(*, posyandu_ids, month: Month) -> dict[int, sections.Skrining]:
    adult = Q(umur_bulan__gte=18 * 12)
    m = "measurement__"
    high_td = Q(**{f"{m}sistol__gte": 140}) | Q(**{f"{m}diastol__gte": 90})
    obese = Q(**{f"{m}berat_kg__gte": 0.0025 * F(f"{m}tinggi_cm") * F(f"{m}tinggi_cm")})  # IMT ≥ 25
    rows = (
        _visits(posyandu_ids, month)
        .filter(adult)
        .values("posyandu_id")
        .annotate(
            dewasa_datang=Count("pk"),
            td_diukur=Count("pk", filter=Q(**{f"{m}sistol__isnull": False})),
            hipertensi=Count("pk", filter=high_td),
            gula_diukur=Count("pk", filter=Q(**{f"{m}gula_darah__isnull": False})),
            gula_tinggi=Count("pk", filter=Q(**{f"{m}gula_darah__gte": 200})),
            imt_diukur=Count(
                "pk", filter=Q(**{f"{m}berat_kg__isnull": False, f"{m}tinggi_cm__isnull": False})
            ),
            obesitas=Count("pk", filter=obese),
            terduga_tbc=Count("pk", filter=Q(care__isnull=False) & ~Q(care__gejala_tbc=[])),
        )
    )
    return {pid: sections.Skrining() for pid in posyandu_ids} | _by_posyandu(
        rows, "posyandu_id", sections.Skrining
    )


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
        )
    )
    return {pid: sections.Rujukan() for pid in posyandu_ids} | _by_posyandu(
        rows, "posyandu_id", sections.Rujukan
    )


def kia(*, posyandu_ids, month: Month) -> dict[int, sections.Kia]:
    hamil, nifas = group_q(Group.IBU_HAMIL), group_q(Group.IBU_NIFAS_MENYUSUI)
    anc = "care__kunjungan_anc__gte"
    rows = (
        _visits(posyandu_ids, month)
        .values("posyandu_id")
        .annotate(
            ibu_hamil_datang=Count("pk", filter=hamil),
            kek=Count("pk", filter=hamil & Q(measurement__lila_cm__lt=23.5)),
            td_tinggi=Count(
                "pk", filter=hamil & (Q(measurement__sistol__gte=140) | Q(measurement__diastol__gte=90))
            ),
            ttd=Count("pk", filter=hamil & Q(care__ttd_tablet__gt=0)),
            k1=Count("pk", filter=hamil & Q(**{anc: 1})),
            k4=Count("pk", filter=hamil & Q(**{anc: 4})),
            k6=Count("pk", filter=hamil & Q(**{anc: 6})),
            nifas_datang=Count("pk", filter=nifas),
            vitamin_a_nifas=Count("pk", filter=nifas & Q(care__vitamin_a_nifas=True)),
        )
    )
    return {pid: sections.Kia() for pid in posyandu_ids} | _by_posyandu(rows, "posyandu_id", sections.Kia)


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
    ids = list(posyandu_ids)
    parts = {
        "skdn": skdn(posyandu_ids=ids, month=month),
        "gizi": gizi(posyandu_ids=ids, month=month),
        "kelompok": kelompok(posyandu_ids=ids, month=month),
        "layanan": layanan(posyandu_ids=ids, month=month),
        "skrining": skrining(posyandu_ids=ids, month=month),
        "rujukan": rujukan(posyandu_ids=ids, month=month),
        "kia": kia(posyandu_ids=ids, month=month),
    }
    return {pid: sections.PosyanduMonth(**{name: part[pid] for name, part in parts.items()}) for pid in ids}


def skdn_by_sex_and_band(*, posyandu_ids, month: Month) -> dict[tuple[str, int], Skdn]:
    """S, K, D, N, T, 2T, O, B by sex and age band (0–5, 6–11, 12–23, 24–35, 36–59 months) as
    on the desa recap forms; the age is taken on the month's last day (at most 59 months)."""
    bands = band_case(month)
    sk = (
        balita_of_posyandu(posyandu_ids, month)
        .annotate(band=bands)
        .values("jenis_kelamin", "band")
        .annotate(s=Count("pk"), k=Count("pk", filter=Q(buku_kia=True)))
    )
    weighed = (
        Measurement.objects.filter(
            visit__tanggal__range=(month.first, month.last), visit__posyandu_id__in=posyandu_ids
        )
        .exclude(kms="")
        .annotate(band=band_case(month, "visit__person__"))
        .values("band", jenis_kelamin=F("visit__person__jenis_kelamin"))
        .annotate(
            d=Count("pk"),
            **{code.lower(): Count("pk", filter=Q(kms=code)) for code in "NTOB"},
            two_t=Count("pk", filter=Q(two_t=True)),
            bgm=Count("pk", filter=Q(bgm=True)),
        )
    )
    result = {(sex, band): Skdn() for sex in "LP" for band in range(len(AGE_BANDS))}
    for row in list(sk) + list(weighed):
        target = result[(row.pop("jenis_kelamin"), row.pop("band"))]
        for name, value in row.items():
            setattr(target, name, value)
    return result


def band_case(month: Month, prefix: str = "") -> Case:
    """The age band index of a birth date on the month's last day."""
    whens = [
        When(**{f"{prefix}tanggal_lahir__gt": months_before(month.last, high + 1)}, then=Value(i))
        for i, (_, high) in enumerate(AGE_BANDS)
    ]
    return Case(*whens, default=Value(len(AGE_BANDS) - 1), output_field=IntegerField())
