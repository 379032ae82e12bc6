"""The month's immunisation and vitamin A figures per Posyandu, in three queries whatever the
data size. A dose counts for the Posyandu where the child's household was at the month's end
(as SKDN does); a vitamin A round for the Posyandu of the child's household now, as the round
page (visits.vitamin_a_selectors) shows it. They are the section "imunisasi" of
selectors.posyandu_month, so tutup bulan freezes them and the recaps read them from there."""

from __future__ import annotations

from django.db.models import Count, Max

from visits import immunisation_rules
from visits.models import Dose
from visits.service_windows import VITAMIN_A_MONTHS
from visits.vitamin_a_selectors import Round, band_of, round_sasaran

from .attribution import posyandu_at_month_end
from .imunisasi import ImunisasiMonth
from .period import Month


def imunisasi_month(*, posyandu_ids, month: Month) -> dict[int, ImunisasiMonth]:
    ids = list(posyandu_ids)
    result = {pid: ImunisasiMonth() for pid in ids}
    doses = Dose.objects.annotate(posyandu=posyandu_at_month_end(month, "person__")).filter(posyandu__in=ids)
    for pid, antigen, n in (
        doses.filter(tanggal__range=(month.first, month.last))
        .values_list("posyandu", "antigen")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        result[pid].dosis[antigen] = n
    _completed(doses, month, result)
    if month.month in VITAMIN_A_MONTHS:
        _vitamin_a(ids, month, result)
    return result


def _completed(doses, month: Month, result: dict[int, ImunisasiMonth]) -> None:
    """IDL and baduta lengkap reached this month: the series' last dose given in the month."""
    for name, antigens, before in (
        ("idl", immunisation_rules.IDL, immunisation_rules.IDL_BEFORE_MONTHS),
        ("baduta_lengkap", immunisation_rules.BADUTA, immunisation_rules.BADUTA_BEFORE_MONTHS),
    ):
        rows = (
            doses.filter(antigen__in=antigens)
            .values_list("person", "posyandu", "person__tanggal_lahir")
            .annotate(n=Count("pk"), last=Max("tanggal"))
            .filter(n=len(antigens), last__range=(month.first, month.last))
            .order_by()
        )
        for _, pid, birth, _, last in rows:
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
