"""Where a person counts in a month's figures: the Posyandu of their household on the month's
last day, whatever Posyandu they were served at. Used by the report selectors (SKDN, sections,
immunisation) and the vital counts alike, so it sits below both."""

from __future__ import annotations

from collections import defaultdict
from itertools import chain

from django.db.models import BigIntegerField, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from registry.models import HouseholdMove

from .period import Month


def posyandu_at_month_end(month: Month, person: str = "") -> Coalesce:
    """The Posyandu a person's household belonged to on the month's last day: the Posyandu it
    left in its first move after that day, or else its Posyandu now. `person`: the lookup from
    the queried rows to the person ("" for Person rows, "visit__person__" for measurements)."""
    moved_after = HouseholdMove.objects.filter(
        household=OuterRef(f"{person}household"), tanggal__gt=month.last
    )
    first_move = moved_after.order_by("tanggal", "id").values("dari_posyandu")[:1]
    return Coalesce(Subquery(first_move), F(f"{person}household__posyandu"), output_field=BigIntegerField())


def counts_where_living(
    rows, *, person: str, posyandu_ids, month: Month, fields=(), counts
) -> dict[tuple, dict]:
    """`counts` of `rows` by (Posyandu of the person's household at the month's end, *fields), in
    two queries: households that have not moved since the month (grouped by their Posyandu, using
    its index) and the few that moved since (their Posyandu at the month's end is looked up in
    their moves). Where a visit happened plays no part: a child counts where it lives. A key
    found by both queries has its counts added, so an aggregate that is not a count (a Max) needs
    the person among `fields`: a person is found by one query only."""
    ids = list(posyandu_ids)
    stayed = (
        rows.filter(**{f"{person}household__posyandu_id__in": ids})
        .exclude(**{f"{person}household__moves__tanggal__gt": month.last})
        .values(*fields, at_end=F(f"{person}household__posyandu_id"))
        .annotate(**counts)
    )
    moved_since = HouseholdMove.objects.filter(tanggal__gt=month.last).values("household_id")
    moved = (
        rows.filter(**{f"{person}household_id__in": moved_since})
        .annotate(at_end=posyandu_at_month_end(month, person))
        .filter(at_end__in=ids)
        .values(*fields, "at_end")
        .annotate(**counts)
    )
    totals: dict[tuple, dict] = defaultdict(lambda: dict.fromkeys(counts, 0))
    for row in chain(stayed.order_by(), moved.order_by()):
        key = (row["at_end"], *(row[f] for f in fields))
        if key not in totals:  # as found: an aggregate other than a count (Max) is kept as it is
            totals[key] = {name: row[name] for name in counts}
            continue
        for name in counts:
            totals[key][name] += row[name]
    return totals
