"""Which recaps are usang: built before a change that reaches the figures they show.

A change is a visit added, a visit table saved (its audit entry) or a referral followed up,
for a visit of the recap's month in one of its Puskesmas, or a life-cycle record saved outside
a visit, dated in the recap's month, of a person counted at one of its Posyandu
(registry.models.RecordChange: an immunisation dose typed in or from a birth, an ANC contact,
MT, KF/KN, a Td dose, a pregnancy or its outcome, a birth, a death, a departure or return;
logged since that model's release, older records have no entry). In a closed month the recap
reads the snapshot, so only changes saved before the current closing count (a re-closing after
the recap was built brings them in); in an open month every change counts. A corrected birth
date or sex reaches the month through the audit entries it writes on the person's visits
(visits.services.person_results_refresh); other changes to the registry (a new person, a
household move) are not tracked here.
"""

from __future__ import annotations

from django.db.models import F, Max, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth

from registry.models import RecordChange
from visits.models import AuditEntry, Referral, Visit

from .models import MonthClosing, RecapKind, RecapStatus


def _last_changes(queryset, time_field: str, visit: str, puskesmas_ids, kab_ids, months):
    """Per (Puskesmas, Kab/Kota, first of month): the last change the month's readers see.
    `visit`: the path from the rows to their Posyandu and `tanggal` ("" for a visit or a
    RecordChange, which have both)."""
    pkm, kab = f"{visit}posyandu__desa__puskesmas_id", f"{visit}posyandu__desa__puskesmas__kab_kota_id"
    cutoff = MonthClosing.objects.filter(current=True, puskesmas_id=OuterRef("pkm"), bulan=OuterRef("bulan"))
    seen = Q(cutoff__isnull=True) | Q(**{f"{time_field}__lte": F("cutoff")})
    return (
        queryset.filter(Q(**{f"{pkm}__in": puskesmas_ids}) | Q(**{f"{kab}__in": kab_ids}))
        .filter(**{f"{visit}tanggal__gte": min(months)})
        .annotate(pkm=F(pkm), kab=F(kab), bulan=TruncMonth(f"{visit}tanggal"))
        .annotate(cutoff=Subquery(cutoff.values("closed_at")[:1]))
        .values("pkm", "kab", "bulan")
        .annotate(last=Max(time_field, filter=seen))
        .order_by()
    )


def stale_recap_ids(recaps) -> set[int]:
    """The built recaps among `recaps` that are usang, in one query."""
    done = [r for r in recaps if r.status == RecapStatus.DONE and r.finished_at]
    if not done:
        return set()
    pkm_ids = {r.puskesmas_id for r in done if r.kind == RecapKind.PUSKESMAS}
    kab_ids = {r.kab_kota_id for r in done if r.kind == RecapKind.KABKOTA}
    args = (pkm_ids, kab_ids, [r.bulan for r in done])
    sources = [
        _last_changes(AuditEntry.objects.all(), "at", "visit__", *args),
        _last_changes(Visit.objects.all(), "created_at", "", *args),
        _last_changes(
            Referral.objects.filter(ditindaklanjuti_at__isnull=False), "ditindaklanjuti_at", "visit__", *args
        ),
        _last_changes(RecordChange.objects.all(), "at", "", *args),
    ]
    changes = [row for row in sources[0].union(*sources[1:], all=True) if row["last"] is not None]

    def stale(recap) -> bool:
        area = (
            ("pkm", recap.puskesmas_id) if recap.kind == RecapKind.PUSKESMAS else ("kab", recap.kab_kota_id)
        )
        return any(
            row[area[0]] == area[1] and row["bulan"] == recap.bulan and row["last"] > recap.finished_at
            for row in changes
        )

    return {r.pk for r in done if stale(r)}
