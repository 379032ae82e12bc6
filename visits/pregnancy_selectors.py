"""Reads for pregnancy episodes: a woman's pregnancies and one episode's figures (HPL, gestation,
4T, K1–K6 by trimester, TTD and MT running totals, Td status). The caller has already scoped
the woman or the episode (`registry.scoping.get_scoped_or_404`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Min, Sum
from django.utils import timezone

from registry.lifecycle import pregnancy_age_error
from registry.models import Person

from . import pregnancy_rules as rules
from .models import Care, Measurement, Pregnancy
from .rules import KEK_LILA_BELOW


@dataclass
class EpisodeView:
    """What the episode page and the woman's history show of one pregnancy."""

    episode: Pregnancy
    hpl: dt.date
    four_t: rules.FourT
    gestation: tuple[int, int] | None = None
    trimester: int | None = None
    contacts: list = field(default_factory=list)
    by_trimester: dict[int, int] = field(default_factory=dict)
    k6: bool = False
    ttd_total: int = 0
    ttd_done: bool = False
    kek: bool = False
    mt_days: int = 0
    mt_done: bool = False
    td_status: int = 0


def episode_end(episode: Pregnancy, today: dt.date) -> dt.date:
    """The last day that belongs to the pregnancy: its outcome, or today while it is open."""
    return episode.tanggal_hasil or today


def ttd_total(ibu: Person, hpht: dt.date, end: dt.date) -> int:
    """TTD tablets given at the woman's visits from HPHT to `end` (meja 5, `Care.ttd_tablet`)."""
    visits = Care.objects.filter(visit__person=ibu, visit__tanggal__gte=hpht, visit__tanggal__lte=end)
    return visits.aggregate(total=Sum("ttd_tablet"))["total"] or 0


def was_kek(ibu: Person, hpht: dt.date, end: dt.date) -> bool:
    """LiLA below 23.5 cm at a visit in the pregnancy (KMK ILP 2023 L1257)."""
    lowest = Measurement.objects.filter(
        visit__person=ibu, visit__tanggal__gte=hpht, visit__tanggal__lte=end, lila_cm__isnull=False
    ).aggregate(low=Min("lila_cm"))["low"]
    return lowest is not None and float(lowest) < KEK_LILA_BELOW


def episode_view(episode: Pregnancy, today: dt.date) -> EpisodeView:
    """All figures of one episode (a fixed number of queries)."""
    ibu, end = episode.ibu, episode_end(episode, today)
    contacts = list(episode.kontak.all())
    for contact in contacts:
        contact.trimester = rules.trimester(episode.hpht, contact.tanggal)
    trimesters = [c.trimester for c in contacts]
    mt_days = episode.mt.aggregate(total=Sum("hari"))["total"] or 0
    ttd = ttd_total(ibu, episode.hpht, end)
    return EpisodeView(
        episode=episode,
        hpl=rules.hpl(episode.hpht),
        four_t=rules.four_t(ibu.tanggal_lahir, episode.hpht, episode.persalinan_terakhir, episode.para),
        gestation=rules.gestation(episode.hpht, today) if episode.is_open else None,
        trimester=rules.trimester(episode.hpht, today) if episode.is_open else None,
        contacts=contacts,
        by_trimester=rules.contacts_by_trimester(trimesters),
        k6=rules.k6_complete(trimesters),
        ttd_total=ttd,
        ttd_done=rules.ttd_done(ttd),
        kek=was_kek(ibu, episode.hpht, end),
        mt_days=mt_days,
        mt_done=rules.mt_done(mt_days),
        td_status=td_status(ibu),
    )


def td_status(person: Person) -> int:
    return rules.td_status(person.td_doses.values_list("dosis", flat=True))


def person_pregnancies(person: Person) -> list[Pregnancy]:
    """The woman's pregnancies, newest first, with the baby of each (one query)."""
    return list(person.kehamilan.select_related("bayi").order_by("-hpht"))


def person_maternal(person: Person) -> dict | None:
    """The pregnancies and Td status on a woman's page (10–54 years, or any woman with an
    episode); None for everyone else."""
    if person.jenis_kelamin != "P":
        return None
    episodes = person_pregnancies(person)
    if not episodes and pregnancy_age_error(person.tanggal_lahir, timezone.localdate(), "P"):
        return None
    open_ = next((e for e in episodes if e.is_open), None)
    return {"kehamilan": episodes, "open": open_, "td_status": td_status(person)}
