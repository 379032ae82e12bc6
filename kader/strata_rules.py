"""Posyandu strata and "Posyandu aktif" from a year's figures (Django-free).

Strata (Pedoman Umum Pengelolaan Posyandu, Kemenkes 2011): a Posyandu is Pratama until it
meets every criterion of Madya; Purnama needs Madya's criteria and its own, Mandiri Purnama's
and its own. Posyandu aktif (Kemenkes DO 2023) needs every one of its criteria. Each criterion
is "indicator ≥ minimum" and comes from the database (`kader.models.Criterion`); a figure that
is missing (no month with a weighing, dana sehat not entered) does not meet it. Every criterion
is returned with the figure and whether it was met, so the page shows the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

STRATA = ("pratama", "madya", "purnama", "mandiri")
STRATA_SCHEME = "strata"
AKTIF_SCHEME = "aktif"


@dataclass(frozen=True)
class Rule:
    skema: str
    tingkat: str
    indikator: str
    minimum: Decimal
    sumber: str = ""


@dataclass(frozen=True)
class Evidence:
    rule: Rule
    value: float | None
    met: bool


@dataclass(frozen=True)
class Verdict:
    strata: str
    aktif: bool
    strata_evidence: list[Evidence]
    aktif_evidence: list[Evidence]


def check(rule: Rule, values: dict[str, float | None]) -> Evidence:
    value = values.get(rule.indikator)
    return Evidence(rule, value, value is not None and value >= float(rule.minimum))


def strata_of(evidence: list[Evidence]) -> str:
    """The highest stratum whose criteria, and those of every stratum below, are met."""
    reached = STRATA[0]
    for level in STRATA[1:]:
        if not all(e.met for e in evidence if e.rule.tingkat == level):
            break
        reached = level
    return reached


def evaluate(values: dict[str, float | None], rules: Iterable[Rule]) -> Verdict:
    rules = list(rules)
    order = {level: i for i, level in enumerate(STRATA)}
    strata_rules = sorted(
        (r for r in rules if r.skema == STRATA_SCHEME and r.tingkat in order), key=lambda r: order[r.tingkat]
    )
    strata_evidence = [check(r, values) for r in strata_rules]
    aktif_evidence = [check(r, values) for r in rules if r.skema == AKTIF_SCHEME]
    aktif = bool(aktif_evidence) and all(e.met for e in aktif_evidence)
    return Verdict(strata_of(strata_evidence), aktif, strata_evidence, aktif_evidence)
