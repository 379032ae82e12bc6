"""The registers of a Posyandu's women for one year: ibu hamil & nifas (one row per pregnancy)
and WUS/PUS (wanita usia subur 15–49; pasangan usia subur: wife or head of a household), one
row per woman with a cell per month. Each is read from the episodes, contacts and visits they
summarise, in a fixed number of queries (six and four), whatever the number of women."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from registry.lifecycle import RULES, completed_years
from registry.models import Person, Posyandu, Relation
from registry.scoping import scope
from visits import pregnancy_rules
from visits.models import Pregnancy, TdDose, Visit
from visits.rules import KEK_LILA_BELOW

from .register_sheets import MONTHS, RegisterSheet

WUS_YEARS = (15, 49)
IBU_HEADERS = ["Nama", "Umur", "G-P-A", "HPHT", "HPL", "4T", "LiLA terendah (cm)", "TTD (tablet)",
               "MT (hari)", "Status Td", "Kontak ANC", "Hasil"]  # fmt: skip
WUS_HEADERS = ["Nama", "Umur", "PUS", "Status Td", "KB terakhir"]


@dataclass
class Register:
    title: str
    headers: list[str]
    rows: list[tuple[list, list[str]]]  # (the row's columns, its 12 month cells)
    year: int

    def sheet(self) -> RegisterSheet:
        """The register for the one Excel writer (reports.register_sheets): the month columns
        after the row's own."""
        rows = [[*columns, *months] for columns, months in self.rows]
        return RegisterSheet("Register", self.title, self.year, [*self.headers, *MONTHS], rows)


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _visits(person_ids, start: dt.date, end: dt.date) -> dict[int, list[Visit]]:
    visits = Visit.objects.filter(person_id__in=person_ids, tanggal__gte=start, tanggal__lte=end)
    by_person: dict[int, list[Visit]] = defaultdict(list)
    for visit in visits.select_related("measurement", "care").order_by("tanggal", "pk"):
        by_person[visit.person_id].append(visit)
    return by_person


def _td_status(person_ids) -> dict[int, list[TdDose]]:
    doses: dict[int, list[TdDose]] = defaultdict(list)
    for dose in TdDose.objects.filter(person_id__in=person_ids):
        doses[dose.person_id].append(dose)
    return doses


def _record(visit: Visit, name: str):
    """A meja record of the visit, or None when that table was not filled."""
    return getattr(visit, name, None)


def _weight_cell(visit: Visit) -> str:
    measurement = _record(visit, "measurement")
    if measurement is not None and measurement.berat_kg is not None:
        return _number(measurement.berat_kg) + " kg"
    return "hadir"


def _ibu_row(
    episode: Pregnancy, visits: list[Visit], doses: list[TdDose], year: int
) -> tuple[list, list[str]]:
    ibu = episode.ibu
    end = (episode.tanggal_hasil + dt.timedelta(days=RULES.nifas_days)) if episode.tanggal_hasil else None
    own = [v for v in visits if v.tanggal >= episode.hpht and (end is None or v.tanggal <= end)]
    pregnant = [v for v in own if episode.tanggal_hasil is None or v.tanggal <= episode.tanggal_hasil]
    lila = [m.lila_cm for v in pregnant if (m := _record(v, "measurement")) and m.lila_cm is not None]
    ttd = sum((c.ttd_tablet or 0) for v in pregnant if (c := _record(v, "care")))
    mt_days = sum(row.hari for row in episode.mt.all())
    contacts = list(episode.kontak.all())
    trimesters = [pregnancy_rules.trimester(episode.hpht, c.tanggal) for c in contacts]
    flags = pregnancy_rules.four_t(ibu.tanggal_lahir, episode.hpht, episode.persalinan_terakhir, episode.para)
    kek = " (KEK)" if lila and float(min(lila)) < KEK_LILA_BELOW else ""
    hasil = f"{episode.get_hasil_display()} {episode.tanggal_hasil:%d-%m-%Y}" if episode.hasil else "hamil"
    columns = [
        ibu.nama,
        completed_years(ibu.tanggal_lahir, episode.hpht),
        f"G{_n(episode.gravida)} P{_n(episode.para)} A{_n(episode.abortus)}",
        f"{episode.hpht:%d-%m-%Y}",
        f"{pregnancy_rules.hpl(episode.hpht):%d-%m-%Y}",
        ", ".join(label.split(" (")[0] for label in flags.labels) or "-",
        (_number(min(lila)) + kek) if lila else "-",
        f"{ttd}{' (≥ 90)' if pregnancy_rules.ttd_done(ttd) else ''}",
        mt_days,
        f"T{pregnancy_rules.td_status(d.dosis for d in doses)}",
        f"{len(contacts)}{' (K6)' if pregnancy_rules.k6_complete(trimesters) else ''}",
        hasil,
    ]
    cells = [""] * 12
    for visit in own:
        if visit.tanggal.year == year:
            cells[visit.tanggal.month - 1] = _weight_cell(visit)
    marks = [(f"K{c.ke}", c.tanggal) for c in contacts] + [(n.jenis, n.tanggal) for n in episode.nifas.all()]
    for label, day in marks:
        if day.year == year:
            cell = cells[day.month - 1]
            cells[day.month - 1] = f"{cell} {label}".strip()
    return columns, cells


