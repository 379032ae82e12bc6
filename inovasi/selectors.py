"""Reads of the inovasi pages, every one through registry.scoping.scope(), in a fixed number of
queries whatever the number of children, deliveries or ledger rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from registry.lifecycle import Group, months_before
from registry.models import Person, Posyandu
from registry.scoping import get_scoped_or_404, scope
from reports import selectors as report_selectors
from reports.period import Month
from reports.skdn import Skdn
from visits.models import Measurement
from visits.rules import BALITA_UNTIL_MONTHS

from . import effect
from .eligibility import Flags, reasons
from .models import Donor, Enrolment, FundSource, Innovation, LedgerEntry, Pledge, PmtDelivery, Programme

EFFECT_MONTHS = 3  # months before and after an innovation's start


def _plausible(m: Measurement, index: str, value):
    return None if index in m.implausible.split(";") else value


def flags_of(m: Measurement, person: Person) -> Flags:
    """The flags of one weighing; LiLA counts for KEK only while the person is ibu hamil."""
    hamil = Group.IBU_HAMIL in person.groups_on(m.visit.tanggal)
    return Flags(
        kms=m.kms,
        two_t=m.two_t,
        z_bbu=_plausible(m, "bbu", m.z_bbu),
        z_bbpb=_plausible(m, "bbpb", m.z_bbpb),
        z_pbu=_plausible(m, "pbu", m.z_pbu),
        lila_hamil=float(m.lila_cm) if hamil and m.lila_cm is not None else None,
    )


def _measurements(person_ids, until: dt.date):
    return (
        Measurement.objects.filter(visit__person_id__in=person_ids, visit__tanggal__lte=until)
        .filter(visit__dihapus_at__isnull=True)
        .select_related("visit__person")
        .order_by("visit__tanggal", "visit__created_at", "pk")
    )


def latest_flags(*, person: Person, on: dt.date) -> Flags | None:
    """The flags of the person's last weighing on or before `on` (None: never weighed)."""
    m = _measurements([person.pk], on).last()
    return None if m is None else flags_of(m, person)


def weighings(person_ids, until: dt.date) -> dict[int, list[effect.Weighing]]:
    """Each person's weighings up to `until`, in date order: one query."""
    found: dict[int, list[effect.Weighing]] = defaultdict(list)
    for m in _measurements(person_ids, until):
        kg = _plausible(m, "bbu", m.berat_kg)
        kg = None if kg is None else float(kg)
        codes = reasons(flags_of(m, m.visit.person))
        found[m.visit.person_id].append(effect.Weighing(m.visit.tanggal, kg, m.kms, codes))
    return found


@dataclass
class EnrolmentRow:
    enrolment: Enrolment
    outcome: effect.Outcome
    deliveries: int
    eaten: int


def enrolment_rows(enrolments: list[Enrolment], today: dt.date) -> list[EnrolmentRow]:
    """Each enrolment with its outcome and PMT counts: two queries for the lot."""
    history = weighings([e.person_id for e in enrolments], today)
    given: dict[int, list[bool]] = defaultdict(list)
    for enrolment_id, eaten in PmtDelivery.objects.filter(enrolment__in=enrolments).values_list(
        "enrolment_id", "dimakan"
    ):
        given[enrolment_id].append(eaten)
    return [
        EnrolmentRow(
            e,
            effect.child_outcome(history[e.person_id], start=e.mulai, end=min(e.selesai or today, today)),
            len(given[e.pk]),
            sum(given[e.pk]),
        )
        for e in enrolments
    ]


def _ledger_label(entry: LedgerEntry) -> str:
    if entry.arah == "masuk":
        return str(entry.donor) if entry.donor else FundSource(entry.sumber).label
    return entry.enrolment.person.nama if entry.enrolment else entry.kegiatan


def ledger_of(entries: list[LedgerEntry]) -> effect.Ledger:
    return effect.ledger([(e.arah, e.jumlah, _ledger_label(e)) for e in entries])


def _ledger_rows(programmes) -> QuerySet[LedgerEntry]:
    return LedgerEntry.objects.filter(programme__in=programmes).select_related("donor", "enrolment__person")


def programme_list(*, user) -> QuerySet[Programme]:
    return scope(Programme.objects.select_related("posyandu__desa"), user)


def donor_list(*, user) -> QuerySet[Donor]:
    return scope(Donor.objects.select_related("puskesmas"), user)


def innovation_list(*, user) -> QuerySet[Innovation]:
    return scope(Innovation.objects.select_related("posyandu__desa"), user)


def programme(*, user, pk: int) -> Programme:
    return get_scoped_or_404(Programme.objects.select_related("posyandu__desa"), user, pk=pk)


