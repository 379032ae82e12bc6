"""Batch check of measurements from a file, like WHO Anthro's survey tool (Django-free).

Rows are parsed one by one (a bad row gets an `error` message and the run goes on), then all
valid rows are computed at once with numpy.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from common.cells import csv_text
from visits import rules

from .indices import INDICES, LYING, STANDING, UNKNOWN, compute, sex_code
from .status import statuses

INPUT_COLUMNS = [
    "id",
    "sex",
    "birth_date",
    "visit_date",
    "weight_kg",
    "length_cm",
    "measured",
    "head_cm",
    "muac_cm",
]
OUTPUT_COLUMNS = (
    INPUT_COLUMNS
    + ["age_days"]
    + [f"z_{name}" for name in INDICES]
    + ["status_bbu", "status_pbu", "status_bbpb", "status_imtu", "flags", "error"]
)
POSITIONS = {"": UNKNOWN, "lying": LYING, "l": LYING, "standing": STANDING, "h": STANDING}
NUMBERS = {"weight_kg": "berat badan", "length_cm": "panjang/tinggi badan", "head_cm": "lingkar kepala",
           "muac_cm": "LiLA"}  # fmt: skip
# Impossible values for anyone 0-19 years old: from the smallest child limit to the largest school-age
# one of visits/rules.py (the forms' limits), so a typo (95 kg for 9,5) is refused, not scored.
PLAUSIBLE = {
    "weight_kg": (rules.CHILD_LIMITS["berat_kg"].low, rules.SCHOOL_LIMITS["berat_kg"].high),
    "length_cm": (rules.CHILD_LIMITS["tinggi_cm"].low, rules.SCHOOL_LIMITS["tinggi_cm"].high),
    "head_cm": (rules.LIMITS["lingkar_kepala_cm"].low, rules.LIMITS["lingkar_kepala_cm"].high),
    "muac_cm": (rules.CHILD_LIMITS["lila_cm"].low, rules.LIMITS["lila_cm"].high),
}


class RowError(ValueError):
    pass


@dataclass
class ParsedRow:
    raw: dict[str, str]
    sex: int = 0
    age_days: float = math.nan
    numbers: dict[str, float] = field(default_factory=dict)
    position: int = UNKNOWN
    error: str = ""


def _date(value: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise RowError(f"{label} tidak terbaca: {value!r} (pakai YYYY-MM-DD)") from None


def _number(value: str, column: str) -> float:
    label, (low, high) = NUMBERS[column], PLAUSIBLE[column]
    text = value.strip().replace(",", ".")
    if not text:
        return math.nan
    try:
        number = float(text)
    except ValueError:
        raise RowError(f"{label} bukan angka: {value!r}") from None
    if number <= 0:
        raise RowError(f"{label} harus lebih dari 0: {value!r}")
    if not low <= number <= high:  # also refuses nan and inf
        raise RowError(f"{label} tidak masuk akal: {value!r} (antara {_decimal(low)} dan {_decimal(high)})")
    return number


def parse_row(raw: dict[str, str]) -> ParsedRow:
    row = ParsedRow(raw={k: (raw.get(k) or "").strip() for k in INPUT_COLUMNS})
    try:
        row.sex = sex_code(row.raw["sex"])
        if not row.sex:
            raise RowError(f"jenis kelamin tidak dikenal: {row.raw['sex']!r} (pakai L/P atau M/F)")
        born = _date(row.raw["birth_date"], "tanggal lahir")
        visit = _date(row.raw["visit_date"], "tanggal kunjungan")
        if visit < born:
            raise RowError("tanggal kunjungan sebelum tanggal lahir")
        row.age_days = (visit - born).days
        row.numbers = {column: _number(row.raw[column], column) for column in NUMBERS}
        measured = row.raw["measured"].lower()
        if measured not in POSITIONS:
            raise RowError(f"cara ukur tidak dikenal: {row.raw['measured']!r} (pakai lying/standing)")
        row.position = POSITIONS[measured]
    except RowError as error:
        row.error = str(error)
    return row


def _decimal(number: float) -> str:
    return f"{number:g}".replace(".", ",")


def _z_text(z: float) -> str:
    return "" if math.isnan(z) else f"{round(z, 2) + 0.0:.2f}"


def assess_rows(rows: list[ParsedRow]) -> Iterator[dict[str, str]]:
    """Output rows in input order: the input columns, z-scores, statuses, flags and error."""
    ok = [r for r in rows if not r.error]
    column = lambda name: [r.numbers[name] for r in ok]  # noqa: E731
    result = compute(
        [r.sex for r in ok], [r.age_days for r in ok], column("weight_kg"), column("length_cm"),
        [r.position for r in ok], column("head_cm"), column("muac_cm"),
    ) if ok else {}  # fmt: skip
    position = {id(r): i for i, r in enumerate(ok)}
    for row in rows:
        out = dict(row.raw) | {c: "" for c in OUTPUT_COLUMNS if c not in INPUT_COLUMNS}
        if row.error:
            out["error"] = row.error
        else:
            i = position[id(row)]
            z = {name: float(result[f"z_{name}"][i]) for name in INDICES}
            out["age_days"] = str(int(row.age_days))
            out |= {f"z_{name}": _z_text(value) for name, value in z.items()}
            plain = {name: None if math.isnan(value) else value for name, value in z.items()}
            out |= {f"status_{k}": v or "" for k, v in statuses(plain, row.age_days).items()}
            out["flags"] = ";".join(name for name in INDICES if bool(result[f"flag_{name}"][i]))
        yield out


def write_csv(rows: Iterable[dict[str, str]], out: io.TextIOBase) -> int:
    writer = csv.DictWriter(out, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: csv_text(value) for key, value in row.items()})
        count += 1
    return count


def check_rows(rows: list[dict[str, str]], out: io.TextIOBase) -> tuple[int, int]:
    """Check every row (as read by batch_input.read_rows); returns (rows written, rows with an error)."""
    parsed = [parse_row(raw) for raw in rows]
    written = write_csv(assess_rows(parsed), out)
    return written, sum(1 for r in parsed if r.error)
