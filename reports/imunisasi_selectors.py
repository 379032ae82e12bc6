"""The month's immunisation and vitamin A figures per Posyandu, in three queries whatever the
data size. A dose counts for the Posyandu where the child's household was at the month's end
(as SKDN does); a vitamin A round for the Posyandu of the child's household now, as the round
page (visits.vitamin_a_selectors) shows it."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Count, Max

from registry.models import Posyandu
from visits import immunisation_rules
from visits.models import Dose
from visits.service_windows import VITAMIN_A_MONTHS
from visits.vitamin_a_selectors import Round, band_of, round_sasaran

from . import snapshots
from .attribution import posyandu_at_month_end
from .imunisasi import ImunisasiMonth, add_all
from .imunisasi_excel import add_sheets
from .models import Recap, RecapKind
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


def recap_rows(
    posyandu: list[Posyandu], month: Month, by_puskesmas: bool
) -> list[tuple[tuple, ImunisasiMonth, str]]:
    """The recap's rows: per Posyandu with desa subtotals (a Puskesmas recap) or per Puskesmas (a
    Kab/Kota recap), then the total. `posyandu` comes with its desa (and Puskesmas)."""
    figures = imunisasi_month(posyandu_ids=[p.pk for p in posyandu], month=month)
    rows: list[tuple[tuple, ImunisasiMonth, str]] = []
    if by_puskesmas:
        key = lambda p: p.desa.puskesmas.nama  # noqa: E731
        for name, members in groupby(sorted(posyandu, key=key), key=key):
            rows.append(((name,), add_all(figures[p.pk] for p in members), "row"))
    else:
        for desa, members in groupby(posyandu, key=lambda p: p.desa):
            members = list(members)
            rows += [((desa.nama, p.nama), figures[p.pk], "row") for p in members]
            rows.append(
                ((f"Subtotal {desa.nama}", None), add_all(figures[p.pk] for p in members), "subtotal")
            )
    total_labels = ("Total",) if by_puskesmas else ("Total", None)
    rows.append((total_labels, add_all(figures.values()), "total"))
    return rows


def recap_posyandu(recap: Recap) -> list[Posyandu]:
    """The Posyandu of a recap's area, in the order of reports.recaps."""
    if recap.kind == RecapKind.PUSKESMAS:
        rows = Posyandu.objects.filter(desa__puskesmas=recap.puskesmas)
    else:
        rows = Posyandu.objects.filter(
            desa__kecamatan__kab_kota=recap.kab_kota, desa__puskesmas__isnull=False
        )
    return list(rows.select_related("desa__puskesmas").order_by("desa__nama", "nama"))


def imunisasi_recap(book, recap: Recap, month: Month, title: str, label_headers: list[str]) -> None:
    """Add the immunisation, vitamin A and SKDN-by-sex-and-age sheets to a recap's workbook."""
    posyandu = recap_posyandu(recap)
    rows = recap_rows(posyandu, month, by_puskesmas=recap.kind != RecapKind.PUSKESMAS)
    bands = snapshots.area_bands(posyandu_ids=[p.pk for p in posyandu], month=month)  # tutup bulan
    add_sheets(book, title, month, label_headers, rows, bands)