def _number(value) -> str:
    """60.50 → "60,5", as a register is written."""
    return f"{float(value):g}".replace(".", ",")


def _n(value: int | None) -> str:
    return "?" if value is None else str(value)


def ibu_register(*, user, posyandu: Posyandu, year: int) -> Register:
    """Ibu hamil & nifas: every pregnancy of the Posyandu's women that was open, or in its
    42 days of nifas, during the year."""
    start, end = _year_bounds(year)
    nifas_from = start - dt.timedelta(days=RULES.nifas_days)
    episodes = scope(Pregnancy.objects.all(), user).filter(
        Q(tanggal_hasil__isnull=True) | Q(tanggal_hasil__gte=nifas_from),
        ibu__household__posyandu=posyandu, hpht__lte=end,
    )  # fmt: skip
    episodes = list(
        episodes.select_related("ibu").prefetch_related("kontak", "mt", "nifas").order_by("ibu__nama", "hpht")
    )
    ids = {e.ibu_id for e in episodes}
    earliest = min((e.hpht for e in episodes), default=start)
    visits, doses = _visits(ids, earliest, end), _td_status(ids)
    rows = [_ibu_row(e, visits.get(e.ibu_id, []), doses.get(e.ibu_id, []), year) for e in episodes]
    return Register(f"Register ibu hamil & nifas {posyandu.nama}", IBU_HEADERS, rows, year)


def wus_register(*, user, posyandu: Posyandu, year: int) -> Register:
    """WUS/PUS: women of 15–49 on the year's last day, their Td status and KB; a month shows
    the KB recorded at meja 5 and a Td dose given."""
    start, end = _year_bounds(year)
    low, high = WUS_YEARS
    born_after = dt.date(year - high - 1, 12, 31)  # 49 on 31 December: born after 31-12 (year-50)
    born_by = dt.date(year - low, 12, 31)
    women = scope(Person.objects.all(), user).filter(
        household__posyandu=posyandu,
        jenis_kelamin="P",
        tanggal_lahir__gt=born_after,
        tanggal_lahir__lte=born_by,
    )
    women = list(women.prefetch_related(Prefetch("td_doses", queryset=TdDose.objects.order_by("dosis"))))
    visits = _visits({w.pk for w in women}, start, end)
    rows = []
    for woman in women:
        doses = list(woman.td_doses.all())
        kb = [c.get_kb_display() for v in visits.get(woman.pk, []) if (c := _record(v, "care")) and c.kb]
        pus = woman.hubungan in (Relation.KEPALA, Relation.SUAMI_ISTRI)
        td = f"T{pregnancy_rules.td_status(d.dosis for d in doses)}"
        age = completed_years(woman.tanggal_lahir, end)
        columns = [woman.nama, age, "ya" if pus else "-", td, kb[-1] if kb else "-"]
        cells = [""] * 12
        for visit in visits.get(woman.pk, []):
            if (care := _record(visit, "care")) and care.kb:
                cells[visit.tanggal.month - 1] = f"KB {care.get_kb_display()}"
        for dose in doses:
            if dose.tanggal.year == year:
                cells[dose.tanggal.month - 1] = f"{cells[dose.tanggal.month - 1]} T{dose.dosis}".strip()
        rows.append((columns, cells))
    return Register(f"Register WUS/PUS {posyandu.nama}", WUS_HEADERS, rows, year)


REGISTERS = {"ibu": ibu_register, "wus": wus_register}