def programme_page(*, user, pk: int, today: dt.date) -> dict:
    """Everything the programme page shows, in a fixed number of queries."""
    prog = programme(user=user, pk=pk)
    enrolments = list(prog.enrolments.select_related("person"))
    entries = list(_ledger_rows([prog]))
    return {
        "programme": prog,
        "pledges": list(prog.pledges.select_related("donor")),
        "rows": enrolment_rows(enrolments, today),
        "deliveries": list(
            PmtDelivery.objects.filter(enrolment__programme=prog).select_related("enrolment__person")
        ),
        "entries": entries,
        "ledger": ledger_of(entries),
    }


def donor_page(*, user, pk: int, today: dt.date) -> dict:
    """A donor's report: pledges, money given and spent, and the children of the programmes it
    funds with their outcome (only programmes in the user's area)."""
    donor = get_scoped_or_404(Donor.objects.select_related("puskesmas"), user, pk=pk)
    pledges = list(scope(Pledge.objects.filter(donor=donor), user).select_related("programme__posyandu"))
    programmes = {p.programme for p in pledges}
    enrolments = list(
        scope(Enrolment.objects.filter(programme__in=programmes), user).select_related("person", "programme")
    )
    given = scope(LedgerEntry.objects.filter(donor=donor, arah="masuk"), user)
    return {
        "donor": donor,
        "pledges": pledges,
        "pledged": sum(p.total for p in pledges),
        "given": sum(given.values_list("jumlah", flat=True)),
        "rows": enrolment_rows(enrolments, today),
        "ledger": ledger_of(list(_ledger_rows(programmes))),
    }


def posyandu_page(*, user, pk: int, today: dt.date) -> dict:
    """A Posyandu's orang tua asuh programmes (children, outcomes, ledger) and innovations."""
    posyandu = get_scoped_or_404(Posyandu.objects.select_related("desa"), user, pk=pk)
    programmes = list(Programme.objects.filter(posyandu=posyandu))
    enrolments = Enrolment.objects.filter(programme__in=programmes).select_related("person", "programme")
    entries: dict[int, list[LedgerEntry]] = defaultdict(list)
    for entry in _ledger_rows(programmes):
        entries[entry.programme_id].append(entry)
    return {
        "posyandu": posyandu,
        "programmes": [(p, ledger_of(entries[p.pk])) for p in programmes],
        "rows": enrolment_rows(list(enrolments), today),
        "innovations": list(Innovation.objects.filter(posyandu=posyandu)),
    }


def comparison_posyandu(innovation: Innovation) -> list[int]:
    """Posyandu of the same Puskesmas with no innovation recorded: the comparison group."""
    with_one = Innovation.objects.values("posyandu_id")
    others = Posyandu.objects.filter(desa__puskesmas_id=innovation.posyandu.desa.puskesmas_id)
    return list(others.exclude(pk__in=with_one).order_by("pk").values_list("pk", flat=True))


def _summed(figures: dict[Month, dict[int, Skdn]], ids: list[int]) -> dict[Month, Skdn]:
    return {m: sum((rows[i] for i in ids), Skdn()) for m, rows in figures.items()}


def effect_page(*, user, pk: int, today: dt.date) -> dict:
    """An innovation with D/S and N/D before and after its start, here and in the comparison
    group: 4 queries a month shown (reports.selectors.skdn) and three more."""
    innovation = get_scoped_or_404(Innovation.objects.select_related("posyandu__desa"), user, pk=pk)
    start = Month.of(innovation.mulai)
    before, after = effect.windows(start, EFFECT_MONTHS, Month.of(today))
    others = comparison_posyandu(innovation)
    own, until = innovation.posyandu_id, Month.of(today)
    figures = report_selectors.skdn_months(posyandu_ids=[own, *others], months=before + after)
    return {
        "innovation": innovation,
        "before": before,
        "after": after,
        "comparison_count": len(others),
        "comparisons": effect.effect(
            _summed(figures, [own]), _summed(figures, others), start=start, n=EFFECT_MONTHS, until=until
        ),
    }


def donors_for(*, user, programme) -> QuerySet[Donor]:
    """The donors a programme may take a pledge from: those of its Puskesmas, by name."""
    donors = scope(Donor.objects.filter(puskesmas_id=programme.posyandu.desa.puskesmas_id), user)
    return donors.order_by("nama")


def enrolment_candidates(*, user, programme, today: dt.date) -> QuerySet[Person]:
    """Who may be enrolled in a programme: the balita and the women with an HPHT of its Posyandu
    (inovasi.eligibility then asks for a reason from their own flags)."""
    young = Q(tanggal_lahir__gt=months_before(today, BALITA_UNTIL_MONTHS))
    people = scope(Person.objects.filter(household__posyandu=programme.posyandu), user)
    return people.filter(young | Q(hpht__isnull=False)).select_related("household").order_by("nama")


def enrolments_of(*, user, programme) -> QuerySet[Enrolment]:
    return scope(Enrolment.objects.filter(programme=programme), user).select_related("person", "programme")
