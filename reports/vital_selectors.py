"""The month's births, deaths and reporting completeness by Posyandu: five queries whatever the
data size. Births and deaths count where the household lives at the month's end, like S."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from registry.lifecycle import BBLR_BELOW_GRAM
from registry.models import Birth, Death, Posyandu
from registry.scoping import scope
from visits.models import Visit
from visits.rules import BALITA_UNTIL_MONTHS

from .attribution import counts_where_living
from .lifecycle_sql import completed_months
from .period import Month
from .vital import Vital

BAYI_UNTIL_MONTHS = 12  # bayi: 0–11 months


def vital_counts(*, posyandu_ids, month: Month) -> dict[int, Vital]:
    ids = list(posyandu_ids)
    in_month = (month.first, month.last)
    births = Birth.objects.filter(child__tanggal_lahir__range=in_month)
    born = {"lahir": Count("pk"), "bblr": Count("pk", filter=Q(berat_lahir_gram__lt=BBLR_BELOW_GRAM))}
    deaths = Death.objects.filter(tanggal__range=in_month).annotate(
        umur_bulan=completed_months("tanggal", "person__tanggal_lahir")
    )
    died = {
        "mati": Count("pk"),
        "mati_bayi": Count("pk", filter=Q(umur_bulan__lt=BAYI_UNTIL_MONTHS)),
        "mati_balita": Count("pk", filter=Q(umur_bulan__lt=BALITA_UNTIL_MONTHS)),
        "mati_ibu": Count("pk", filter=Q(kematian_ibu=True)),
    }
    result = {pid: Vital() for pid in ids}
    for rows, person, counts in ((births, "child__", born), (deaths, "person__", died)):
        found = counts_where_living(rows, person=person, posyandu_ids=ids, month=month, counts=counts)
        for (pid,), figures in found.items():
            for name, value in figures.items():
                setattr(result[pid], name, value)
    entered = set(entered_in(month).filter(posyandu_id__in=ids).values_list("posyandu_id", flat=True))
    for pid in set(ids) - entered:
        result[pid].belum_entri = 1
    return result


def entered_in(month: Month) -> QuerySet[Visit]:
    """Reporting completeness, the one definition: a Posyandu has entered the month when at
    least one visit of the month was recorded there. Distinct Posyandu ids, to filter or count."""
    visits = Visit.objects.filter(tanggal__range=(month.first, month.last))
    return visits.order_by().values("posyandu_id").distinct()


def not_entered(*, user, month: Month) -> list[Posyandu]:
    """Reporting completeness: the Posyandu of the user's area with no visit entered in the
    month, by Puskesmas, desa and name (one query)."""
    missing = scope(Posyandu.objects.exclude(pk__in=entered_in(month)), user).select_related(
        "desa__puskesmas"
    )
    return list(missing.order_by("desa__puskesmas__nama", "desa__nama", "nama"))
