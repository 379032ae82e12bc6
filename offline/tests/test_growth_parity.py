"""One engine, two places: the growth engine in the browser (static/js/growth_engine.js) and the
Python engine (visits/growth/) on the same 100,000 generated measurements: all indices, ages
0–19 years, both sexes, lying/standing/unknown position, values around the ±2/±3 SD category
bounds and the implausibility limits. Identical z-scores to 0.01, identical statuses and flags."""

import json

import numpy as np
import pytest

from offline.growth_data import engine_data
from visits.growth import status
from visits.growth.indices import DAYS_PER_MONTH, INDICES, compute
from visits.growth.tables import table
from visits.growth.zscore import value_at

pytestmark = pytest.mark.browser
N = 100_000
ENGINE = "static/js/growth_engine.js"
# z-scores the generated values aim at: category bounds and flag limits, just inside and outside.
BOUNDS = np.array([-6, -5, -3, -2, 1, 2, 3, 5, 6], dtype=float)


def _aimed_z(rng, n):
    """Mostly spread over −7…7; a third just around a bound (±0.004 keeps the 2-decimal flag
    rounding on one side, ±1e-4 the category)."""
    z = rng.uniform(-7, 7, n)
    near = rng.random(n) < 0.33
    offsets = rng.choice([-0.004, -1e-4, 1e-4, 0.004], n)
    return np.where(near, rng.choice(BOUNDS, n) + offsets, z)


def _value(rng, name, sex_index, x, n, monthly=False):
    t = table(name)
    if monthly:
        low = np.clip(np.trunc(x), t.start, t.stop)
        lms = t.at(sex_index, low)
    else:
        lms = t.at(sex_index, np.clip(np.floor(x + 0.5), t.start, t.stop))
    return value_at(_aimed_z(rng, n), *lms)


def measurements(seed: int = 20261116) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    sex = rng.integers(1, 3, N)
    s = sex - 1
    age = rng.integers(0, 19 * 365 + 5, N).astype(float)
    special = np.array([0, 1, 90, 91, 730, 731, 1826, 1827, 3682, 3683, 6939, 6940, 6970, 6971], dtype=float)
    age[:len(special) * 2] = np.tile(special, 2)  # fmt: skip
    months = age / DAYS_PER_MONTH
    young = months < 60
    weight = np.where(young, _value(rng, "wfa_0_5", s, age, N), _value(rng, "wfa_5_10", s, months, N, True))
    height = np.where(young, _value(rng, "lhfa_0_5", s, age, N), _value(rng, "hfa_5_19", s, months, N, True))
    bmi = _value(rng, "bfa_5_19", s, months, N, True)
    weight = np.where(months >= 121, bmi * (height / 100) ** 2, weight)
    head = _value(rng, "hcfa_0_5", s, age, N)
    muac = _value(rng, "acfa_0_5", s, age, N)
    position = rng.integers(0, 3, N).astype(float)
    data = {"sex": sex.astype(float), "age": age, "weight": weight, "length": height, "position": position,
            "head": head, "muac": muac}  # fmt: skip
    for name in ("weight", "length", "head", "muac"):  # missing (and zero) measures too
        values = np.round(data[name], 3)  # as typed, in grams and millimetres
        values[rng.random(N) < 0.08] = np.nan
        values[rng.random(N) < 0.002] = 0
        data[name] = values
    return data


def python_engine(m):
    r = compute(m["sex"].astype(int), m["age"], m["weight"], m["length"], m["position"].astype(int),
                m["head"], m["muac"])  # fmt: skip
    statuses = []
    for i in range(N):
        z = {name: None if np.isnan(r[f"z_{name}"][i]) else float(r[f"z_{name}"][i]) for name in INDICES}
        statuses.append(status.statuses(z, m["age"][i]))
    return r, statuses


# Strings both ways: Playwright's serializer is slow on 700,000 numbers, JSON.parse is not.
JS = """
(text) => {
  const [engine, m] = JSON.parse(text);
  GrowthEngine.load(engine);
  const out = {z: {}, flags: {}, status: {bbu: [], pbu: [], bbpb: [], imtu: []}};
  const names = ["bbu", "pbu", "bbpb", "imtu", "lku", "lilau"];
  names.forEach(n => { out.z[n] = []; out.flags[n] = []; });
  const nan = v => (v === null ? NaN : v);
  for (let i = 0; i < m.sex.length; i++) {
    const r = GrowthEngine.compute(m.sex[i], m.age[i], nan(m.weight[i]), nan(m.length[i]), m.position[i],
                                   nan(m.head[i]), nan(m.muac[i]));
    names.forEach(n => { out.z[n].push(isNaN(r.z[n]) ? null : r.z[n]); out.flags[n].push(r.flags[n]); });
    const st = GrowthEngine.statuses(r.z, m.age[i]);
    Object.keys(out.status).forEach(k => out.status[k].push(st[k]));
  }
  return JSON.stringify(out);
}
"""


def test_browser_and_python_engines_agree_on_100000_measurements(browser):
    m = measurements()
    r, py_status = python_engine(m)
    payload = [engine_data(), {k: [None if np.isnan(v) else float(v) for v in a] for k, a in m.items()}]
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=ENGINE)
        js = json.loads(page.evaluate(JS, json.dumps(payload)))
    finally:
        page.close()
    for name in INDICES:
        ours = np.array([np.nan if v is None else v for v in js["z"][name]])
        theirs = r[f"z_{name}"]
        assert np.array_equal(np.isnan(ours), np.isnan(theirs)), name
        assert np.nanmax(np.abs(ours - theirs), initial=0) < 0.01, name
        assert js["flags"][name] == [bool(f) for f in r[f"flag_{name}"]], name
    for key in ("bbu", "pbu", "bbpb", "imtu"):
        assert js["status"][key] == [s[key] for s in py_status], key
    # the generated data reach what they are meant to reach
    assert np.count_nonzero(r["flag_bbu"]) > 1000 and np.count_nonzero(~np.isnan(r["z_lilau"])) > 10_000
    assert {s["bbpb"] for s in py_status} >= {"Gizi buruk", "Gizi kurang", "Gizi baik", "Obesitas"}
