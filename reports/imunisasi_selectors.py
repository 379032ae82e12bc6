"""The month's immunisation and vitamin A figures per Posyandu, in a fixed number of queries
whatever the data size (attribution.counts_where_living: two for each count, through the
household's Posyandu index). A dose counts for the Posyandu where the child's household was at
the month's end (as SKDN does); a vitamin A round for the Posyandu of the child's household now, as the round
page (visits.vitamin_a_selectors) shows it. They are the section "imunisasi" of
selectors.posyandu_month, so tutup bulan freezes them and the recaps read them from there."""

from __future__ import annotations

from django.db.models import Count, Max, Q

from visits import immunisation_rules
from visits.models import Dose
from visits.service_windows import VITAMIN_A_MONTHS
from visits.vitamin_a_selectors import Round, band_of, round_sasaran

from .attribution import counts_where_living
from .imunisasi import ImunisasiMonth
from .period import Month


def imunisasi_month(*, posyandu_ids, month: Month) -> dict[int, ImunisasiMonth]:
    ids = list(posyandu_ids)
    result = {pid: ImunisasiMonth() for pid in ids}
    given = Dose.objects.filter(tanggal__range=(month.first, month.last))
    per_antigen = counts_where_living(
        given,
        person="person__",
        posyandu_ids=ids,
        month=month,
        fields=("antigen",),
        counts={"n": Count("pk")},
    )
    for (pid, antigen), row in per_antigen.items():
        result[pid].dosis[antigen] = row["n"]
    _completed(ids, month, result)
    if month.month in VITAMIN_A_MONTHS:
        _vitamin_a(ids, month, result)
    return result


def _completed(ids: list[int], month: Month, result: dict[int, ImunisasiMonth]) -> None:
    """IDL and baduta lengkap reached this month: the series' last dose given in the month. One
    pass over the doses of the children given a dose of either series this month (only they
    can have completed one this month), counted per series."""
    series_of = {
        "idl": (immunisation_rules.IDL, immunisation_rules.IDL_BEFORE_MONTHS),
        "baduta_lengkap": (immunisation_rules.BADUTA, immunisation_rules.BADUTA_BEFORE_MONTHS),
    }
    antigens = [a for series, _ in series_of.values() for a in series]
    given = Dose.objects.filter(antigen__in=antigens, tanggal__range=(month.first, month.last))
    counts = {}
    for name, (series, _) in series_of.items():
        counts[f"{name}_n"] = Count("pk", filter=Q(antigen__in=series))
        counts[f"{name}_last"] = Max("tanggal", filter=Q(antigen__in=series))
    doses = counts_where_living(
        Dose.objects.filter(antigen__in=antigens, person__in=given.values("person")), person="person__",
        posyandu_ids=ids, month=month, fields=("person", "person__tanggal_lahir"), counts=counts,
    )  # fmt: skip
    for (pid, _, birth), row in doses.items():
        for name, (series, before) in series_of.items():
            last = row[f"{name}_last"]
            if last is None or row[f"{name}_n"] != len(series) or not month.first <= last <= month.last:
                continue
            if last < immunisation_rules.age_reached(birth, before):
                setattr(result[pid], name, getattr(result[pid], name) + 1)


def _vitamin_a(ids: list[int], month: Month, result: dict[int, ImunisasiMonth]) -> None:
    rnd = Round(month.year, month.month)
    for pid, birth, diberi in round_sasaran(ids, rnd).values_list(
        "household__posyandu", "tanggal_lahir", "diberi"
    ):
        band = "biru" if band_of(birth, rnd.last) == "biru" else "merah"
        row = result[pid]
        setattr(row, f"vita_{band}_sasaran", getattr(row, f"vita_{band}_sasaran") + 1)
        setattr(row, f"vita_{band}", getattr(row, f"vita_{band}") + int(diberi))
