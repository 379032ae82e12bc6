"""The district's monthly figures as one table, to compare before and after a change to the
report definitions: per month the sums over every Posyandu of S, K, D, N, T, O, B, 2T, BGM, the
status-gizi counts and referrals, and how many Posyandu show D > S (impossible when D ⊆ S).

    .venv/bin/python bench/figures.py [--months 12] > figures.tsv   (DJANGO settings from env)
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "posyandu.settings")

import django  # noqa: E402

django.setup()

from registry.models import Posyandu  # noqa: E402
from reports import selectors  # noqa: E402
from reports.period import Month  # noqa: E402
from reports.sections import add_all  # noqa: E402
from visits.models import Visit  # noqa: E402

SKDN = ["s", "k", "d", "n", "t", "o", "b", "two_t", "bgm"]
GIZI = ["diukur_bbu", "underweight", "diukur_pbu", "stunting", "diukur_bbpb", "wasting", "overweight"]


def months_with_visits(limit: int) -> list[Month]:
    dates = Visit.objects.dates("tanggal", "month", order="DESC")[:limit]
    return sorted(Month.of(d) for d in dates)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args()
    ids = list(Posyandu.objects.values_list("pk", flat=True))
    rujukan_fields = None
    for month in months_with_visits(args.months):
        figures = selectors.posyandu_month(posyandu_ids=ids, month=month)
        total = add_all(figures.values())
        rujukan = asdict(total.rujukan)
        if rujukan_fields is None:
            rujukan_fields = list(rujukan)
            print("\t".join(["bulan", *SKDN, *GIZI, *rujukan_fields, "posyandu_d_gt_s"]))
        d_gt_s = sum(1 for f in figures.values() if f.skdn.d > f.skdn.s)
        skdn, gizi = asdict(total.skdn), asdict(total.gizi)
        values = [*(skdn[k] for k in SKDN), *(gizi[k] for k in GIZI), *(rujukan[k] for k in rujukan_fields)]
        print("\t".join(str(v) for v in [month.key, *values, d_gt_s]))


if __name__ == "__main__":
    main()
