"""The month's pregnancy figures per Posyandu (reports.ibu.Ibu, the section "ibu" of the monthly
report, frozen by tutup bulan like every section), from the episodes: KF1–KF4 and KN1–KN3 copied
from the Buku KIA in the month, ibu hamil KEK given MT in the month, and ibu hamil of the month
whose TTD total reached 90 tablets. Three queries whatever the number of Posyandu; each counts
where the woman's household is now."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, F, Q, Sum

from visits.models import PostnatalContact, Pregnancy, SupplementaryFood
from visits.pregnancy_rules import TTD_TARGET_TABLETS

from .ibu import Ibu
from .period import Month

POSYANDU = "ibu__household__posyandu_id"


def ibu_month(*, posyandu_ids: list[int], month: Month) -> dict[int, Ibu]:
    figures: dict[int, Ibu] = defaultdict(Ibu)
    start, end = month.first, month.last
    postnatal = PostnatalContact.objects.filter(
        kehamilan__ibu__household__posyandu_id__in=posyandu_ids, tanggal__gte=start, tanggal__lte=end
    )
    for row in postnatal.values(posyandu=F(f"kehamilan__{POSYANDU}"), kind=F("jenis")).annotate(
        n=Count("pk")
    ):
        setattr(figures[row["posyandu"]], row["kind"].lower(), row["n"])
    mt = SupplementaryFood.objects.filter(
        kehamilan__ibu__household__posyandu_id__in=posyandu_ids, tanggal__gte=start, tanggal__lte=end
    )
    for row in mt.values(posyandu=F(f"kehamilan__{POSYANDU}")).annotate(n=Count("kehamilan", distinct=True)):
        figures[row["posyandu"]].kek_mt = row["n"]
    for row in _ttd_rows(posyandu_ids, month):
        figures[row["posyandu"]].hamil = row["hamil"]
        figures[row["posyandu"]].ttd_90 = row["ttd_90"]
    return {pk: figures[pk] for pk in posyandu_ids}


def _ttd_rows(posyandu_ids: list[int], month: Month):
    """Per Posyandu: pregnancies open at some day of the month, and those whose tablets from
    HPHT to the month's end (or the outcome) add up to 90."""
    start, end = month.first, month.last
    active = Pregnancy.objects.filter(ibu__household__posyandu_id__in=posyandu_ids, hpht__lte=end).filter(
        Q(tanggal_hasil__isnull=True) | Q(tanggal_hasil__gte=start)
    )
    in_pregnancy = Q(
        ibu__visits__tanggal__gte=F("hpht"), ibu__visits__tanggal__lte=end, ibu__visits__dihapus_at=None
    )
    in_pregnancy &= Q(tanggal_hasil__isnull=True) | Q(ibu__visits__tanggal__lte=F("tanggal_hasil"))
    per_episode = active.annotate(ttd=Sum("ibu__visits__care__ttd_tablet", filter=in_pregnancy, default=0))
    totals: dict[int, dict] = defaultdict(lambda: {"hamil": 0, "ttd_90": 0})
    for posyandu, ttd in per_episode.values_list(POSYANDU, "ttd"):
        totals[posyandu]["hamil"] += 1
        totals[posyandu]["ttd_90"] += ttd >= TTD_TARGET_TABLETS
    return [{"posyandu": pk, **counts} for pk, counts in totals.items()]
