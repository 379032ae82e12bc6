"""The growth engine's data for the phone, generated from the Python engine's own tables and
constants (visits/growth/), never typed a second time: the WHO LMS tables, the implausibility
limits, the Permenkes 2/2020 categories and the KMS's KBM table. static/js/growth_engine.js
computes with them; offline/tests/test_growth_parity.py holds both engines to the same answers."""

from __future__ import annotations

import math

from visits.growth import indices, kms, status
from visits.growth.tables import TABLES, table

from .referral_data import referral_data


def _floats(values) -> list[float | None]:
    return [None if math.isnan(v) else float(v) for v in values]


def _rule(rule: status.Rule) -> list[list]:
    return [[None if math.isinf(bound) else bound, inclusive, label] for bound, inclusive, label in rule]


def engine_data() -> dict:
    tables = {}
    for name in TABLES:
        t = table(name)
        tables[name] = {"start": t.start, "step": t.step,
                        "L": [_floats(row) for row in t.L], "M": [_floats(row) for row in t.M],
                        "S": [_floats(row) for row in t.S]}  # fmt: skip
    return {
        "tables": tables,
        "flags": {name: list(limits) for name, limits in indices.FLAG_LIMITS.items()},
        "status": {
            "bbu": _rule(status.BBU),
            "pbu": _rule(status.PBU),
            "bbpb": _rule(status.BBPB),
            "imtu_5_18": _rule(status.IMTU_5_18),
        },  # fmt: skip
        "kbm": {str(months): grams for months, grams in kms.KBM_GRAMS.items()},
        "kbm_from_11": kms.KBM_FROM_11_MONTHS,
        "bgm_below": kms.BGM_BELOW_Z,
        "orange_above": kms.ORANGE_LINE_Z,
        "days_per_month": indices.DAYS_PER_MONTH,
        "standing_cm": indices.STANDING_CORRECTION_CM,
        "length_until_days": indices.LENGTH_UNTIL_DAYS,
        "rujukan": referral_data(),  # meja 3's referral reasons (static/js/referral_rules.js)
    }
